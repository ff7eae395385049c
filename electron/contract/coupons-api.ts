/**
 * Contract of 아름다운 동행 가게 sharing coupons and of counseling referrals.
 *
 * - `coupons.offer` / `coupons.take`: the kiosk screen, after a Mind
 *   Pharmacy prescription (one coupon a visit, never forced).
 * - `coupons.shop*`: a shop's enrolled phone on the venue LAN. They carry a
 *   `shopToken` (a shop session opened with the shop's PIN); the door
 *   (`access.ts`, level `shop`) checks it, and a handler sees only the shop
 *   the session belongs to: a shop can neither see nor redeem another's coupon.
 * - `coupons.staff*`, `referrals.staff*`: the staff console (staff `token`).
 */
import { z } from 'zod';
import { staffToken as token } from './staff-token';
import { DISTRICT_IDS, type DistrictId } from './connect-lists';

const localized = z.object({ ko: z.string(), en: z.string() });
const language = z.enum(['ko', 'en']);
const requestId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'a session request id');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD');
const empty = z.object({}).strict();
const id = z.string().min(1).max(40);
/** A shop session's token (`coupons.shopLogin`), checked at the door like a staff token. */
export const shopToken = z.string().min(16).max(64);
/** What a person types or a QR carries: generous, the service reads it (`parseCouponCode`). */
const typedCode = z.string().max(64);
const printOutcome = z.enum(['printed', 'waiting', 'failed', 'unknown']);
const line = (max: number) => z.string().trim().min(1).max(max).regex(/^[^\u0000-\u001f\u007f]*$/, 'no control characters');

export const couponOfferSchema = z.object({
  shopId: z.string(),
  name: localized,
  gives: localized,
  address: z.string(),
  district: z.string(),
  /** The last day the coupon can be used (Seoul), were it taken now. */
  expiresOn: day,
});

/** The code itself is never in an answer: it exists only on the paper. */
export const couponTakenSchema = couponOfferSchema.extend({
  print: z.object({ jobId: z.string().nullable(), outcome: printOutcome }),
});

/** What a shop's phone sees about a typed code: valid, or why not. */
export const couponStatusSchema = z.object({
  status: z.enum(['valid', 'redeemed', 'used', 'expired', 'unknown', 'check', 'other_shop', 'paused']),
  gives: localized.nullable(),
  expiresOn: day.nullable(),
  /** When it was used (`used`, `redeemed`), ISO. */
  usedAt: z.string().nullable(),
});
export type CouponStatus = z.infer<typeof couponStatusSchema>;

export const shopInputSchema = z
  .object({
    nameKo: line(40),
    nameEn: line(60),
    address: line(120),
    /** One of the 25 자치구 (`connect-lists.ts` ids, `jung` for 중구). */
    district: z.enum(DISTRICT_IDS as [DistrictId, ...DistrictId[]]),
    givesKo: line(60),
    givesEn: line(80),
    dailyBudget: z.number().int().min(0).max(1000),
    validityDays: z.number().int().min(1).max(365),
  })
  .strict();

export const shopRowSchema = z.object({
  shopId: z.string(),
  nameKo: z.string(),
  nameEn: z.string(),
  address: z.string(),
  district: z.string(),
  givesKo: z.string(),
  givesEn: z.string(),
  dailyBudget: z.number().int(),
  validityDays: z.number().int(),
  paused: z.boolean(),
  hasPin: z.boolean(),
  issuedToday: z.number().int(),
});
export type ShopRow = z.infer<typeof shopRowSchema>;

const referralSchema = z.object({
  referralId: z.string(),
  nickname: z.string(),
  kind: z.enum(['program', 'centre']),
  programId: z.string().nullable(),
  target: z.string(),
  referredOn: day,
  followUpOn: day,
  note: z.string(),
  doneAt: z.string().nullable(),
  /** Follow-up day has come (today or past) and it is not done. */
  due: z.boolean(),
});
export type ReferralRow = z.infer<typeof referralSchema>;

export const couponsApi = {
  /** The coupon this visit may take now, or null (no shop with room today, or this visit has one). */
  'coupons.offer': {
    input: z.object({ requestId }).strict(),
    output: z.object({ offer: couponOfferSchema.nullable(), taken: z.boolean() }),
  },
  /** Takes the offered coupon and prints its slip. Idempotent per visit: a second tap answers the same coupon, printed once. */
  'coupons.take': {
    input: z.object({ requestId, shopId: id, language }).strict(),
    output: couponTakenSchema,
  },
  /** Shops a phone can log in as (names only). */
  'coupons.shops': {
    input: empty,
    output: z.object({ shops: z.array(z.object({ shopId: z.string(), name: localized })) }),
  },
  'coupons.shopLogin': {
    input: z.object({ shopId: id, pin: z.string().max(16) }).strict(),
    output: z.object({ shopToken: z.string(), shop: z.object({ shopId: z.string(), name: localized, gives: localized }) }),
  },
  'coupons.shopLogout': { input: z.object({ shopToken }).strict(), output: z.object({ ok: z.literal(true) }) },
  /** Looks a code up for this shop, changes nothing. */
  'coupons.shopCheck': { input: z.object({ shopToken, code: typedCode }).strict(), output: couponStatusSchema },
  /** Redeems a code at this shop: `redeemed` once, then `used` for ever after. */
  'coupons.shopRedeem': { input: z.object({ shopToken, code: typedCode }).strict(), output: couponStatusSchema },
  /** This shop's own recent redemptions (times only) and today's count. */
  'coupons.shopRecent': {
    input: z.object({ shopToken }).strict(),
    output: z.object({ today: z.number().int(), recent: z.array(z.object({ redeemedAt: z.string(), issuedDay: day })) }),
  },

  'coupons.staffShops': { input: z.object({ token }).strict(), output: z.object({ shops: z.array(shopRowSchema), today: day }) },
  'coupons.staffSaveShop': {
    input: z.object({ token, shopId: id.optional(), shop: shopInputSchema }).strict(),
    output: z.object({ shop: shopRowSchema }),
  },
  'coupons.staffSetShopPin': {
    input: z.object({ token, shopId: id, pin: z.string().regex(/^[0-9]{6,8}$/, '6 to 8 digits') }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  'coupons.staffPauseShop': {
    input: z.object({ token, shopId: id, paused: z.boolean() }).strict(),
    output: z.object({ shop: shopRowSchema }),
  },
  'coupons.staffRemoveShop': { input: z.object({ token, shopId: id }).strict(), output: z.object({ ok: z.literal(true) }) },
  /** Coupons issued and redeemed per shop per week (weeks start on Monday, Seoul), newest first. */
  'coupons.staffWeekly': {
    input: z.object({ token, weeks: z.number().int().min(1).max(26).default(8) }).strict(),
    output: z.object({ rows: z.array(z.object({ shopId: z.string(), name: localized, week: day, issued: z.number().int(), redeemed: z.number().int() })) }),
  },

  /** Records a referral for the recognised visitor of a queue entry or booking (consent given at check-in). */
  'referrals.staffAdd': {
    input: z
      .object({
        token,
        from: z.union([z.object({ entryId: id }).strict(), z.object({ bookingId: id }).strict()]),
        kind: z.enum(['program', 'centre']),
        programId: id.optional(),
        target: line(80),
        referredOn: day,
        followUpOn: day,
        note: z.string().trim().max(200).regex(/^[^\u0000-\u0009\u000b-\u001f\u007f]*$/, 'no control characters').default(''),
      })
      .strict(),
    output: z.object({ referral: referralSchema }),
  },
  /** Referrals not done yet, those due first; `all` adds the done ones of the last 30 days. */
  'referrals.staffList': {
    input: z.object({ token, all: z.boolean().default(false) }).strict(),
    output: z.object({ referrals: z.array(referralSchema), today: day }),
  },
  'referrals.staffDone': { input: z.object({ token, referralId: id }).strict(), output: z.object({ referral: referralSchema }) },
  /** Programmes of the 서울연결처방 catalog a counselor may refer to (running or about to start), by name; empty without a catalog. */
  'referrals.staffPrograms': {
    input: z.object({ token }).strict(),
    output: z.object({ programs: z.array(z.object({ id: z.string(), name: localized, institution: localized, state: z.enum(['active', 'upcoming']) })) }),
  },
} as const;
