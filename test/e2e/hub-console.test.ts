/**
 * The hub's staff console in Chromium, entered as staff would: the pairing
 * page takes the code from `npm run hub -- pair-device`, a wrong PIN is told
 * kindly, the right one opens the console. Then a kiosk of the venue shows online
 * with its printer and outbox, its crisis alert is listed and acknowledged
 * from the page (and so cleared on the kiosk), and the venue's queue shows
 * the ticket the hub numbered; "call next" and "talked" on the page reach the
 * kiosk that issued the ticket, and a snack delivery is added to the venue's
 * count. An admin PIN also gets the admin section:
 * a PIN added on the page (typed twice), removed again, the last admin PIN
 * kept, a new tablet's pairing code shown, and the city's fetches listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startTestPostgres, type TestPostgres } from '../support/postgres';
import { startTestServices, type TestServices } from '../support/test-services';
import { createCityToken } from '../../electron/hub/city-export';
import { HUB_TEST_PINS, hubLinkFor, hubSyncOf, pairKiosk, startTestHub, until } from '../support/hub';

let postgres: TestPostgres;
let hub: Awaited<ReturnType<typeof startTestHub>>;
let kiosk: TestServices;
let browser: Browser;

beforeAll(async () => {
  postgres = await startTestPostgres();
  hub = await startTestHub(postgres.url);
  kiosk = await startTestServices({ kioskId: 'console-kiosk-1' }, { hub: hubLinkFor(hub.url, await pairKiosk(postgres.url, 'console-kiosk-1', 'console-venue')), prefix: 'itda-hub-console-' });
  await until('paired', () => hubSyncOf(kiosk.services).paired());
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
  await hub?.remove();
  await postgres?.remove();
}, 60_000);

describe('the hub console', { timeout: 90_000 }, () => {
  it('shows the fleet, the venue queue and the alerts, and acknowledges an alert everywhere', async () => {
    const call = async (method: string, input: unknown) => {
      const r = await kiosk.services.dispatch(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.code}`);
      return r.value as any;
    };
    await call('store.start', { requestId: 'console-visit-0001', consent: false });
    const ticket = await call('store.talkNow', { requestId: 'console-visit-0001' });
    const { alertId } = await call('store.crisis', { requestId: 'console-visit-0001' });
    await until('sent', () => hubSyncOf(kiosk.services).outbox.lag().events === 0);
    await hubSyncOf(kiosk.services).heartbeat();

    const page = await browser.newPage();
    try {
      await page.goto(`${hub.url}/staff`);
      const { code } = await hub.staff.createPairingCode('front desk', 'test');
      await hub.staff.addPin('staff', 'front', HUB_TEST_PINS.staff);
      await page.locator('[data-testid="pair-code"]').fill(code);
      await page.locator('[data-testid="pair-submit"]').click();
      await page.locator('[data-testid="hub-pin"]').fill('9753');
      await page.locator('[data-testid="hub-login-submit"]').click();
      await page.locator('[data-testid="hub-login-notice"]').getByText('PIN이 맞지 않아요').waitFor({ timeout: 20_000 });
      await page.locator('[data-testid="hub-pin"]').fill(HUB_TEST_PINS.staff);
      await page.locator('[data-testid="hub-login-submit"]').click();
      const row = page.locator('[data-kiosk="console-kiosk-1"]');
      await row.waitFor({ timeout: 20_000 });
      expect(await row.textContent()).toContain('연결됨 (online)');
      await page.locator('[data-testid="hub-queue"] [data-testid="hub-ticket"]').getByText(ticket.label, { exact: true }).waitFor({ timeout: 20_000 });
      const ack = page.locator('#alerts tr.crisis button');
      await ack.waitFor({ timeout: 20_000 });
      await ack.click();
      await until('kiosk cleared the crisis alert', async () => {
        await hubSyncOf(kiosk.services).heartbeat();
        return kiosk.services.db!.prepare('SELECT acknowledged_at FROM staff_alerts WHERE id = ?').pluck().get(alertId) !== null;
      });
      await page.getByText('열린 알림이 없어요').waitFor({ timeout: 20_000 });

      // Call next from the hub's page: the kiosk that issued the ticket takes it with its heartbeat.
      const entryId = kiosk.services.db!.prepare('SELECT id FROM store_queue WHERE ticket_label = ?').pluck().get(ticket.label) as string;
      const localState = () => kiosk.services.db!.prepare('SELECT state FROM store_queue WHERE id = ?').pluck().get(entryId);
      await page.locator('[data-testid="hub-call-next"]').click();
      await page.locator('[data-testid="hub-queue-notice"]').getByText(`${ticket.label}번을 불렀어요`).waitFor({ timeout: 20_000 });
      await hubSyncOf(kiosk.services).heartbeat();
      expect(localState()).toBe('called');
      await page.locator('[data-testid="hub-ticket"][data-state="called"] button[data-mark="talked"]').click();
      await page.locator('[data-testid="hub-queue-notice"]').getByText('기록했어요').waitFor({ timeout: 20_000 });
      await hubSyncOf(kiosk.services).heartbeat();
      expect(localState()).toBe('talked');

      // A delivery of snacks added on the page goes to the venue's count.
      await page.locator('[data-testid="hub-snack-item"]').selectOption('cup-ramen');
      await page.locator('[data-testid="hub-snack-n"]').fill('12');
      await page.locator('[data-testid="hub-snack-add"]').click();
      await page.locator('[data-testid="hub-snack-notice"]').getByText('cup-ramen: 이제 이곳 전체').waitFor({ timeout: 20_000 });
      const pool = (await hub.pool.query("SELECT pool FROM snack_pool WHERE venue = 'console-venue' AND item_id = 'cup-ramen'")).rows[0].pool;
      expect(pool).toBeGreaterThanOrEqual(12);
    } finally {
      await page.close();
    }
  });

  it('lets an admin add and remove staff PINs on the page, keeps the last admin PIN, and shows what the city fetched', async () => {
    await hub.staff.addPin('admin', 'manager', HUB_TEST_PINS.admin);
    const city = await createCityToken(hub.pool, 'seoul-center', 'test');
    expect((await fetch(`${hub.url}/v1/rollup.csv?from=2026-12-01&to=2026-12-05`, { headers: { authorization: `Bearer ${city.token}` } })).status).toBe(200);
    const page = await browser.newPage();
    page.on('dialog', (d) => void d.accept());
    try {
      await page.goto(`${hub.url}/staff`);
      const { code } = await hub.staff.createPairingCode('office', 'test');
      await page.locator('[data-testid="pair-code"]').fill(code);
      await page.locator('[data-testid="pair-submit"]').click();
      await page.locator('[data-testid="hub-pin"]').fill(HUB_TEST_PINS.admin);
      await page.locator('[data-testid="hub-login-submit"]').click();
      const admin = page.locator('[data-testid="hub-admin"]');
      await admin.waitFor({ timeout: 20_000 });
      await page.locator('[data-testid="hub-admin-city-reads"]').getByText('2026-12-01 – 2026-12-05 (CSV)').waitFor({ timeout: 20_000 });
      expect(await page.locator('[data-testid="hub-admin-city"]').textContent()).toContain('seoul-center');

      const notice = page.locator('[data-testid="hub-admin-notice"]');
      await page.locator('[data-testid="hub-new-role"]').selectOption('staff');
      await page.locator('[data-testid="hub-new-label"]').fill('야간 담당');
      await page.locator('[data-testid="hub-new-pin"]').fill('6048');
      await page.locator('[data-testid="hub-new-pin-again"]').fill('6049');
      await page.locator('[data-testid="hub-add-pin-submit"]').click();
      await notice.getByText('두 PIN이 서로 달라요').waitFor({ timeout: 20_000 });
      await page.locator('[data-testid="hub-new-pin-again"]').fill('6048');
      await page.locator('[data-testid="hub-add-pin-submit"]').click();
      const added = page.locator('[data-testid="hub-admin-pins"] tr', { hasText: '야간 담당' });
      await added.waitFor({ timeout: 20_000 });
      expect((await hub.pool.query("SELECT role FROM staff_pins WHERE label = '야간 담당' AND removed_at IS NULL")).rows).toEqual([{ role: 'staff' }]);

      await added.getByRole('button').click();
      await added.waitFor({ state: 'detached', timeout: 20_000 });
      await page.locator('[data-testid="hub-admin-pins"] tr', { hasText: 'manager' }).getByRole('button').click();
      await notice.getByText('마지막 관리자 PIN은 지울 수 없어요').waitFor({ timeout: 20_000 });
      expect((await hub.pool.query("SELECT count(*)::int AS n FROM staff_pins WHERE role = 'admin' AND removed_at IS NULL")).rows[0].n).toBe(1);

      // A new tablet's pairing code, shown large on the page.
      await page.locator('[data-testid="hub-pair-name"]').fill('상담실 태블릿');
      await page.locator('[data-testid="hub-pair-submit"]').click();
      const shown = (await page.locator('[data-testid="hub-pair-code"]').textContent({ timeout: 20_000 }))!;
      expect(shown).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
      expect((await fetch(`${hub.url}/pair`, { method: 'POST', body: new URLSearchParams({ code: shown }), redirect: 'manual' })).status).toBe(303);
    } finally {
      await page.close();
    }
  });
});
