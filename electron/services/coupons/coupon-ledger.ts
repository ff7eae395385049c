/**
 * Coupons issued and redeemed, in SQLite. The rules live here:
 *
 * - one coupon a visit: `visit_ref` (the visit's prescription) is unique;
 * - a shop's daily budget counts coupons issued on the Seoul day, checked and
 *   spent in one IMMEDIATE transaction, so two kiosks cannot both take the
 *   last one;
 * - a code is kept only as its keyed hash (`coupon-code.ts`);
 * - redeeming is one conditional UPDATE (`WHERE redeemed_at IS NULL AND
 *   shop_id = ? AND expires_day >= today`): of two phones at the same moment,
 *   on any number of processes, exactly one changes the row.
 */
import type { Db } from '../storage/database';
import { ulid } from '../storage/ids';
import type { CouponStatus } from '../../contract/coupons-api';
import { addDays, seoulDay, weekdayOf } from '../store/seoul-time';
import { hashCouponCode, newCouponCode, parseCouponCode } from './coupon-code';
import { CouponError } from './coupon-errors';
import type { ShopRecord } from './coupon-shops';

export interface IssuedCoupon {
  couponId: string;
  shopId: string;
  expiresOn: string;
  /** The clear code: handed to the slip and then forgotten. Null when this visit's coupon was issued earlier. */
  code: string | null;
  printJobId: string | null;
}

interface CouponRecord {
  id: string;
  shop_id: string;
  expires_day: string;
  redeemed_at: string | null;
  print_job_id: string | null;
}

/** The last Seoul day a coupon issued on `day` may be used: `validityDays` days counting the day itself. */
export function expiryDay(day: string, validityDays: number): string {
  return addDays(day, Math.max(1, validityDays) - 1);
}

/** The Monday of a Seoul day's week. */
export function weekOf(day: string): string {
  const back = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 }[weekdayOf(day)];
  return addDays(day, -back);
}

export class CouponLedger {
  constructor(
    private readonly db: Db,
    private readonly key: () => Buffer,
    private readonly kioskId: string,
  ) {}

  issuedOn(shopId: string, day: string): number {
    return this.db.prepare('SELECT COUNT(*) FROM coupons WHERE shop_id = ? AND issued_day = ?').pluck().get(shopId, day) as number;
  }

  /** The coupon this visit already has, if any. */
  ofVisit(visitRef: string): (CouponRecord & { issued_day: string }) | undefined {
    return this.db.prepare('SELECT id, shop_id, expires_day, redeemed_at, print_job_id, issued_day FROM coupons WHERE visit_ref = ?').get(visitRef) as
      | (CouponRecord & { issued_day: string })
      | undefined;
  }

  /**
   * The shop to offer now: in service, not paused, with room in today's
   * budget; the one with the most of its budget left (shares, not counts), so
   * a small shop is offered as fairly as a big one; then the one that gave
   * least recently.
   */
  pickShop(shops: ShopRecord[], now: Date): ShopRecord | null {
    const day = seoulDay(now);
    let best: { shop: ShopRecord; used: number; last: string } | null = null;
    for (const shop of shops) {
      if (shop.paused || shop.removed_at || shop.daily_budget <= 0) continue;
      const issued = this.issuedOn(shop.id, day);
      if (issued >= shop.daily_budget) continue;
      const used = issued / shop.daily_budget;
      const last = (this.db.prepare('SELECT MAX(issued_at) FROM coupons WHERE shop_id = ?').pluck().get(shop.id) as string | null) ?? '';
      if (!best || used < best.used || (used === best.used && last < best.last)) best = { shop, used, last };
    }
    return best?.shop ?? null;
  }

  /**
   * Issues this visit's coupon at `shop`, or returns the one it already has
   * (then `code` is null: it was printed once and is not kept).
   */
  issue(shop: ShopRecord, visitRef: string, now: Date): IssuedCoupon {
    return this.db
      .transaction((): IssuedCoupon => {
        const had = this.ofVisit(visitRef);
        if (had) return { couponId: had.id, shopId: had.shop_id, expiresOn: had.expires_day, code: null, printJobId: had.print_job_id };
        // Read again inside the write lock: the row may have changed since the offer.
        const fresh = this.db.prepare('SELECT paused, removed_at, daily_budget, validity_days FROM coupon_shops WHERE id = ?').get(shop.id) as
          | Pick<ShopRecord, 'paused' | 'removed_at' | 'daily_budget' | 'validity_days'>
          | undefined;
        if (!fresh || fresh.removed_at) throw new CouponError('coupons.shop_not_found', `no shop ${shop.id}`);
        if (fresh.paused) throw new CouponError('coupons.shop_paused', `shop ${shop.id} is paused`);
        const day = seoulDay(now);
        if (this.issuedOn(shop.id, day) >= fresh.daily_budget) throw new CouponError('coupons.shop_full', `shop ${shop.id} has given today's coupons`);
        const code = newCouponCode();
        const id = ulid(now.getTime());
        const expiresOn = expiryDay(day, fresh.validity_days);
        this.db
          .prepare('INSERT INTO coupons (id, code_hash, shop_id, visit_ref, kiosk_id, issued_day, issued_at, expires_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(id, hashCouponCode(this.key(), code), shop.id, visitRef, this.kioskId, day, now.toISOString(), expiresOn);
        return { couponId: id, shopId: shop.id, expiresOn, code, printJobId: null };
      })
      .immediate();
  }

  notePrintJob(couponId: string, jobId: string): void {
    this.db.prepare('UPDATE coupons SET print_job_id = ? WHERE id = ?').run(jobId, couponId);
  }

  /** What a shop's phone is told about a typed code, changing nothing. */
  check(shop: ShopRecord, typed: string, now: Date): { status: CouponStatus['status']; row: CouponRecord | null } {
    const parsed = parseCouponCode(typed);
    if (!parsed.ok) return { status: 'check', row: null };
    const row = this.db.prepare('SELECT id, shop_id, expires_day, redeemed_at, print_job_id FROM coupons WHERE code_hash = ?').get(hashCouponCode(this.key(), parsed.code)) as
      | CouponRecord
      | undefined;
    if (!row) return { status: 'unknown', row: null };
    // Another shop's coupon: nothing about it (not its shop, dates or use) is shown here.
    if (row.shop_id !== shop.id) return { status: 'other_shop', row: null };
    if (row.redeemed_at) return { status: 'used', row };
    if (seoulDay(now) > row.expires_day) return { status: 'expired', row };
    if (shop.paused) return { status: 'paused', row };
    return { status: 'valid', row };
  }

  /** Redeems at `shop`: `redeemed` for the one call that changed the row; every other call the reason it did not. */
  redeem(shop: ShopRecord, typed: string, now: Date, device: string): { status: CouponStatus['status']; row: CouponRecord | null } {
    const first = this.check(shop, typed, now);
    if (first.status !== 'valid' || !first.row) return first;
    const won = this.db
      .transaction(
        () =>
          this.db
            .prepare(
              `UPDATE coupons SET redeemed_at = ?, redeemed_device = ?
               WHERE id = ? AND shop_id = ? AND redeemed_at IS NULL AND expires_day >= ?
                 AND EXISTS (SELECT 1 FROM coupon_shops s WHERE s.id = coupons.shop_id AND s.paused = 0 AND s.removed_at IS NULL)`,
            )
            .run(now.toISOString(), device, first.row!.id, shop.id, seoulDay(now)).changes === 1,
      )
      .immediate();
    if (won) return { status: 'redeemed', row: { ...first.row, redeemed_at: now.toISOString() } };
    // Someone else won the race (or the shop was paused that moment): say what the row says now.
    const fresh = this.db.prepare('SELECT paused FROM coupon_shops WHERE id = ?').get(shop.id) as { paused: number } | undefined;
    return this.check({ ...shop, paused: fresh?.paused ?? 1 }, typed, now);
  }

  /** This shop's last redemptions (times only) and today's count. */
  recent(shopId: string, now: Date): { today: number; recent: { redeemedAt: string; issuedDay: string }[] } {
    const rows = this.db
      .prepare('SELECT redeemed_at AS redeemedAt, issued_day AS issuedDay FROM coupons WHERE shop_id = ? AND redeemed_at IS NOT NULL ORDER BY redeemed_at DESC LIMIT 20')
      .all(shopId) as { redeemedAt: string; issuedDay: string }[];
    const startOfDay = new Date(Date.parse(`${seoulDay(now)}T00:00:00.000+09:00`)).toISOString();
    const today = this.db.prepare('SELECT COUNT(*) FROM coupons WHERE shop_id = ? AND redeemed_at >= ?').pluck().get(shopId, startOfDay) as number;
    return { today, recent: rows };
  }

  /** Issued and redeemed per shop per week (Monday, Seoul) for the last `weeks` weeks, newest first. */
  weekly(now: Date, weeks: number): { shopId: string; week: string; issued: number; redeemed: number }[] {
    const thisWeek = weekOf(seoulDay(now));
    const from = addDays(thisWeek, -7 * (weeks - 1));
    const counts = new Map<string, { shopId: string; week: string; issued: number; redeemed: number }>();
    const bump = (shopId: string, day: string, field: 'issued' | 'redeemed') => {
      const week = weekOf(day);
      if (week < from) return;
      const k = `${shopId}|${week}`;
      const c = counts.get(k) ?? { shopId, week, issued: 0, redeemed: 0 };
      c[field]++;
      counts.set(k, c);
    };
    for (const r of this.db.prepare('SELECT shop_id, issued_day FROM coupons WHERE issued_day >= ?').all(from) as { shop_id: string; issued_day: string }[]) bump(r.shop_id, r.issued_day, 'issued');
    const fromIso = new Date(Date.parse(`${from}T00:00:00.000+09:00`)).toISOString();
    for (const r of this.db.prepare('SELECT shop_id, redeemed_at FROM coupons WHERE redeemed_at >= ?').all(fromIso) as { shop_id: string; redeemed_at: string }[]) {
      bump(r.shop_id, seoulDay(new Date(r.redeemed_at)), 'redeemed');
    }
    return [...counts.values()].sort((a, b) => (a.week === b.week ? a.shopId.localeCompare(b.shopId) : b.week.localeCompare(a.week)));
  }
}
