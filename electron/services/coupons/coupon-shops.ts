/**
 * The 동행 가게 shops staff keep: what each gives, its daily budget and how
 * long its coupons last, paused or not, and the shop's PIN (scrypt, as staff
 * PINs are; the hash's parameters beside it). A shop with coupons is retired
 * (`removed_at`), never deleted: its coupons and counts keep their shop.
 */
import type { Db } from '../storage/database';
import { ulid } from '../storage/ids';
import type { ShopRow } from '../../contract/coupons-api';
import { hashSecret, secretMatches, type ScryptParams } from '../staff/pin-hash';
import { CouponError } from './coupon-errors';

export interface ShopInput {
  nameKo: string;
  nameEn: string;
  address: string;
  district: string;
  givesKo: string;
  givesEn: string;
  dailyBudget: number;
  validityDays: number;
}

export interface ShopRecord {
  id: string;
  name_ko: string;
  name_en: string;
  address: string;
  district: string;
  gives_ko: string;
  gives_en: string;
  daily_budget: number;
  validity_days: number;
  paused: number;
  pin_salt: string | null;
  pin_hash: string | null;
  pin_params: string | null;
  removed_at: string | null;
}

export class CouponShops {
  constructor(
    private readonly db: Db,
    private readonly hashParams?: ScryptParams,
  ) {}

  get(shopId: string): ShopRecord | undefined {
    return this.db.prepare('SELECT * FROM coupon_shops WHERE id = ? AND removed_at IS NULL').get(shopId) as ShopRecord | undefined;
  }

  /** Shops in service (paused ones too), by Korean name. */
  list(): ShopRecord[] {
    return this.db.prepare('SELECT * FROM coupon_shops WHERE removed_at IS NULL ORDER BY name_ko, id').all() as ShopRecord[];
  }

  save(input: ShopInput, at: Date, shopId?: string): ShopRecord {
    const iso = at.toISOString();
    if (shopId) {
      const changed = this.db
        .prepare(
          `UPDATE coupon_shops SET name_ko = ?, name_en = ?, address = ?, district = ?, gives_ko = ?, gives_en = ?, daily_budget = ?, validity_days = ?, updated_at = ?
           WHERE id = ? AND removed_at IS NULL`,
        )
        .run(input.nameKo, input.nameEn, input.address, input.district, input.givesKo, input.givesEn, input.dailyBudget, input.validityDays, iso, shopId).changes;
      if (!changed) throw new CouponError('coupons.shop_not_found', `no shop ${shopId}`);
      return this.get(shopId)!;
    }
    const id = `shop-${ulid(at.getTime()).slice(-10).toLowerCase()}`;
    this.db
      .prepare(
        `INSERT INTO coupon_shops (id, name_ko, name_en, address, district, gives_ko, gives_en, daily_budget, validity_days, paused, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
      )
      .run(id, input.nameKo, input.nameEn, input.address, input.district, input.givesKo, input.givesEn, input.dailyBudget, input.validityDays, iso, iso);
    return this.get(id)!;
  }

  setPaused(shopId: string, paused: boolean, at: Date): ShopRecord {
    const changed = this.db.prepare('UPDATE coupon_shops SET paused = ?, updated_at = ? WHERE id = ? AND removed_at IS NULL').run(paused ? 1 : 0, at.toISOString(), shopId).changes;
    if (!changed) throw new CouponError('coupons.shop_not_found', `no shop ${shopId}`);
    return this.get(shopId)!;
  }

  remove(shopId: string, at: Date): void {
    const changed = this.db
      .prepare('UPDATE coupon_shops SET removed_at = ?, pin_salt = NULL, pin_hash = NULL, pin_params = NULL, updated_at = ? WHERE id = ? AND removed_at IS NULL')
      .run(at.toISOString(), at.toISOString(), shopId).changes;
    if (!changed) throw new CouponError('coupons.shop_not_found', `no shop ${shopId}`);
  }

  async setPin(shopId: string, pin: string, at: Date): Promise<void> {
    if (!this.get(shopId)) throw new CouponError('coupons.shop_not_found', `no shop ${shopId}`);
    if (/^(\d)\1+$/.test(pin)) throw new CouponError('coupons.pin_invalid', 'a PIN of one digit repeated');
    const h = await hashSecret(pin, this.hashParams);
    const changed = this.db
      .prepare('UPDATE coupon_shops SET pin_salt = ?, pin_hash = ?, pin_params = ?, updated_at = ? WHERE id = ? AND removed_at IS NULL')
      .run(h.salt, h.hash, h.params, at.toISOString(), shopId).changes;
    if (!changed) throw new CouponError('coupons.shop_not_found', `no shop ${shopId}`);
  }

  /** Whether `pin` opens this shop. A shop without a PIN cannot be logged in to at all. */
  async pinMatches(shop: ShopRecord, pin: string): Promise<boolean> {
    if (!shop.pin_hash || !shop.pin_salt) throw new CouponError('coupons.no_pin', `shop ${shop.id} has no PIN yet`);
    return secretMatches(pin, { salt: shop.pin_salt, hash: shop.pin_hash, params: shop.pin_params });
  }
}

export function shopRow(s: ShopRecord, issuedToday: number): ShopRow {
  return {
    shopId: s.id,
    nameKo: s.name_ko,
    nameEn: s.name_en,
    address: s.address,
    district: s.district,
    givesKo: s.gives_ko,
    givesEn: s.gives_en,
    dailyBudget: s.daily_budget,
    validityDays: s.validity_days,
    paused: s.paused === 1,
    hasPin: s.pin_hash !== null,
    issuedToday,
  };
}
