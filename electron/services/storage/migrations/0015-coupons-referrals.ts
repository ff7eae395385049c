/**
 * 아름다운 동행 가게 sharing coupons, and referrals from counseling.
 *
 * - `coupon_shops`: staff-managed shops; a shop's PIN as a scrypt hash (as
 *   staff PINs are). Shops are never deleted while coupons point at them:
 *   `removed_at` retires one.
 * - `coupons`: one row a coupon, the code only as a keyed hash. `visit_ref`
 *   is the Mind Pharmacy prescription it came with (unique: one coupon a
 *   visit); nothing here names a person. Redemption is one conditional
 *   UPDATE (`WHERE redeemed_at IS NULL`), so of two shops' phones at the
 *   same moment exactly one wins.
 * - `store_referrals`: personal data (a counselor's note about a recognised
 *   visitor), deleted with the visitor by the foreign key: erasure on request
 *   and the retention purge both take referrals with them.
 */
export const sql = `
CREATE TABLE coupon_shops (
  id            TEXT PRIMARY KEY,
  name_ko       TEXT NOT NULL,
  name_en       TEXT NOT NULL,
  address       TEXT NOT NULL,
  district      TEXT NOT NULL,
  gives_ko      TEXT NOT NULL,
  gives_en      TEXT NOT NULL,
  daily_budget  INTEGER NOT NULL CHECK (daily_budget BETWEEN 0 AND 1000),
  validity_days INTEGER NOT NULL CHECK (validity_days BETWEEN 1 AND 365),
  paused        INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
  pin_salt      TEXT,
  pin_hash      TEXT,
  pin_params    TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  removed_at    TEXT
);

CREATE TABLE coupons (
  id            TEXT PRIMARY KEY,
  code_hash     TEXT NOT NULL UNIQUE,
  shop_id       TEXT NOT NULL REFERENCES coupon_shops(id),
  visit_ref     TEXT NOT NULL UNIQUE,
  kiosk_id      TEXT NOT NULL,
  issued_day    TEXT NOT NULL,
  issued_at     TEXT NOT NULL,
  expires_day   TEXT NOT NULL,
  print_job_id  TEXT,
  redeemed_at   TEXT,
  redeemed_device TEXT
);
CREATE INDEX coupons_shop_day ON coupons (shop_id, issued_day);
CREATE INDEX coupons_shop_redeemed ON coupons (shop_id, redeemed_at) WHERE redeemed_at IS NOT NULL;

CREATE TABLE store_referrals (
  id            TEXT PRIMARY KEY,
  visitor_id    TEXT NOT NULL REFERENCES store_visitors(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('program', 'centre')),
  program_id    TEXT,
  target        TEXT NOT NULL,
  referred_on   TEXT NOT NULL,
  follow_up_on  TEXT NOT NULL,
  note          TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  done_at       TEXT,
  done_by       TEXT
);
CREATE INDEX store_referrals_due ON store_referrals (follow_up_on) WHERE done_at IS NULL;
CREATE INDEX store_referrals_visitor ON store_referrals (visitor_id);
`;
