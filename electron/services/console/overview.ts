/**
 * Today at a glance: visitors so far, who waits and for how long, the next
 * bookings (times only), stock running low, each device's health and the
 * open alerts. Everything is read from the services' own state when asked;
 * the console asks again when a push says something changed.
 */
import type { ServiceContext } from '../context';
import type { Db } from '../storage/database';
import type { PrintingService } from '../printing/printing-service';
import type { VendingServiceImpl } from '../vending/vending-service';
import type { Overview } from '../../contract/console-api';
import { dashboard } from '../staff/dashboard-queries';
import { listConsoleAlerts, type AlertNames } from './console-alerts';
import { printerCards, vendingCards } from './device-health';

/** What the overview reads of the check-in flow (absent on a pharmacy-only kiosk). */
export interface StoreLike {
  flow: { queueStatus(): { waiting: number; estimatedMinutes: number } };
  bookings: { list(now?: Date): { slotStart: string; slotMinutes: number; state: string }[] };
  stock: { list(): { itemId: string; name: { ko: string; en: string }; stock: number; lowThreshold: number }[] };
}

/** A gift slot's low-stock threshold: set by staff, else a quarter of its capacity (at least 1). */
export function giftThreshold(db: Db, slots: { slot: number; capacity: number }[], slot: number): number {
  const set = db.prepare('SELECT threshold FROM vending_low_stock WHERE slot = ?').pluck().get(slot) as number | undefined;
  if (set !== undefined) return set;
  const cap = slots.find((s) => s.slot === slot)?.capacity ?? 4;
  return Math.max(1, Math.round(cap / 4));
}

export function buildOverview(d: {
  ctx: ServiceContext;
  now: number;
  printing: PrintingService | null;
  vending: VendingServiceImpl | null;
  store: StoreLike | null;
  names: AlertNames;
  lowThreshold(source: 'gift' | 'snack', id: string | number): number;
}): Overview {
  const { ctx } = d;
  const today = dashboard(ctx.db, { days: 1, now: d.now }).today;
  const q = d.store?.flow.queueStatus() ?? null;
  const nowIso = new Date(d.now).toISOString();
  const bookings = (d.store?.bookings.list(new Date(d.now)) ?? [])
    .filter((b) => b.state === 'booked' && new Date(b.slotStart).getTime() + b.slotMinutes * 60_000 > d.now)
    .slice(0, 5)
    .map((b) => ({ slotStart: b.slotStart, slotMinutes: b.slotMinutes }));
  const gifts = (d.vending?.slots() ?? [])
    .filter((s) => s.count <= d.lowThreshold('gift', s.slot))
    .map((s) => ({ source: 'gift' as const, id: String(s.slot), name: s.item, count: s.count, capacity: s.capacity, threshold: d.lowThreshold('gift', s.slot) }));
  const snacks = (d.store?.stock.list() ?? [])
    .filter((s) => s.stock <= s.lowThreshold)
    .map((s) => ({ source: 'snack' as const, id: s.itemId, name: s.name, count: s.stock, capacity: null, threshold: s.lowThreshold }));
  return {
    kioskId: ctx.kioskId,
    generatedAt: nowIso,
    today: { visitors: today.visitors, prescriptions: today.prescriptions, checkins: today.checkins, gifts: today.gifts, snacks: today.snacks },
    queue: q ? { waiting: q.waiting, expectedWaitMinutes: q.estimatedMinutes } : null,
    nextBookings: bookings,
    lowStock: [...gifts, ...snacks].sort((a, b) => a.count - b.count),
    devices: [...printerCards(d.printing?.status() ?? null), ...vendingCards(d.vending?.status() ?? null)],
    alerts: listConsoleAlerts(ctx.db, d.names, { history: false, limit: 50 }).alerts,
  };
}
