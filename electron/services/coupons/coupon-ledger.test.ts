import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Db } from '../storage/database';
import { makeTempDir } from '../../../test/support/temp-dir';
import { couponKey } from './coupon-code';
import { CouponLedger, expiryDay, weekOf } from './coupon-ledger';
import { CouponShops, type ShopInput } from './coupon-shops';

const KEY = couponKey(randomBytes(32));
const shopInput = (over: Partial<ShopInput> = {}): ShopInput => ({
  nameKo: '나눔 반찬가게',
  nameEn: 'Sharing Side Dishes',
  address: '서울 중구 예시로 1',
  district: 'jung',
  givesKo: '반찬 한 가지',
  givesEn: 'one side dish',
  dailyBudget: 2,
  validityDays: 7,
  ...over,
});

let dir: ReturnType<typeof makeTempDir> | null = null;
let db: Db | null = null;
afterEach(() => {
  db?.close();
  dir?.remove();
  db = null;
  dir = null;
});

function setUp() {
  dir = makeTempDir('itda-coupons-');
  db = openDatabase({ dataDir: dir.path });
  return { db, shops: new CouponShops(db), ledger: new CouponLedger(db, () => KEY, 'kiosk-t') };
}

describe('the daily budget, per Seoul day', () => {
  it('gives a shop no more than its budget on one Seoul day, and again the next Seoul day', () => {
    const { shops, ledger } = setUp();
    const shop = shops.save(shopInput({ dailyBudget: 2 }), new Date('2026-12-01T00:00:00Z'));
    // 2026-12-06 14:59 UTC is 23:59 in Seoul; 15:00 UTC is already the 7th there.
    const late = new Date('2026-12-06T14:59:00Z');
    const nextDay = new Date('2026-12-06T15:00:00Z');
    ledger.issue(shop, 'rx-1', new Date('2026-12-05T15:00:00Z')); // 00:00 on the 6th in Seoul
    ledger.issue(shop, 'rx-2', late);
    expect(() => ledger.issue(shop, 'rx-3', late)).toThrow(expect.objectContaining({ code: 'coupons.shop_full' }));
    expect(ledger.pickShop(shops.list(), late)).toBeNull();
    expect(ledger.pickShop(shops.list(), nextDay)?.id).toBe(shop.id);
    expect(ledger.issue(shop, 'rx-3', nextDay).code).not.toBeNull();
    expect(ledger.issuedOn(shop.id, '2026-12-06')).toBe(2);
    expect(ledger.issuedOn(shop.id, '2026-12-07')).toBe(1);
  });

  it('offers no paused shop and none with a budget of 0, and shares fairly between shops', () => {
    const { shops, ledger } = setUp();
    const at = new Date('2026-12-06T03:00:00Z');
    const big = shops.save(shopInput({ nameKo: '큰 가게', dailyBudget: 4 }), at);
    const small = shops.save(shopInput({ nameKo: '작은 가게', dailyBudget: 2 }), at);
    const none = shops.save(shopInput({ nameKo: '쉬는 가게', dailyBudget: 0 }), at);
    const picks: string[] = [];
    for (let i = 0; i < 6; i++) {
      const s = ledger.pickShop(shops.list(), at)!;
      picks.push(s.id);
      ledger.issue(s, `rx-${i}`, at);
    }
    expect(picks.filter((p) => p === big.id)).toHaveLength(4);
    expect(picks.filter((p) => p === small.id)).toHaveLength(2);
    expect(picks).not.toContain(none.id);
    // The small shop is not left until the big one is empty: it is offered within the first three.
    expect(picks.slice(0, 3)).toContain(small.id);
    expect(ledger.pickShop(shops.list(), at)).toBeNull();
    const paused = shops.save(shopInput({ nameKo: '멈춘 가게', dailyBudget: 5 }), at);
    shops.setPaused(paused.id, true, at);
    expect(ledger.pickShop(shops.list(), at)).toBeNull();
    expect(() => ledger.issue(shops.get(paused.id)!, 'rx-p', at)).toThrow(expect.objectContaining({ code: 'coupons.shop_paused' }));
  });
});

describe('one coupon a visit', () => {
  it('gives a visit its one coupon again, without its code, whatever shop a resend names', () => {
    const { shops, ledger } = setUp();
    const at = new Date('2026-12-06T03:00:00Z');
    const a = shops.save(shopInput({ nameKo: 'A' }), at);
    const b = shops.save(shopInput({ nameKo: 'B' }), at);
    const first = ledger.issue(a, 'rx-1', at);
    expect(first.code).toMatch(/^[2-9A-HJ-NP-Z]{15}$/);
    const again = ledger.issue(b, 'rx-1', at);
    expect(again).toMatchObject({ couponId: first.couponId, shopId: a.id, code: null });
    expect(ledger.issuedOn(b.id, '2026-12-06')).toBe(0);
  });
});

describe('checking and redeeming', () => {
  it('redeems once, then says when it was used; refuses after the last valid Seoul day; keeps other shops out', () => {
    const { shops, ledger } = setUp();
    const at = new Date('2026-12-06T03:00:00Z'); // the 6th in Seoul
    const a = shops.save(shopInput({ nameKo: 'A', validityDays: 2, dailyBudget: 5 }), at);
    const b = shops.save(shopInput({ nameKo: 'B' }), at);
    const c1 = ledger.issue(a, 'rx-1', at);
    const c2 = ledger.issue(a, 'rx-2', at);
    expect(c1.expiresOn).toBe('2026-12-07');
    expect(ledger.check(a, c1.code!.toLowerCase(), at).status).toBe('valid');
    expect(ledger.check(b, c1.code!, at)).toEqual({ status: 'other_shop', row: null });
    expect(ledger.redeem(b, c1.code!, at, 'd-b').status).toBe('other_shop');
    expect(ledger.redeem(a, c1.code!, at, 'd-a').status).toBe('redeemed');
    const used = ledger.redeem(a, c1.code!, at, 'd-a');
    expect(used.status).toBe('used');
    expect(used.row?.redeemed_at).toBe(at.toISOString());
    // 23:59 on the 7th in Seoul: still good; 00:00 on the 8th: expired.
    expect(ledger.check(a, c2.code!, new Date('2026-12-07T14:59:00Z')).status).toBe('valid');
    expect(ledger.redeem(a, c2.code!, new Date('2026-12-07T15:00:00Z'), 'd-a').status).toBe('expired');
    const typo = c2.code!.slice(0, 3) + (c2.code![3] === 'A' ? 'B' : 'A') + c2.code!.slice(4);
    expect(ledger.check(a, typo, at).status).toBe('check');
    const other = ledger.issue(a, 'rx-3', at).code!;
    shops.setPaused(a.id, true, at);
    expect(ledger.redeem(shops.get(a.id)!, other, at, 'd-a').status).toBe('paused');
  });

  it('of two connections on one file, only one redeems a code even after the other read it as valid', () => {
    const { db: first, shops, ledger } = setUp();
    const second = openDatabase({ dataDir: dir!.path });
    try {
      const at = new Date('2026-12-06T03:00:00Z');
      const shop = shops.save(shopInput(), at);
      const { code } = ledger.issue(shop, 'rx-1', at);
      const other = new CouponLedger(second, () => KEY, 'kiosk-t');
      // B checks (valid), A redeems, then B's own redemption must lose.
      expect(other.check(shop, code!, at).status).toBe('valid');
      expect(ledger.redeem(shop, code!, at, 'd-a').status).toBe('redeemed');
      expect(other.redeem(shop, code!, at, 'd-b').status).toBe('used');
      expect(first.prepare('SELECT redeemed_device FROM coupons').pluck().all()).toEqual(['d-a']);
    } finally {
      second.close();
    }
  });
});

describe('days', () => {
  it('counts validity days including the day of issue, and weeks from Monday', () => {
    expect(expiryDay('2026-12-06', 1)).toBe('2026-12-06');
    expect(expiryDay('2026-12-06', 7)).toBe('2026-12-12');
    expect(weekOf('2026-12-06')).toBe('2026-11-30'); // a Sunday belongs to the week that began on Monday the 30th
    expect(weekOf('2026-12-07')).toBe('2026-12-07');
  });
});

describe('weekly counts', () => {
  it('counts issued and redeemed per shop per week', () => {
    const { shops, ledger } = setUp();
    const mon = new Date('2026-11-30T03:00:00Z');
    const shop = shops.save(shopInput({ dailyBudget: 10, validityDays: 14 }), mon);
    const c = ledger.issue(shop, 'rx-1', mon);
    ledger.issue(shop, 'rx-2', mon);
    const nextMon = new Date('2026-12-07T03:00:00Z');
    ledger.redeem(shop, c.code!, nextMon, 'd');
    expect(ledger.weekly(nextMon, 2)).toEqual([
      { shopId: shop.id, week: '2026-12-07', issued: 0, redeemed: 1 },
      { shopId: shop.id, week: '2026-11-30', issued: 2, redeemed: 0 },
    ]);
  });
});
