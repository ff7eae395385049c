/**
 * Mind Convenience Store check-in: a whole check-in through the contract
 * (consent → identify → self-check → snack → queue → ticket, fake paper),
 * and the queue and booking queries on an empty database against one with
 * 100,000 past visits (a busy venue's year and more).
 */
import { randomBytes } from 'node:crypto';
import { makeTempDir } from '../test/support/temp-dir';
import { storeHarness } from '../electron/services/store/store-test-harness';
import { ulid } from '../electron/services/storage/ids';
import { addDays, seoulDay } from '../electron/services/store/seoul-time';
import { median, percentile, type BenchModule, type BenchRow } from './bench-table';
import { firstVisitByTouch } from './store-touch-visit';

const NOW = new Date('2026-11-25T02:00:00Z'); // Wednesday 11:00 in Seoul
const PAST_VISITS = 100_000;

function time(fn: () => unknown, runs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** 100,000 visits over the past 400 days; every third joined the queue, every tenth booked (spread over past slots). */
function seedPast(h: ReturnType<typeof storeHarness>) {
  const db = h.db;
  const today = seoulDay(NOW);
  const visit = db.prepare('INSERT INTO store_visits (id, request_id, kiosk_id, day, at, consent, talk, completed_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)');
  const queue = db.prepare("INSERT INTO store_queue (id, day, number, visit_id, kiosk_id, state, joined_at, done_at) VALUES (?, ?, ?, ?, 'k', 'talked', ?, ?)");
  const booking = db.prepare(
    "INSERT INTO store_bookings (id, ref, slot_start, slot_minutes, visit_id, state, booked_at) VALUES (?, ?, ?, 50, ?, ?, ?)",
  );
  const numbers = new Map<string, number>();
  db.transaction(() => {
    for (let i = 0; i < PAST_VISITS; i++) {
      const day = addDays(today, -1 - (i % 400));
      const at = `${day}T03:00:00.000Z`;
      const id = ulid();
      const talk = i % 10 === 0 ? 'book' : i % 3 === 0 ? 'now' : 'skip';
      visit.run(id, `bench-${i}`, 'k', day, at, talk, at);
      if (talk === 'now') {
        const n = (numbers.get(day) ?? 0) + 1;
        numbers.set(day, n);
        queue.run(ulid(), day, n, id, at, at);
      } else if (talk === 'book') {
        // Past bookings, one per slot: the j-th booking takes day j % 400 and the (j / 400)-th half hour from 10:00.
        const j = i / 10;
        const h = Math.floor(j / 400);
        const slot = `${addDays(today, -1 - (j % 400))}T${String(10 + Math.floor(h / 2)).padStart(2, '0')}:${h % 2 ? '30' : '00'}`;
        booking.run(ulid(), `P${i}`, slot, id, i % 20 === 0 ? 'cancelled' : 'booked', at);
      }
    }
  })();
}

async function measure(h: ReturnType<typeof storeHarness>, label: string): Promise<BenchRow[]> {
  // Today's queue: 30 people, a third already seen.
  for (let i = 0; i < 30; i++) {
    const requestId = `queue-bench-${i}`;
    await h.call('store.start', { requestId, consent: false });
    await h.call('store.talkNow', { requestId });
  }
  const flow = (h.domain.service as { flow: { queueStatus(): unknown; slots(): unknown } }).flow;
  const queue = (h.domain.service as { queue: { list(day: string): unknown } }).queue;
  const status = time(() => flow.queueStatus(), 500);
  const list = time(() => queue.list(seoulDay(NOW)), 500);
  const slots = time(() => flow.slots(), 200);
  return [
    { area: 'store', metric: `queue status (people ahead, wait), ${label}`, value: median(status), unit: 'ms', target: '< 10 ms' },
    { area: 'store', metric: `staff: today's queue list, ${label}`, value: median(list), unit: 'ms', target: '< 20 ms' },
    { area: 'store', metric: `14-day booking slots with taken marks, ${label}`, value: median(slots), unit: 'ms', target: '< 20 ms' },
  ];
}

export const storeBench: BenchModule = {
  area: 'store',
  async run(): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];
    const key = randomBytes(32);

    // A check-in through the contract, first visits and revisits alike.
    const dirA = makeTempDir('itda-bench-store-');
    try {
      let clock = NOW;
      const h = storeHarness({ dataDir: dirA.path, now: () => clock, key });
      h.db.prepare('UPDATE store_snack_stock SET stock = 1000000').run();
      const runs = 300;
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        const requestId = `bench-visit-${i}`;
        const phone = `010${String(10_000_000 + (i % 150)).padStart(8, '0')}`;
        const t = performance.now();
        await h.call('store.start', { requestId, consent: true });
        const who = await h.call('store.identify', { requestId, nickname: '해바라기 1', phone });
        if (who.needsSelfCheck) {
          await h.call('store.selfCheck', { requestId, answers: { companionship: 2, leftOut: 1, isolated: 2, contact: true, helper: true } });
        }
        await h.call('store.chooseSnacks', { requestId, itemIds: ['cup-ramen'] });
        await h.call('store.talkNow', { requestId });
        await h.call('store.finish', { requestId, language: 'ko' });
        samples.push(performance.now() - t);
      }
      rows.push(
        { area: 'store', metric: 'check-in through the API (6 calls, WAL + FULL sync), median', value: median(samples), unit: 'ms', target: '< 50 ms' },
        { area: 'store', metric: 'check-in through the API, p95', value: percentile(samples, 95), unit: 'ms' },
      );
      h.close();
    } finally {
      dirA.remove();
    }

    // A first visit by touch in Chromium, paced like a person: the figure the "under two minutes" is about.
    rows.push(...(await firstVisitByTouch()));

    const dirB = makeTempDir('itda-bench-store-');
    const dirC = makeTempDir('itda-bench-store-');
    try {
      const empty = storeHarness({ dataDir: dirB.path, now: () => NOW, key });
      rows.push(...(await measure(empty, 'empty db')));
      empty.close();
      const full = storeHarness({ dataDir: dirC.path, now: () => NOW, key });
      seedPast(full);
      rows.push(...(await measure(full, `${PAST_VISITS.toLocaleString('en')} past visits`)));
      full.close();
    } finally {
      dirB.remove();
      dirC.remove();
    }
    return rows;
  },
};
