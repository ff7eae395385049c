import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/support/temp-dir';
import { openDatabase } from '../storage/database';
import { storeHarness } from './store-test-harness';
import { TalkQueue } from './talk-queue';
import { availabilityProblems } from './availability-check';
import { weeklyAvailabilitySchema } from './store-config';

let dir: ReturnType<typeof makeTempDir>;
let h: ReturnType<typeof storeHarness>;
// Wednesday 25 Nov 2026, 11:00 in Seoul.
const clock = new Date('2026-11-25T02:00:00Z');
const rid = (n: number) => `request-${String(n).padStart(4, '0')}`;

beforeEach(() => {
  dir = makeTempDir('itda-queue-order-');
  h = storeHarness({ dataDir: dir.path, now: () => clock });
});
afterEach(() => {
  h.close();
  dir.remove();
});

async function join(n: number) {
  await h.call('store.start', { requestId: rid(n), consent: false });
  return h.call('store.talkNow', { requestId: rid(n) });
}
const numbers = async () => ((await h.call('store.staffQueue', {})).entries as { number: number }[]).map((e) => e.number);
const entryOf = async (number: number) => ((await h.call('store.staffQueue', {})).entries as { number: number; entryId: string }[]).find((e) => e.number === number)!.entryId;

describe('staff reorder the counseling queue', () => {
  it('moving number 3 up puts it before 2: staff call it second, its ticket number stays, and the waiting counts follow', async () => {
    for (const n of [1, 2, 3]) await join(n);
    const moved = await h.call('store.staffMoveQueue', { entryId: await entryOf(3), direction: 'up' });
    expect(moved.moved).toBe(true);
    expect(moved.entries.map((e: { number: number }) => e.number)).toEqual([1, 3, 2]);
    // The visitors' tickets: number 3 now has one person ahead, number 2 has two.
    const done3 = await h.call('store.finish', { requestId: rid(3), language: 'ko' });
    const done2 = await h.call('store.finish', { requestId: rid(2), language: 'ko' });
    expect([done3.queue.number, done3.queue.ahead, done2.queue.number, done2.queue.ahead]).toEqual([3, 1, 2, 2]);
    expect((await h.call('store.staffCallNext', {})).entry.number).toBe(1);
    expect((await h.call('store.staffCallNext', {})).entry.number).toBe(3);
    expect((await h.call('store.staffCallNext', {})).entry.number).toBe(2);
    expect(h.ctx.events.count('store.queue_moved')).toBe(1);
  });

  it('the first cannot go up and the last cannot go down; someone already called cannot be moved', async () => {
    for (const n of [1, 2]) await join(n);
    expect((await h.call('store.staffMoveQueue', { entryId: await entryOf(1), direction: 'up' })).moved).toBe(false);
    expect((await h.call('store.staffMoveQueue', { entryId: await entryOf(2), direction: 'down' })).moved).toBe(false);
    expect(await numbers()).toEqual([1, 2]);
    await h.call('store.staffCallNext', {});
    await expect(h.call('store.staffMoveQueue', { entryId: await entryOf(1), direction: 'down' })).rejects.toMatchObject({ code: 'store.queue_not_waiting' });
    await expect(h.call('store.staffMoveQueue', { entryId: 'nope', direction: 'down' })).rejects.toMatchObject({ code: 'store.unknown_queue_entry' });
    // Moving down skips the called entry: only waiting visitors trade places.
    await join(3);
    expect((await h.call('store.staffMoveQueue', { entryId: await entryOf(3), direction: 'up' })).entries.map((e: { number: number }) => e.number)).toEqual([1, 3, 2]);
  });

  it('moves from two consoles on two connections keep every visitor exactly once in the queue', async () => {
    for (const n of [1, 2, 3, 4, 5]) await join(n);
    const other = openDatabase({ dataDir: dir.path });
    try {
      const queues = [new TalkQueue(h.db), new TalkQueue(other)];
      const ids = (await h.call('store.staffQueue', {})).entries.map((e: { entryId: string }) => e.entryId) as string[];
      // A fixed walk (no randomness in tests): alternate consoles, each move read fresh inside its own transaction.
      for (let i = 0; i < 40; i++) queues[i % 2]!.move(ids[(i * 3) % 5]!, i % 3 === 0 ? 'down' : 'up');
      const order = await numbers();
      expect([...order].sort()).toEqual([1, 2, 3, 4, 5]);
      const keys = h.db.prepare('SELECT COALESCE(position, number) FROM store_queue').pluck().all() as number[];
      expect(new Set(keys).size).toBe(5);
    } finally {
      other.close();
    }
  });
});

describe('weekly availability staff set', () => {
  const weekly = (patch: object) => weeklyAvailabilitySchema.parse({ slotMinutes: 50, ...patch });

  it('accepts the default schedule and refuses spans that end first, fit no slot, or overlap', async () => {
    expect(availabilityProblems(weekly({}))).toEqual([]);
    expect(availabilityProblems(weekly({ mon: [['18:00', '10:00']], tue: [['10:00', '10:30']], wed: [['10:00', '13:00'], ['12:00', '15:00']] }))).toEqual([
      'mon: 18:00–10:00 ends before it starts',
      'tue: 10:00–10:30 is shorter than one 50-minute slot',
      'wed: 10:00–13:00 and 12:00–15:00 overlap',
    ]);
    const bad = { slotMinutes: 50, mon: [['18:00', '10:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    await expect(h.call('store.staffSetAvailability', { weekly: bad })).rejects.toMatchObject({ code: 'store.availability_invalid' });
    // Nothing was saved: visitors still see the old schedule.
    expect((await h.call('store.staffAvailability', {})).weekly.mon).toEqual([['10:00', '18:00']]);
  });
});
