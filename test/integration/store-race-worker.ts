/**
 * One kiosk process for `store-races.test.ts`: opens the shared itda.db,
 * prepares its own visits, prints "ready", waits for "go" on stdin, then
 * takes snacks, books slots or joins the queue as fast as it can and prints
 * what it got as JSON.
 */
import { createInterface } from 'node:readline';
import { openDatabase } from '../../electron/services/storage/database';
import { parseConfig } from '../../electron/services/config/load-config';
import { SnackStock } from '../../electron/services/store/snack-stock';
import { Bookings } from '../../electron/services/store/bookings';
import { TalkQueue } from '../../electron/services/store/talk-queue';
import { KioskError } from '../../electron/contract/errors';
import { storeHarness } from '../../electron/services/store/store-test-harness';

const [dataDir, kioskId, mode, countArg, nowArg] = process.argv.slice(2) as [string, string, 'snack' | 'choose' | 'book' | 'queue', string, string];
const count = Number(countArg);
const now = new Date(nowArg);
const db = openDatabase({ dataDir });
const store = parseConfig({}).store;
const visits = Array.from({ length: count }, (_, i) => `${kioskId}-visit-${i}`);
const ins = db.prepare("INSERT INTO store_visits (id, request_id, kiosk_id, day, at, consent) VALUES (?, ?, ?, '2026-11-25', ?, 0)");
db.transaction(() => visits.forEach((v) => ins.run(v, `req-${v}`, kioskId, now.toISOString())))();
const stock = new SnackStock(db, store);
const bookings = new Bookings(db, store.availability, store.bookingDays);
const queue = new TalkQueue(db);
const slots = mode === 'book' ? bookings.slots(now).slice(0, count).map((s) => s.start) : [];

// `choose`: whole visits through the contract (consent, then the snack), as a kiosk's screen sends them.
const harness = mode === 'choose' ? storeHarness({ dataDir, kioskId, now: () => now }) : null;

process.stdout.write('ready\n');
const rl = createInterface({ input: process.stdin });
rl.once('line', async () => {
  if (harness) {
    const got: string[] = [];
    const lost: string[] = [];
    for (let i = 0; i < count; i++) {
      const requestId = `${kioskId}-request-${i}`;
      await harness.call('store.start', { requestId, consent: false });
      try {
        await harness.call('store.chooseSnacks', { requestId, itemIds: ['choco-pie'] });
        got.push(requestId);
      } catch (err) {
        lost.push((err as { code: string }).code);
      }
    }
    harness.close();
    db.close();
    process.stdout.write(JSON.stringify({ got, lost }), () => process.exit(0));
    return;
  }
  const got: (string | number)[] = [];
  const lost: string[] = [];
  visits.forEach((visit, i) => {
    try {
      if (mode === 'snack') {
        stock.take(visit, 'choco-pie', now);
        got.push(visit);
      } else if (mode === 'book') {
        got.push(bookings.book(visit, null, slots[i]!, now).slotStart);
      } else {
        got.push(queue.join(visit, kioskId, now).number);
      }
    } catch (err) {
      if (err instanceof KioskError) lost.push(err.code);
      else throw err;
    }
  });
  db.close();
  rl.close();
  // stdin stays open in the parent: leave explicitly once the answer is out.
  process.stdout.write(JSON.stringify({ got, lost }), () => process.exit(0));
});
