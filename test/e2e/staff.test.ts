/**
 * The staff console in a real browser on the web host at /staff, with the
 * printer and vending simulators: PIN setup, login and lockout; restock
 * changing what the Mind Pharmacy can give; a jam injected into the VMC
 * simulator shown as an alert and cleared in maintenance mode; the
 * diagnostics bundle free of phone numbers and nicknames.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { WebKiosk } from '../support/web-kiosk';
import { setUpStaff, setupCodeFromLog, TEST_PINS } from '../support/staff-pins';
import { useE2eKiosk } from '../support/e2e-kiosk';
import type { VendingServiceImpl } from '../../electron/services/vending/vending-service';

const e2e = useE2eKiosk();
afterEach(() => {
  delete process.env.ITDA_CONFIG;
});

async function start(): Promise<WebKiosk> {
  const kiosk = await e2e.start({ kioskId: 'e2e-staff', idleSeconds: 600, vending: { sim: { vendMs: 0 } } });
  process.env.ITDA_CONFIG = join(kiosk.dataDir, 'config.json');
  return kiosk;
}

const call = (method: string, input: unknown = {}) => e2e.kiosk.call(method, input);

async function typePin(page: Page, pin: string) {
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-submit').click();
}

async function openConsole(): Promise<Page> {
  const page = await (await e2e.browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
  await page.goto(`${e2e.kiosk.url}/staff`);
  await page.getByTestId('staff-pin').waitFor();
  return page;
}

async function withPins(): Promise<void> {
  const { admin } = await setUpStaff(e2e.kiosk.services);
  await call('staff.logout', { token: admin });
}

describe('staff console in the browser', { timeout: 90_000 }, () => {
  it('sets the first admin PIN with the setup code, logs in, and locks the pad after five wrong PINs', async () => {
    const kiosk = await start();
    const page = await openConsole();
    await expect.poll(() => page.getByTestId('staff-pin').textContent()).toContain('설정 코드');
    // The code from the host's log (a technician reads it there, on the setup slip, or with `npm run staff -- setup-code`).
    await typePin(page, setupCodeFromLog(kiosk.dataDir));
    await expect.poll(() => page.getByTestId('staff-pin').getAttribute('data-step')).toBe('pin');
    await typePin(page, TEST_PINS.admin);
    await expect.poll(() => page.getByTestId('staff-pin').getAttribute('data-step')).toBe('again');
    await typePin(page, TEST_PINS.admin);
    await page.getByTestId('staff-console').waitFor();
    expect(await page.getByTestId('staff-console').getAttribute('data-role')).toBe('admin');
    await page.getByTestId('staff-logout').click();
    await page.getByTestId('staff-pin').waitFor();
    for (let i = 0; i < 4; i++) {
      await typePin(page, '1111');
      await expect.poll(() => page.getByTestId('pin-error').textContent()).toContain(`${4 - i}번`);
    }
    await typePin(page, '1111');
    await expect.poll(() => page.getByTestId('pin-error').textContent()).toContain('잠겼습니다');
    await typePin(page, TEST_PINS.admin);
    await expect.poll(() => page.getByTestId('pin-error').textContent()).toContain('잠겼습니다');
    expect(await page.getByTestId('staff-console').count()).toBe(0);
  });

  it('restock in the stock table changes what the Mind Pharmacy can give', async () => {
    await start();
    await withPins();
    const page = await openConsole();
    await typePin(page, TEST_PINS.staff);
    await page.getByTestId('staff-tab-stock').click();
    for (const slot of [1, 2, 3]) {
      await page.getByTestId(`slot-input-${slot}`).fill('0');
      await page.getByTestId(`slot-restock-${slot}`).click();
      await expect.poll(() => page.getByTestId(`slot-count-${slot}`).textContent()).toBe('0');
    }
    expect(await call('vending.giftAvailable', { category: 'tea' })).toEqual({ available: false });
    await page.getByTestId('slot-input-2').fill('5');
    await page.getByTestId('slot-restock-2').click();
    await expect.poll(() => page.getByTestId('slot-count-2').textContent()).toBe('5');
    expect(await call('vending.giftAvailable', { category: 'tea' })).toEqual({ available: true });
  });

  it('shows a jam from the VMC simulator as an alert; a technician clears it in maintenance mode and the slot serves again', async () => {
    await start();
    await withPins();
    const vending = e2e.kiosk.services.domains.get('vending')!.service as VendingServiceImpl;
    await vending.whenReady();
    await e2e.kiosk.tech('vending.simFaults', { faults: { slots: { '1': 'jam' } } });
    expect((await vending.vendGift({ category: 'tea', reason: 'e2e', requestId: 'e2e-jam-0001' })).state).toBe('jammed');

    const page = await openConsole();
    await typePin(page, TEST_PINS.technician);
    await page.locator('[data-testid="alert"][data-kind="vending_fault"]').first().waitFor();
    await page.getByTestId('staff-tab-maintenance').click();
    await page.getByTestId('maint-slot-1').waitFor();
    expect(await page.getByTestId('maint-slot-1').getAttribute('data-state')).toBe('jammed');
    await page.getByTestId('maint-toggle').click();
    await page.getByTestId('maintenance-badge').waitFor();

    // A visitor screen now says "under maintenance".
    const visitor = await (await e2e.browser.newContext()).newPage();
    await visitor.goto(e2e.kiosk.url);
    await visitor.getByTestId('maintenance-notice').waitFor();

    await e2e.kiosk.tech('vending.simFaults', { faults: { slots: { '1': 'ok' } } }); // the spiral is freed by hand
    // The frame monitor follows the link as the services push its frames: CLEAR_FAULTS shows up without a reload.
    await expect.poll(() => page.getByTestId('frame-log').textContent()).not.toBe('');
    expect(await page.getByTestId('frame-log').textContent()).not.toContain('CLEAR_FAULTS');
    await page.getByTestId('vending-clear-faults').click();
    await expect.poll(() => page.getByTestId('maint-slot-1').getAttribute('data-state')).toBe('ok');
    await expect.poll(() => page.getByTestId('frame-log').textContent(), { timeout: 5_000 }).toContain('CLEAR_FAULTS');
    await page.getByTestId('maint-toggle').click();
    await visitor.getByTestId('attract').waitFor();
    expect((await vending.vendGift({ category: 'tea', reason: 'e2e', requestId: 'e2e-jam-0002' })).state).toBe('delivered');
  });

  it('downloads a diagnostics bundle with no phone number or nickname in it', async () => {
    await start();
    await withPins();
    e2e.kiosk.services.db!.prepare("INSERT INTO store_visitors (id, nickname, phone_enc, phone_hash, first_visit_at, last_visit_at) VALUES ('v1', '별빛고래', 'enc', 'hash', 'x', 'x')").run();
    e2e.kiosk.services.logger.info('visitor checked in', { phone: '010-2222-3333', nickname: '별빛고래' });
    const page = await openConsole();
    await typePin(page, TEST_PINS.technician);
    await page.getByTestId('staff-tab-maintenance').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('diagnostics-download').click()]);
    const path = await download.path();
    const content = (await import('node:fs')).readFileSync(path!, 'utf8');
    expect(JSON.parse(content).kind).toBe('itda-kiosk-diagnostics');
    for (const secret of ['010-2222-3333', '01022223333', '별빛고래']) expect(content).not.toContain(secret);
  });
});
