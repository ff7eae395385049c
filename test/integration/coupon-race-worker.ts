/**
 * One kiosk process for `coupons.test.ts`: opens the shared itda.db and the
 * coupon key from the data dir, prints "ready", waits for "go" on stdin, then
 * redeems every code it was given at one shop as fast as it can and prints
 * each outcome as JSON.
 */
import { createInterface } from 'node:readline';
import { openDatabase } from '../../electron/services/storage/database';
import { FileKeyStore } from '../../electron/services/store/key-store';
import { couponKey } from '../../electron/services/coupons/coupon-code';
import { CouponLedger } from '../../electron/services/coupons/coupon-ledger';
import { CouponShops } from '../../electron/services/coupons/coupon-shops';

const [dataDir, device, shopId, codesArg, nowArg] = process.argv.slice(2) as [string, string, string, string, string];
const db = openDatabase({ dataDir });
const key = couponKey(new FileKeyStore(dataDir).masterKey());
const ledger = new CouponLedger(db, () => key, device);
const shop = new CouponShops(db).get(shopId)!;
const codes = codesArg.split(',');
process.stdout.write('ready\n');
createInterface({ input: process.stdin }).once('line', () => {
  const out = codes.map((code) => ledger.redeem(shop, code, new Date(nowArg), device).status);
  db.close();
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
});
