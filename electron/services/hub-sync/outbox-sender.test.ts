import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase, type Db } from '../storage/database';
import { EventLog } from '../storage/event-log';
import { makeTempDir } from '../../../test/support/temp-dir';
import { Outbox } from './outbox';
import { OutboxSender, retryDelay, type Timers } from './outbox-sender';
import { HubCallError } from './hub-client';

/** Timers a test runs by hand: what is due, and when. */
function manualTimers() {
  let now = 0;
  const due: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  const timers: Timers = {
    setTimeout(fn, ms) {
      const id = next++;
      due.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout(h) {
      const i = due.findIndex((d) => d.id === h);
      if (i >= 0) due.splice(i, 1);
    },
  };
  return {
    timers,
    pending: () => due.map((d) => d.at - now),
    /** Runs the earliest timer; returns the delay it had. */
    async fire() {
      due.sort((a, b) => a.at - b.at);
      const d = due.shift()!;
      const waited = d.at - now;
      now = d.at;
      d.fn();
      await new Promise((r) => setImmediate(r));
      return waited;
    },
  };
}

let dir: ReturnType<typeof makeTempDir>;
let db: Db;
let log: EventLog;
beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase({ dataDir: dir.path });
  log = new EventLog(db, 'k', { 'visitor.tap': z.object({ n: z.number() }) });
});
afterEach(() => {
  db.close();
  dir.remove();
});

describe('retryDelay', () => {
  it('doubles from the base up to the cap, with half of it random', () => {
    expect([1, 2, 3, 4, 10].map((n) => retryDelay(n, 500, 60_000, () => 1))).toEqual([500, 1000, 2000, 4000, 60_000]);
    expect([1, 2, 3].map((n) => retryDelay(n, 500, 60_000, () => 0))).toEqual([250, 500, 1000]);
  });
});

describe('OutboxSender', () => {
  it('sends in order in batches, backs off while the hub is away, and never sends an acknowledged event again', async () => {
    for (let n = 1; n <= 5; n++) log.append('visitor.tap', { n });
    const outbox = new Outbox(db, log);
    const t = manualTimers();
    const sent: number[][] = [];
    let hubUp = false;
    const sender = new OutboxSender({
      outbox,
      batchSize: 2,
      baseDelayMs: 100,
      maxDelayMs: 1_000,
      random: () => 1,
      timers: t.timers,
      async post(_path, body) {
        if (!hubUp) throw new HubCallError('hub.network', 'down', true);
        const seqs = (body as { events: { seq: number }[] }).events.map((e) => e.seq);
        sent.push(seqs);
        return { ackedSeq: seqs[seqs.length - 1] };
      },
    });
    sender.start();
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      await t.fire();
      waits.push(t.pending()[0]);
    }
    expect(waits).toEqual([100, 200, 400, 800, 1_000]);
    sender.kick(); // a new event during back-off does not hammer the hub
    expect(t.pending()).toEqual([1_000]);
    hubUp = true;
    await t.fire();
    expect(sent).toEqual([[1, 2], [3, 4], [5]]);
    expect(outbox.ackedSeq()).toBe(5);
    log.append('visitor.tap', { n: 6 });
    sender.kick();
    await t.fire();
    expect(sent.at(-1)).toEqual([6]);
    await sender.stop();
    expect(t.pending()).toEqual([]);
  });
});
