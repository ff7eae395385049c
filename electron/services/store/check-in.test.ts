import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../../test/support/temp-dir';
import { slipBlocksWithFooter } from '../printing/slip-document';
import { storeHarness } from './store-test-harness';

let dir: ReturnType<typeof makeTempDir>;
let h: ReturnType<typeof storeHarness>;
// Wednesday 25 Nov 2026, 11:00 in Seoul.
let clock = new Date('2026-11-25T02:00:00Z');

beforeEach(() => {
  dir = makeTempDir('itda-store-');
  clock = new Date('2026-11-25T02:00:00Z');
  h = storeHarness({ dataDir: dir.path, now: () => clock });
});
afterEach(() => {
  h.close();
  dir.remove();
});

const calm = { companionship: 1, leftOut: 1, isolated: 2, contact: true, helper: true };
const rid = (n: number) => `request-${String(n).padStart(4, '0')}`;
const slipText = (i: number) =>
  slipBlocksWithFooter(h.printer.printed[i]!)
    .map((b) => ('text' in b ? b.text : 'left' in b ? `${b.left} ${b.right}` : ''))
    .join('\n');

async function fullVisit(n: number, phone = '010-1234-5678', nickname = '해바라기 7') {
  await h.call('store.start', { requestId: rid(n), consent: true });
  return h.call('store.identify', { requestId: rid(n), nickname, phone });
}

describe('check-in', () => {
  it('a first visit: self-check, snack, queue, one ticket without phone or nickname', async () => {
    expect(await fullVisit(1)).toEqual({ returning: false, needsSelfCheck: true });
    const result = await h.call('store.selfCheck', { requestId: rid(1), answers: { ...calm, companionship: 3, leftOut: 2 } });
    expect(result).toEqual({ uclaScore: 7, level: 'talk', suggestTalk: true });
    await h.call('store.chooseSnacks', { requestId: rid(1), itemIds: ['cup-ramen'] });
    expect(await h.call('store.talkNow', { requestId: rid(1) })).toEqual({ number: 1, ahead: 0, estimatedMinutes: 0 });
    const done = await h.call('store.finish', { requestId: rid(1), language: 'ko' });
    expect(done.queue.number).toBe(1);
    expect(done.snacks.map((s: { itemId: string }) => s.itemId)).toEqual(['cup-ramen']);
    expect(done.print.outcome).toBe('printed');
    // A second tap on "done" prints nothing more.
    await h.call('store.finish', { requestId: rid(1), language: 'ko' });
    expect(h.printer.printed).toHaveLength(1);
    const text = slipText(0);
    expect(text).toContain('1번');
    expect(text).toContain('컵라면');
    expect(text).toContain('02-120');
    expect(text).toContain('평일 10:00');
    expect(text).not.toContain('5678');
    expect(text).not.toContain('해바라기');
  });

  it('recognises a returning visitor and asks the self-check again only after 30 days', async () => {
    await fullVisit(1);
    await h.call('store.selfCheck', { requestId: rid(1), answers: calm });
    clock = new Date(clock.getTime() + 10 * 86_400_000);
    // The same number and nickname (spacing and number format aside): welcome back.
    expect(await fullVisit(2, '+82 10 1234 5678', '해바라기7')).toEqual({ returning: true, needsSelfCheck: false });
    clock = new Date(clock.getTime() + 25 * 86_400_000);
    expect(await fullVisit(3, '01012345678', ' 해바라기 7 ')).toEqual({ returning: true, needsSelfCheck: true });
    expect(await fullVisit(4, '010-9999-0000')).toEqual({ returning: false, needsSelfCheck: true });
    // Two numbers, two visitors; the nickname stays the one first chosen.
    expect(h.db.prepare('SELECT nickname FROM store_visitors ORDER BY first_visit_at').pluck().all()).toEqual(['해바라기 7', '해바라기 7']);
  });

  it('a number with another nickname is a first visit: unlinked, and nothing stored about the real visitor changes', async () => {
    await fullVisit(1);
    const before = h.db.prepare('SELECT nickname, last_visit_at FROM store_visitors').all();
    clock = new Date(clock.getTime() + 86_400_000);
    expect(await fullVisit(2, '010-1234-5678', '소나무 3')).toEqual({ returning: false, needsSelfCheck: true });
    expect(h.db.prepare('SELECT nickname, last_visit_at FROM store_visitors').all()).toEqual(before);
    expect(h.db.prepare('SELECT visitor_id FROM store_visits WHERE request_id = ?').pluck().get(rid(2))).toBeNull();
  });

  it('probing one number: after a few tries every answer is a first visit, even the right nickname, and nothing is written', async () => {
    await fullVisit(1);
    for (let n = 2; n <= 4; n++) expect((await fullVisit(n, '010-1234-5678', `guess ${n}`)).returning).toBe(false);
    // Fifth try for this number in the window: still answered (the real visitor is not refused) ...
    expect((await fullVisit(5, '010-1234-5678', '해바라기 7')).returning).toBe(true);
    // ... and from the sixth on, no look-up at all.
    expect((await fullVisit(6, '010-1234-5678', '해바라기 7')).returning).toBe(false);
    expect(h.db.prepare('SELECT COUNT(*) FROM store_visitors').pluck().get()).toBe(1);
    // Another number is not affected, and the window passes.
    expect((await fullVisit(8, '010-5555-0000', '별')).returning).toBe(false);
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await fullVisit(9, '010-1234-5678', '해바라기 7')).returning).toBe(true);
  });

  it('declined consent: a snack and a ticket, no identification and nothing of the self-check stored', async () => {
    await h.call('store.start', { requestId: rid(1), consent: false });
    await expect(h.call('store.identify', { requestId: rid(1), nickname: '별빛', phone: '01012345678' })).rejects.toMatchObject({ code: 'store.no_consent' });
    await expect(h.call('store.selfCheck', { requestId: rid(1), answers: calm })).rejects.toMatchObject({ code: 'store.no_consent' });
    await h.call('store.chooseSnacks', { requestId: rid(1), itemIds: ['banana-milk'] });
    const done = await h.call('store.finish', { requestId: rid(1), language: 'en' });
    expect(done.queue).toBeNull();
    expect(slipText(0)).toContain('Banana milk');
    expect(h.db.prepare('SELECT COUNT(*) FROM store_self_checks').pluck().get()).toBe(0);
    expect(h.db.prepare('SELECT COUNT(*) FROM store_visitors').pluck().get()).toBe(0);
    expect(h.db.prepare("SELECT consent, talk FROM store_visits").get()).toEqual({ consent: 0, talk: 'skip' });
  });

  it('one snack per visit; changing your mind puts the first back', async () => {
    await fullVisit(1);
    const stock = () => Object.fromEntries((h.db.prepare('SELECT item_id, stock FROM store_snack_stock').all() as { item_id: string; stock: number }[]).map((r) => [r.item_id, r.stock]));
    const before = stock();
    await h.call('store.chooseSnacks', { requestId: rid(1), itemIds: ['cup-ramen'] });
    await h.call('store.chooseSnacks', { requestId: rid(1), itemIds: ['soy-milk'] });
    expect(stock()['cup-ramen']).toBe(before['cup-ramen']);
    expect(stock()['soy-milk']).toBe(before['soy-milk']! - 1);
    await expect(h.call('store.chooseSnacks', { requestId: rid(1), itemIds: ['soy-milk', 'cup-ramen'] })).rejects.toMatchObject({ code: 'store.snack_limit' });
    // The event log adds up to the stock: what was put back is recorded too, so taken minus released is what is held.
    const count = (type: string) => h.db.prepare('SELECT COUNT(*) FROM events WHERE type = ?').pluck().get(type) as number;
    expect(count('store.snack_taken') - count('store.snack_released')).toBe(h.db.prepare('SELECT COUNT(*) FROM store_snacks_taken').pluck().get());
    expect(count('store.snack_released')).toBe(1);
  });

  it('shows out-of-stock items but will not give them, and alerts staff at the low-stock mark', async () => {
    await h.call('store.staffRestock', { itemId: 'choco-pie', set: 4 });
    for (let i = 1; i <= 5; i++) await h.call('store.start', { requestId: rid(i), consent: false });
    for (let i = 1; i <= 4; i++) await h.call('store.chooseSnacks', { requestId: rid(i), itemIds: ['choco-pie'] });
    const item = (await h.call('store.snacks', {})).items.find((s: { itemId: string }) => s.itemId === 'choco-pie');
    expect(item).toMatchObject({ stock: 0, available: false });
    await expect(h.call('store.chooseSnacks', { requestId: rid(5), itemIds: ['choco-pie'] })).rejects.toMatchObject({ code: 'store.out_of_stock' });
    expect(h.db.prepare("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'low_stock'").pluck().get()).toBe(1);
  });

  it('queue numbers count up per Seoul day, and the wait estimate follows the people ahead', async () => {
    for (let i = 1; i <= 3; i++) {
      await h.call('store.start', { requestId: rid(i), consent: false });
      expect((await h.call('store.talkNow', { requestId: rid(i) })).number).toBe(i);
    }
    expect(await h.call('store.queueStatus', {})).toEqual({ waiting: 3, estimatedMinutes: 60 });
    const called = await h.call('store.staffCallNext', {});
    expect(called.entry).toMatchObject({ number: 1, state: 'called' });
    await h.call('store.staffMarkQueue', { entryId: called.entry.entryId, outcome: 'talked' });
    expect((await h.call('store.queueStatus', {})).waiting).toBe(2);
    // Midnight in Seoul (15:00 UTC): a new day starts at number 1.
    clock = new Date('2026-11-25T15:00:00Z');
    await h.call('store.start', { requestId: rid(9), consent: false });
    expect((await h.call('store.talkNow', { requestId: rid(9) })).number).toBe(1);
  });

  it('offers weekday 50-minute slots for 14 days, books one, and frees it when staff cancel', async () => {
    const { slots } = await h.call('store.slots', {});
    // Today (Wed) from 11:40 on: the 10:00 and 10:50 slots have begun or passed.
    expect(slots[0]).toEqual({ start: '2026-11-25T11:40', minutes: 50, free: true });
    expect(slots.some((s: { start: string }) => s.start.startsWith('2026-11-28'))).toBe(false); // Saturday
    expect(slots.every((s: { start: string }) => s.start < '2026-12-09')).toBe(true);
    expect(slots.filter((s: { start: string }) => s.start.startsWith('2026-11-26')).map((s: { start: string }) => s.start.slice(11))).toEqual([
      '10:00', '10:50', '11:40', '12:30', '13:20', '14:10', '15:00', '15:50', '16:40',
    ]);
    await fullVisit(1);
    const b = await h.call('store.book', { requestId: rid(1), slotStart: '2026-11-26T14:10' });
    expect(b.ref).toMatch(/^B[2-9A-Z]{4}$/);
    await h.call('store.start', { requestId: rid(2), consent: false });
    await expect(h.call('store.book', { requestId: rid(2), slotStart: '2026-11-26T14:10' })).rejects.toMatchObject({ code: 'store.slot_taken' });
    const listed = (await h.call('store.staffBookings', {})).bookings;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ nickname: '해바라기 7', state: 'booked' });
    await h.call('store.staffCancelBooking', { bookingId: listed[0].bookingId });
    expect((await h.call('store.book', { requestId: rid(2), slotStart: '2026-11-26T14:10' })).slotStart).toBe('2026-11-26T14:10');
    await h.call('store.finish', { requestId: rid(2), language: 'ko' });
    expect(slipText(0)).toContain('11월 26일 (목) 14:10');
  });

  it('staff can change the weekly schedule', async () => {
    const { weekly } = await h.call('store.staffAvailability', {});
    await h.call('store.staffSetAvailability', { weekly: { ...weekly, sat: [['10:00', '12:00']], slotMinutes: 60 } });
    const { slots } = await h.call('store.slots', {});
    expect(slots.filter((s: { start: string }) => s.start.startsWith('2026-11-28')).map((s: { start: string }) => s.start.slice(11))).toEqual(['10:00', '11:00']);
  });

  it('the crisis button alerts staff once per visit', async () => {
    const a = await h.call('store.crisis', { requestId: rid(1) });
    const b = await h.call('store.crisis', { requestId: rid(1) });
    expect(b.alertId).toBe(a.alertId);
    expect(h.db.prepare("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'crisis'").pluck().get()).toBe(1);
    expect(h.pushes).toContainEqual(expect.objectContaining({ name: 'staff.alert' }));
  });
});

describe('retention', () => {
  it('erases nickname and phone 90 days after the last visit; counts and answers stay, unlinked', async () => {
    await fullVisit(1);
    await h.call('store.selfCheck', { requestId: rid(1), answers: calm });
    await h.call('store.finish', { requestId: rid(1), language: 'ko' });
    clock = new Date(clock.getTime() + 89 * 86_400_000);
    expect((await h.call('store.staffPurge', {})).erased).toBe(0);
    clock = new Date(clock.getTime() + 2 * 86_400_000);
    expect((await h.call('store.staffPurge', {})).erased).toBe(1);
    expect(h.db.prepare('SELECT COUNT(*) FROM store_visitors').pluck().get()).toBe(0);
    expect(h.db.prepare('SELECT COUNT(*), COUNT(visitor_id) FROM store_visits').raw().get()).toEqual([1, 0]);
    expect(h.db.prepare('SELECT COUNT(*), COUNT(visitor_id) FROM store_self_checks').raw().get()).toEqual([1, 0]);
    // Back after the purge: a stranger again.
    expect(await fullVisit(2)).toEqual({ returning: false, needsSelfCheck: true });
  });

  it('erases a visitor at once on request, by the phone number they give staff', async () => {
    await fullVisit(1);
    expect(await h.call('store.staffEraseVisitor', { phone: '010 1234 5678' })).toEqual({ erased: true });
    expect(await h.call('store.staffEraseVisitor', { phone: '010 1234 5678' })).toEqual({ erased: false });
    expect(h.db.prepare('SELECT COUNT(*) FROM store_visitors').pluck().get()).toBe(0);
    expect(h.db.prepare('SELECT COUNT(*) FROM store_visits').pluck().get()).toBe(1);
  });

  it('purges once at start and then every day', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      await fullVisit(1);
      await fullVisit(2, '010-5555-0000');
      clock = new Date(clock.getTime() + 91 * 86_400_000);
      await fullVisit(3, '010-5555-0000'); // the second visitor came back: kept
      await h.domain.start!();
      expect(h.db.prepare('SELECT COUNT(*) FROM store_visitors').pluck().get()).toBe(1);
      clock = new Date(clock.getTime() + 91 * 86_400_000);
      vi.advanceTimersByTime(86_400_000);
      expect(h.db.prepare('SELECT COUNT(*) FROM store_visitors').pluck().get()).toBe(0);
      expect(h.db.prepare("SELECT COUNT(*) FROM events WHERE type = 'store.visitor_erased'").pluck().get()).toBe(2);
    } finally {
      await h.domain.stop!();
      vi.useRealTimers();
    }
  });
});
