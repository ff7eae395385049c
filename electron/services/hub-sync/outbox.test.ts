import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase, type Db } from '../storage/database';
import { EventLog } from '../storage/event-log';
import { migrations } from '../storage/migrations';
import { makeTempDir } from '../../../test/support/temp-dir';
import { Outbox } from './outbox';

const schemas = { 'visitor.tap': z.object({ n: z.number() }) };

let dir: ReturnType<typeof makeTempDir>;
let db: Db;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  db?.close();
  dir.remove();
});

describe('kiosk_seq (migration 12)', () => {
  it('numbers events per kiosk, gap-free, in the event’s own insert', () => {
    db = openDatabase({ dataDir: dir.path });
    const a = new EventLog(db, 'kiosk-a', schemas);
    const b = new EventLog(db, 'kiosk-b', schemas);
    const seqs = [a.append('visitor.tap', { n: 1 }), b.append('visitor.tap', { n: 1 }), a.append('visitor.tap', { n: 2 })].map((e) => e.kioskSeq);
    expect(seqs).toEqual([1, 1, 2]);
    expect(a.appendMany([{ type: 'visitor.tap', payload: { n: 3 } }, { type: 'visitor.tap', payload: { n: 4 } }]).map((e) => e.kioskSeq)).toEqual([3, 4]);
    // A rolled-back event leaves no hole.
    expect(() => a.appendMany([{ type: 'visitor.tap', payload: { n: 5 } }, { type: 'visitor.tap', payload: { n: 'bad' } }])).toThrow();
    expect(a.append('visitor.tap', { n: 5 }).kioskSeq).toBe(5);
    expect(a.lastKioskSeq()).toBe(5);
    expect(a.after(3, 10).map((e) => e.kioskSeq)).toEqual([4, 5]);
  });

  it('refuses an event without a kiosk_seq and keeps events append-only', () => {
    db = openDatabase({ dataDir: dir.path });
    expect(() => db.prepare("INSERT INTO events (id, at, kiosk_id, type, payload) VALUES ('x', 't', 'k', 'visitor.tap', '{}')").run()).toThrow(/kiosk_seq/);
    new EventLog(db, 'k', schemas).append('visitor.tap', { n: 1 });
    expect(() => db.prepare('UPDATE events SET kiosk_seq = 9').run()).toThrow(/append-only/);
  });

  it('numbers the events already written, per kiosk in their order', () => {
    const before = migrations.filter((m) => m.id < 12);
    db = openDatabase({ dataDir: dir.path, migrations: before });
    const ins = db.prepare("INSERT INTO events (id, at, kiosk_id, type, payload) VALUES (?, '2026-01-01T00:00:00.000Z', ?, 'visitor.tap', '{}')");
    ['a', 'b', 'a', 'a', 'b'].forEach((k, i) => ins.run(`e${i}`, k));
    db.close();
    db = openDatabase({ dataDir: dir.path });
    const rows = db.prepare('SELECT id, kiosk_id, kiosk_seq FROM events ORDER BY seq').all();
    expect(rows).toEqual([
      { id: 'e0', kiosk_id: 'a', kiosk_seq: 1 },
      { id: 'e1', kiosk_id: 'b', kiosk_seq: 1 },
      { id: 'e2', kiosk_id: 'a', kiosk_seq: 2 },
      { id: 'e3', kiosk_id: 'a', kiosk_seq: 3 },
      { id: 'e4', kiosk_id: 'b', kiosk_seq: 2 },
    ]);
    expect(new EventLog(db, 'a', schemas).append('visitor.tap', { n: 1 }).kioskSeq).toBe(4);
  });
});

describe('Outbox', () => {
  it('hands out batches after the high-water mark, which only moves forward', () => {
    db = openDatabase({ dataDir: dir.path });
    const log = new EventLog(db, 'k', schemas);
    const box = new Outbox(db, log);
    expect(box.lag()).toEqual({ events: 0, oldestAt: null, ackedSeq: 0, ackedAt: null });
    for (let n = 1; n <= 5; n++) log.append('visitor.tap', { n });
    expect(box.next(2).map((e) => e.kioskSeq)).toEqual([1, 2]);
    box.ack(2, new Date('2026-01-01T00:00:00Z'));
    expect(box.next(10).map((e) => e.kioskSeq)).toEqual([3, 4, 5]);
    box.ack(1); // a late reply to an older batch
    expect(box.ackedSeq()).toBe(2);
    expect(box.lag().events).toBe(3);
    expect(() => box.ack(6)).toThrow(/only 5/);
    box.ack(5);
    expect(box.next(10)).toEqual([]);
    expect(box.lag()).toMatchObject({ events: 0, oldestAt: null, ackedSeq: 5 });
  });
});
