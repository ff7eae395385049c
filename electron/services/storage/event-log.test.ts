import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase, type Db } from './database';
import { EventLog } from './event-log';
import { isUlid } from './ids';
import { makeTempDir } from '../../../test/support/temp-dir';

const schemas = {
  'visitor.tap': z.object({ screen: z.string() }),
  'vend.requested': z.object({ txn: z.number().int() }),
};

let dir: ReturnType<typeof makeTempDir>;
let db: Db;
beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase({ dataDir: dir.path });
});
afterEach(() => {
  db.close();
  dir.remove();
});

describe('EventLog', () => {
  it('appends events with a ULID, ISO time, kiosk id, type and JSON payload', () => {
    const log = new EventLog(db, 'kiosk-7', schemas);
    const e = log.append('visitor.tap', { screen: 'home' }, new Date('2026-11-25T01:02:03.000Z'));
    expect(isUlid(e.id)).toBe(true);
    const row = db.prepare('SELECT * FROM events WHERE id = ?').get(e.id) as Record<string, unknown>;
    expect(row).toMatchObject({ at: '2026-11-25T01:02:03.000Z', kiosk_id: 'kiosk-7', type: 'visitor.tap' });
    expect(JSON.parse(row.payload as string)).toEqual({ screen: 'home' });
  });

  it('rejects an unknown type or a bad payload before writing anything', () => {
    const log = new EventLog(db, 'k', schemas);
    expect(() => log.append('nope', {})).toThrow(/unknown event type nope/);
    expect(() => log.append('vend.requested', { txn: 'x' })).toThrow(/bad payload for event vend.requested/);
    expect(log.count()).toBe(0);
  });

  it('is append-only: updates and deletes are refused by the database itself', () => {
    const log = new EventLog(db, 'k', schemas);
    log.append('visitor.tap', { screen: 'home' });
    expect(() => db.prepare("UPDATE events SET type = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect(log.count('visitor.tap')).toBe(1);
  });

  it('writes a batch all or nothing', () => {
    const log = new EventLog(db, 'k', schemas);
    expect(() =>
      log.appendMany([
        { type: 'visitor.tap', payload: { screen: 'a' } },
        { type: 'vend.requested', payload: { txn: 'bad' } },
      ]),
    ).toThrow();
    expect(log.count()).toBe(0);
    const stored = log.appendMany([
      { type: 'visitor.tap', payload: { screen: 'a' } },
      { type: 'vend.requested', payload: { txn: 5 } },
    ]);
    expect(stored.map((e) => e.type)).toEqual(['visitor.tap', 'vend.requested']);
    expect(log.recent().map((e) => e.type)).toEqual(['vend.requested', 'visitor.tap']);
  });

  it('lists recent events by type, newest first, and tells subscribers after commit', () => {
    const log = new EventLog(db, 'k', schemas);
    const seen: string[] = [];
    log.subscribe((e) => seen.push(e.type));
    log.append('visitor.tap', { screen: 'a' });
    log.append('vend.requested', { txn: 1 });
    log.append('visitor.tap', { screen: 'b' });
    expect(log.recent({ types: ['visitor.tap'] }).map((e) => (e.payload as { screen: string }).screen)).toEqual(['b', 'a']);
    expect(seen).toEqual(['visitor.tap', 'vend.requested', 'visitor.tap']);
  });

  it('refuses to register one type twice', () => {
    const log = new EventLog(db, 'k', schemas);
    expect(() => log.register({ 'visitor.tap': z.object({}) })).toThrow(/already registered/);
  });

  it('keeps ids unique and ordered within one millisecond', () => {
    const log = new EventLog(db, 'k', schemas);
    const at = new Date('2026-01-01T00:00:00Z');
    const ids = Array.from({ length: 200 }, () => log.append('visitor.tap', { screen: 'x' }, at).id);
    expect(new Set(ids).size).toBe(200);
    expect([...ids].sort()).toEqual(ids);
  });
});
