/**
 * A 동행 가게 coupon end to end, one kiosk and one browser with two
 * contexts: the kiosk's screen (loopback, 127.0.0.1) takes a coupon after a
 * Mind Pharmacy prescription and the slip prints; the shop's phone (a LAN
 * device: the host counts only 127.0.0.1 as this machine, and the phone
 * comes from ::1 over TLS) enrolls with a pairing code, opens the slip's QR
 * as read off the paper by zbar, logs in with the shop PIN and redeems it
 * once; the second time it is refused as used. A second coupon, typed by
 * hand, is refused after its last day (the coupons domain's clock moved on).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { useE2eKiosk } from '../support/e2e-kiosk';
import { KIOSK_VIEWPORT, newPageIn } from '../support/browser';
import { makeTempDir } from '../support/temp-dir';
import { readQrCodes, zbarAvailable } from '../support/qr-read';
import { setUpStaff, TEST_STAFF_HOST } from '../support/staff-pins';
import { shippedDomains } from '../../electron/services/domains';
import { couponEventSchemas, couponsDomainModule } from '../../electron/services/coupons/coupons-domain';
import { FileKeyStore } from '../../electron/services/store/key-store';

const e2e = useE2eKiosk();
const DAY_MS = 86_400_000;
const SHOP_PIN = '864209';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '::', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe('a sharing coupon from the kiosk to the shop', { timeout: 180_000 }, () => {
  it('is printed on a visit, redeemed once from the shop phone, refused the second time and after expiry', async () => {
    if (!zbarAvailable()) throw new Error('zbarimg is missing: apt-get install zbar-tools (see .ci/run)');
    const certs = makeTempDir('itda-coupon-tls-');
    const tls = { certFile: join(certs.path, 'cert.pem'), keyFile: join(certs.path, 'key.pem') };
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', tls.keyFile, '-out', tls.certFile], { stdio: 'ignore' });
    const port = await freePort();
    let daysAhead = 0;
    const now = () => new Date(Date.now() + daysAhead * DAY_MS);
    const screenUrl = `https://127.0.0.1:${port}`;
    const phoneUrl = `https://[::1]:${port}`;
    try {
      const kiosk = await e2e.start(
        { kioskId: 'e2e-coupons', idleSeconds: 600, vending: { sim: { vendMs: 200 } }, coupons: { redeemUrl: `${phoneUrl}/redeem` } },
        {
          port,
          listen: '::',
          tls,
          // Only 127.0.0.1 is this machine: the phone, on ::1, is a LAN device.
          isScreenPeer: (a) => a === '127.0.0.1' || a === '::ffff:127.0.0.1',
          modules: (dataDir) =>
            shippedDomains(undefined, dataDir, {}, TEST_STAFF_HOST).map((m) =>
              m.eventSchemas === couponEventSchemas ? couponsDomainModule({ keyStore: new FileKeyStore(dataDir), hashParams: TEST_STAFF_HOST.hashParams, now }) : m,
            ),
        },
      );
      const staff = await setUpStaff(kiosk.services);
      const saved = await kiosk.call('coupons.staffSaveShop', {
        token: staff.admin,
        shop: { nameKo: '가나 반찬가게', nameEn: 'Gana Side Dishes', address: '서울 중구 예시로 12', district: 'jung', givesKo: '반찬 나눔', givesEn: 'a shared side dish', dailyBudget: 5, validityDays: 3 },
      });
      await kiosk.call('coupons.staffSetShopPin', { token: staff.admin, shopId: saved.shop.shopId, pin: SHOP_PIN });

      // The visitor, on the kiosk's screen.
      const screen = await newPageIn(e2e.browser, { viewport: KIOSK_VIEWPORT, hasTouch: true, ignoreHTTPSErrors: true });
      await screen.goto(screenUrl);
      await screen.getByTestId('attract').tap();
      await screen.getByTestId('service-pharmacy').tap();
      await screen.getByTestId('symptom-option').first().tap();
      await screen.getByTestId('pharmacy-confirm').tap();
      await screen.getByTestId('pharmacy-result').waitFor({ timeout: 60_000 });
      await screen.getByTestId('coupon-open').tap();
      const panel = screen.getByTestId('pharmacy-coupon');
      await expect.poll(() => panel.textContent()).toContain('반찬 나눔');
      await screen.getByTestId('coupon-take').tap();
      await screen.locator('[data-testid="pharmacy-coupon"][data-step="done"]').waitFor({ timeout: 60_000 });
      expect(await panel.getAttribute('data-print')).toBe('printed');
      // One coupon a visit: the panel offers no second one; the result screen no longer offers it either.
      await screen.getByTestId('coupon-back').tap();
      await screen.getByTestId('pharmacy-result').waitFor();
      expect(kiosk.count("SELECT COUNT(*) FROM coupons")).toBe(1);

      // The paper: the coupon slip's QR, read by zbar, opens the redemption page with the code.
      const pngs = kiosk.slipFiles('.png');
      expect(pngs).toHaveLength(2);
      const link = readQrCodes(pngs[1]!).find((q) => q.startsWith(`${phoneUrl}/redeem#`));
      expect(link, `QR codes on the coupon slip: ${readQrCodes(pngs[1]!).join(', ')}`).toBeTruthy();

      // The shop's phone: enrolled with a pairing code, then the QR's page, the shop PIN, check, redeem.
      const phone = await newPageIn(e2e.browser, { viewport: { width: 390, height: 844 }, hasTouch: true, ignoreHTTPSErrors: true });
      await phone.goto(`${phoneUrl}/redeem`);
      const { code: pairing } = await kiosk.tech('staff.createPairingCode', { name: '가나 반찬가게 휴대폰' });
      await phone.getByTestId('pair-code').fill(pairing);
      await phone.getByTestId('pair-submit').click();
      await phone.waitForURL(/\/staff$/);
      await phone.goto(link!);
      await phone.getByTestId('redeem-shop').selectOption(saved.shop.shopId);
      await phone.getByTestId('redeem-pin').fill(SHOP_PIN);
      await phone.getByTestId('redeem-login-submit').click();
      const codeBox = phone.getByTestId('redeem-code');
      await expect.poll(() => codeBox.inputValue()).toBe(link!.split('#')[1]);
      await phone.getByTestId('redeem-check').click();
      const verdict = phone.getByTestId('redeem-verdict');
      await expect.poll(() => verdict.getAttribute('data-status')).toBe('valid');
      // Once checked, the code left the address bar.
      expect(phone.url()).toBe(`${phoneUrl}/redeem`);
      expect(await verdict.textContent()).toContain('반찬 나눔');
      await phone.getByTestId('redeem-submit').click();
      await expect.poll(() => verdict.getAttribute('data-status')).toBe('redeemed');
      // The second time: refused, with when it was used.
      await phone.getByTestId('redeem-check').click();
      await expect.poll(() => verdict.getAttribute('data-status')).toBe('used');
      expect(await verdict.textContent()).toContain('이미 쓴 쿠폰');
      expect(await phone.getByTestId('redeem-submit').count()).toBe(0);
      expect(kiosk.count('SELECT COUNT(*) FROM coupons WHERE redeemed_at IS NOT NULL')).toBe(1);

      // A second visit's coupon, typed by hand on the phone after its last day.
      const catalog = await kiosk.call('pharmacy.catalog', {});
      await kiosk.call('pharmacy.prescribe', { symptomId: catalog.symptoms[1].id, requestId: 'e2e-coupon-visit-2', language: 'ko' });
      const taken = await kiosk.call('coupons.take', { requestId: 'e2e-coupon-visit-2', shopId: saved.shop.shopId, language: 'ko' });
      expect(taken.print.outcome).toBe('printed');
      const second = readQrCodes(kiosk.slipFiles('.png').at(-1)!).find((q) => q.includes('/redeem#'))!.split('#')[1]!;
      daysAhead = 3; // validity 3 days counting the day of issue: the fourth day is past it
      await phone.getByTestId('redeem-next').click();
      await codeBox.fill(second.replace(/-/g, ' ').toLowerCase());
      await phone.getByTestId('redeem-check').click();
      // Three days on, the shop session (12 hours at most) has ended: the PIN again, and the typed code is kept.
      await phone.getByTestId('redeem-login').waitFor();
      expect(await phone.getByTestId('redeem-error').textContent()).toContain('다시 로그인');
      await phone.getByTestId('redeem-pin').fill(SHOP_PIN);
      await phone.getByTestId('redeem-login-submit').click();
      await phone.getByTestId('redeem-check').click();
      await expect.poll(() => verdict.getAttribute('data-status')).toBe('expired');
      expect(await verdict.textContent()).toContain('기한이 지난');
      expect(kiosk.count('SELECT COUNT(*) FROM coupons WHERE redeemed_at IS NOT NULL')).toBe(1);
      await screen.context().close();
      await phone.context().close();
    } finally {
      certs.remove();
    }
  });
});
