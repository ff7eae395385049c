/**
 * The 아름다운 동행 가게 domain: the offer after a Mind Pharmacy prescription
 * (one coupon a visit, printed on its own slip), the shops' redemption over
 * their enrolled phones (shop sessions lent to the door as `shopDoor`), and
 * the shops staff keep. Events carry coupon and shop ids only: counts for the
 * dashboard and the city roll-up, no person.
 */
import { z } from 'zod';
import type { CallMeta, Handlers, ShopCaller } from '../../contract/dispatch';
import type { CouponStatus } from '../../contract/coupons-api';
import type { DomainModule, ServiceContext, ServiceDomain } from '../context';
import type { SlipDocumentInput } from '../printing/slip-document';
import { FileKeyStore, type KeyStore } from '../store/key-store';
import { seoulDay } from '../store/seoul-time';
import { lockoutScope, PinLockout } from '../staff/pin-lockout';
import type { ScryptParams } from '../staff/pin-hash';
import { printOutcome } from '../pharmacy/pharmacy-devices';
import { couponKey } from './coupon-code';
import { CouponError } from './coupon-errors';
import { CouponLedger, expiryDay } from './coupon-ledger';
import { CouponShops, shopRow, type ShopRecord } from './coupon-shops';
import { codeSecrets, couponSlip } from './coupon-slip';
import { ShopSessions } from './shop-sessions';

/** How long `coupons.take` waits for its slip before answering "on its way" (the job keeps its place). */
export const COUPON_PRINT_WAIT_MS = 15_000;

const id = z.string().min(1).max(64);
export const couponEventSchemas = {
  'coupon.issued': z.object({ couponId: id, shopId: id }),
  'coupon.redeemed': z.object({ couponId: id, shopId: id }),
  'coupon.refused': z.object({ shopId: id, reason: z.string().max(20) }),
  'coupon.shop_login': z.object({ shopId: id, ok: z.boolean() }),
};

export interface CouponsDomainOptions {
  keyStore?: KeyStore;
  /** The clock (tests move it past a coupon's expiry). */
  now?: () => Date;
  /** Shop PIN hash cost (tests trade strength for speed, as for staff PINs). */
  hashParams?: ScryptParams;
}

interface CouponPrinter {
  submit(doc: SlipDocumentInput, meta: { kind: string; ref?: string; secrets?: string[] }): { jobId: string; state: string };
  waitForJob(jobId: string, timeoutMs: number): Promise<{ jobId: string; state: string }>;
  job(jobId: string): { state: string } | undefined;
}

export function couponsDomainModule(opts: CouponsDomainOptions = {}): DomainModule {
  return { eventSchemas: couponEventSchemas, create: (ctx) => createCouponsDomain(ctx, opts) };
}

function shopOf(meta: CallMeta): ShopCaller {
  if (!meta.shop) throw new CouponError('coupons.session_expired', 'no shop session on this call');
  return meta.shop;
}

export function createCouponsDomain(ctx: ServiceContext, opts: CouponsDomainOptions = {}): ServiceDomain {
  const now = () => opts.now?.() ?? new Date();
  const keyStore = opts.keyStore ?? new FileKeyStore(ctx.dataDir);
  let key: Buffer | null = null;
  const codeKey = () => (key ??= couponKey(keyStore.masterKey()));
  const shops = new CouponShops(ctx.db, opts.hashParams);
  const ledger = new CouponLedger(ctx.db, codeKey, ctx.kioskId);
  const sessions = new ShopSessions(() => now().getTime());
  const lockout = new PinLockout(ctx.db, () => now().getTime());
  const printer = ctx.getService<CouponPrinter>('printing');
  const cfg = ctx.config.coupons;

  /** The visit a request id stands for: its prescription (a coupon comes with a Mind Pharmacy visit). */
  const visitOf = (requestId: string): string | null =>
    (ctx.db.prepare('SELECT id FROM prescriptions_issued WHERE request_id = ?').pluck().get(requestId) as string | undefined) ?? null;

  const offerOf = (shop: ShopRecord) => ({
    shopId: shop.id,
    name: { ko: shop.name_ko, en: shop.name_en },
    gives: { ko: shop.gives_ko, en: shop.gives_en },
    address: shop.address,
    district: shop.district,
    expiresOn: '',
  });

  const liveShop = (caller: ShopCaller): ShopRecord => {
    const shop = shops.get(caller.shopId);
    if (!shop) throw new CouponError('coupons.session_expired', 'the shop was removed');
    return shop;
  };

  const statusOut = (shop: ShopRecord, r: { status: CouponStatus['status']; row: { expires_day: string; redeemed_at: string | null } | null }): CouponStatus => ({
    status: r.status,
    gives: r.row ? { ko: shop.gives_ko, en: shop.gives_en } : null,
    expiresOn: r.row?.expires_day ?? null,
    usedAt: r.row?.redeemed_at ?? null,
  });

  const handlers: Partial<Handlers> = {
    'coupons.offer': ({ requestId }) => {
      const visit = cfg.enabled ? visitOf(requestId) : null;
      if (!visit) return { offer: null, taken: false };
      if (ledger.ofVisit(visit)) return { offer: null, taken: true };
      const shop = ledger.pickShop(shops.list(), now());
      if (!shop) return { offer: null, taken: false };
      return { offer: { ...offerOf(shop), expiresOn: expiryDay(seoulDay(now()), shop.validity_days) }, taken: false };
    },
    'coupons.take': async ({ requestId, shopId, language }) => {
      const visit = visitOf(requestId);
      if (!visit || !cfg.enabled) throw new CouponError('coupons.no_visit', 'no Mind Pharmacy visit for this request');
      const had = ledger.ofVisit(visit);
      // A visit that already has its coupon answers with that coupon's shop, whatever shop the resend names.
      const shop = had ? (ctx.db.prepare('SELECT * FROM coupon_shops WHERE id = ?').get(had.shop_id) as ShopRecord | undefined) : shops.get(shopId);
      if (!shop) throw new CouponError('coupons.shop_not_found', `no shop ${shopId}`);
      const issued = ledger.issue(shop, visit, now());
      const answer = { ...offerOf(shop), expiresOn: issued.expiresOn };
      if (!issued.code) {
        // This visit's coupon was taken before (a second tap, a resend): its slip is not printed again.
        const job = issued.printJobId ? printer.job(issued.printJobId) : undefined;
        return { ...answer, print: { jobId: issued.printJobId, outcome: job ? printOutcome(job.state) : 'failed' } };
      }
      ctx.record('coupon.issued', { couponId: issued.couponId, shopId: shop.id });
      const doc = couponSlip({
        venueName: ctx.config.venue.name,
        shopName: answer.name,
        address: shop.address,
        gives: answer.gives,
        expiresOn: issued.expiresOn,
        code: issued.code,
        redeemUrl: cfg.redeemUrl,
        footer: ctx.config.venue.url,
        language,
      });
      try {
        const job = printer.submit(doc, { kind: 'coupon', ref: issued.couponId, secrets: codeSecrets(issued.code, cfg.redeemUrl) });
        ledger.notePrintJob(issued.couponId, job.jobId);
        const done = await printer.waitForJob(job.jobId, COUPON_PRINT_WAIT_MS);
        return { ...answer, print: { jobId: job.jobId, outcome: printOutcome(done.state) } };
      } catch (err) {
        ctx.logger.error('coupon slip could not be queued', { couponId: issued.couponId, err });
        return { ...answer, print: { jobId: null, outcome: 'failed' as const } };
      }
    },
    'coupons.shops': () => ({ shops: shops.list().map((s) => ({ shopId: s.id, name: { ko: s.name_ko, en: s.name_en } })) }),
    'coupons.shopLogin': async ({ shopId, pin }, meta) => {
      const scope = `shop:${lockoutScope({ ...meta })}`;
      const until = lockout.lockedUntil(scope);
      if (until) throw new CouponError('coupons.locked', `locked until ${until}`, { details: [until] });
      const shop = shops.get(shopId);
      const ok = shop ? await shops.pinMatches(shop, pin) : false;
      ctx.record('coupon.shop_login', { shopId, ok });
      if (!ok || !shop) {
        const f = lockout.fail(scope);
        if (f.lockedUntil) throw new CouponError('coupons.locked', `locked until ${f.lockedUntil}`, { details: [f.lockedUntil] });
        throw new CouponError('coupons.pin_wrong', 'wrong shop PIN');
      }
      lockout.succeed(scope);
      return { shopToken: sessions.open(shop.id, meta), shop: { shopId: shop.id, name: { ko: shop.name_ko, en: shop.name_en }, gives: { ko: shop.gives_ko, en: shop.gives_en } } };
    },
    'coupons.shopLogout': ({ shopToken }) => {
      sessions.logout(shopToken);
      return { ok: true as const };
    },
    'coupons.shopCheck': ({ code }, meta) => {
      const shop = liveShop(shopOf(meta));
      return statusOut(shop, ledger.check(shop, code, now()));
    },
    'coupons.shopRedeem': ({ code }, meta) => {
      const shop = liveShop(shopOf(meta));
      const device = meta.principal?.kind === 'device' ? meta.principal.deviceId : (meta.principal?.kind ?? 'local');
      const r = ledger.redeem(shop, code, now(), device);
      if (r.status === 'redeemed' && r.row) ctx.record('coupon.redeemed', { couponId: (r.row as { id: string }).id, shopId: shop.id });
      else ctx.record('coupon.refused', { shopId: shop.id, reason: r.status });
      return statusOut(shop, r);
    },
    'coupons.shopRecent': (_i, meta) => ledger.recent(liveShop(shopOf(meta)).id, now()),

    'coupons.staffShops': () => {
      const today = seoulDay(now());
      return { today, shops: shops.list().map((s) => shopRow(s, ledger.issuedOn(s.id, today))) };
    },
    'coupons.staffSaveShop': ({ shopId, shop }) => {
      const saved = shops.save(shop, now(), shopId);
      return { shop: shopRow(saved, ledger.issuedOn(saved.id, seoulDay(now()))) };
    },
    'coupons.staffSetShopPin': async ({ shopId, pin }) => {
      await shops.setPin(shopId, pin, now());
      sessions.endShop(shopId);
      return { ok: true as const };
    },
    'coupons.staffPauseShop': ({ shopId, paused }) => {
      const s = shops.setPaused(shopId, paused, now());
      return { shop: shopRow(s, ledger.issuedOn(s.id, seoulDay(now()))) };
    },
    'coupons.staffRemoveShop': ({ shopId }) => {
      shops.remove(shopId, now());
      sessions.endShop(shopId);
      return { ok: true as const };
    },
    'coupons.staffWeekly': ({ weeks }) => {
      const names = new Map(
        (ctx.db.prepare('SELECT id, name_ko, name_en FROM coupon_shops').all() as { id: string; name_ko: string; name_en: string }[]).map((r) => [r.id, { ko: r.name_ko, en: r.name_en }]),
      );
      return { rows: ledger.weekly(now(), weeks).map((r) => ({ ...r, name: names.get(r.shopId) ?? { ko: r.shopId, en: r.shopId } })) };
    },
  };

  return {
    name: 'coupons',
    handlers,
    service: { shops, ledger, sessions },
    shopDoor: { session: (token, meta) => sessions.check(token, meta) },
    onConnectionClosed: (connectionId) => sessions.endConnection(connectionId),
  };
}
