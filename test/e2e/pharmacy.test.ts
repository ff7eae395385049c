/**
 * The Mind Pharmacy end to end: a real browser on the web host, the printer
 * simulator writing each slip as PNG, the vending board simulator. Each test
 * gets a fresh kiosk so faults and counts never leak between them.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { KIOSK_VIEWPORT } from '../support/browser';
import type { WebKiosk } from '../support/web-kiosk';
import { useE2eKiosk } from '../support/e2e-kiosk';
import { ocrCompact, ocrFindsCode, tesseractAvailable } from '../support/ocr';

const e2e = useE2eKiosk();

async function start(): Promise<WebKiosk> {
  const kiosk = await e2e.start({ kioskId: 'e2e-pharmacy', idleSeconds: 600, vending: { sim: { vendMs: 200 } } });
  return kiosk;
}

const call = (method: string, input: unknown = {}) => e2e.kiosk.call(method, input);

async function openPharmacy(): Promise<Page> {
  const context = await e2e.browser.newContext({ viewport: KIOSK_VIEWPORT, hasTouch: true });
  const page = await context.newPage();
  await page.goto(e2e.kiosk.url);
  await page.getByTestId('attract').tap();
  await page.getByTestId('service-pharmacy').tap();
  await page.getByTestId('symptom-option').first().waitFor();
  return page;
}

const slipFiles = (ext: '.png' | '.txt') => e2e.kiosk.slipFiles(ext);

const count = (sql: string) => e2e.kiosk.count(sql);

// Generous limits: the screen may wait up to 20 s for a slip, and CI runs two heavy suites side by side.
describe('Mind Pharmacy', { timeout: 90_000 }, () => {
  it('gives one printed prescription and one gift, and the screen, slip and database agree', async () => {
    await start();
    const page = await openPharmacy();
    const symptoms = await page.getByTestId('symptom-option').count();
    expect(symptoms).toBeGreaterThanOrEqual(16);
    await page.getByTestId('symptom-option').nth(2).tap();
    await page.getByTestId('pharmacy-confirm').tap();
    await page.getByTestId('pharmacy-compounding').waitFor();
    const result = page.getByTestId('pharmacy-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.getAttribute('data-print')).toBe('printed');
    expect(await result.getAttribute('data-gift')).toBe('delivered');
    const rxNumber = (await page.getByTestId('rx-number').textContent())!.trim();
    expect(rxNumber).toMatch(/^RX-[A-Z0-9]{6}$/);

    // One slip on paper, legible: the Rx number and the pharmacy's name read back by OCR.
    const pngs = slipFiles('.png');
    expect(pngs).toHaveLength(1);
    if (tesseractAvailable()) {
      const text = await ocrCompact(pngs[0]);
      expect(ocrFindsCode(text, rxNumber), `OCR read: ${text.slice(0, 200)}`).toBe(true);
      expect(text).toContain('마음약방');
    }
    // One motor run, stock down by one, and the books agree.
    expect(count("SELECT COUNT(*) FROM vends")).toBe(1);
    expect(count("SELECT COUNT(*) FROM vends WHERE state = 'delivered'")).toBe(1);
    expect(count("SELECT COUNT(*) FROM print_jobs WHERE state = 'printed'")).toBe(1);
    expect(count(`SELECT COUNT(*) FROM prescriptions_issued WHERE rx_number = '${rxNumber}' AND print_state = 'printed' AND vend_state = 'delivered'`)).toBe(1);
    await page.context().close();
  });

  it('turns a tap storm on confirm into one print job and one vend', async () => {
    await start();
    const page = await openPharmacy();
    await page.getByTestId('symptom-option').first().tap();
    const confirm = page.getByTestId('pharmacy-confirm');
    await confirm.waitFor();
    // Thirty taps inside one frame: faster than any finger.
    await confirm.evaluate((el) => {
      for (let i = 0; i < 30; i++) (el as HTMLElement).click();
    });
    await page.getByTestId('pharmacy-result').waitFor({ timeout: 60_000 });
    expect(count('SELECT COUNT(*) FROM print_jobs')).toBe(1);
    expect(count('SELECT COUNT(*) FROM vends')).toBe(1);
    expect(count('SELECT COUNT(*) FROM prescriptions_issued')).toBe(1);
    await page.context().close();
  });

  it('out of paper: the prescription stays on screen with a QR code, an apology, and the job waits', async () => {
    await start();
    await e2e.kiosk.tech('printer.simFaults', { paperOut: true });
    await call('printer.status', { refresh: true });
    const page = await openPharmacy();
    await page.getByTestId('symptom-option').first().tap();
    await page.getByTestId('pharmacy-confirm').tap();
    const result = page.getByTestId('pharmacy-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.getAttribute('data-print')).not.toBe('printed');
    expect(await page.getByTestId('print-status').textContent()).toContain('처방전이 안 나왔어요');
    expect((await page.getByTestId('rx-quote').textContent())!.length).toBeGreaterThan(5);
    await page.getByTestId('rx-qr').locator('svg').waitFor();
    expect(await result.getAttribute('data-gift')).toBe('delivered');
    expect(slipFiles('.png')).toHaveLength(0);
    expect(count("SELECT COUNT(*) FROM print_jobs WHERE state IN ('queued', 'printing')")).toBe(1);
    expect(count("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'printer_fault'")).toBeGreaterThanOrEqual(1);
    await page.context().close();
  });

  it('a jammed cabinet: the slip still prints, the screen says kindly a staff member will bring the gift', async () => {
    await start();
    const slots = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), 'jam']));
    await e2e.kiosk.tech('vending.simFaults', { faults: { slots } });
    const page = await openPharmacy();
    await page.getByTestId('symptom-option').first().tap();
    await page.getByTestId('pharmacy-confirm').tap();
    const result = page.getByTestId('pharmacy-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.getAttribute('data-print')).toBe('printed');
    expect(await result.getAttribute('data-gift')).toBe('not_given');
    expect(await page.getByTestId('gift-status').textContent()).toContain('직원이 곧 가져다드릴게요');
    expect(slipFiles('.png')).toHaveLength(1);
    expect(count("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'gift_owed'")).toBe(1);
    expect(count("SELECT COUNT(*) FROM vends WHERE state = 'delivered'")).toBe(0);
    await page.context().close();
  });

  it('vending link down: the slip prints, no gift, an honest message', async () => {
    await start();
    await e2e.kiosk.tech('vending.simFaults', { faults: { silent: true } });
    const page = await openPharmacy();
    await page.getByTestId('symptom-option').first().tap();
    await page.getByTestId('pharmacy-confirm').tap();
    const result = page.getByTestId('pharmacy-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.getAttribute('data-print')).toBe('printed');
    expect(await result.getAttribute('data-gift')).toBe('not_given');
    expect(count("SELECT COUNT(*) FROM vends WHERE state = 'delivered'")).toBe(0);
    await page.context().close();
  });

  it('crisis: the numbers at once, staff alerted, a card printed, no gift', async () => {
    await start();
    const page = await openPharmacy();
    await page.getByTestId('symptom-crisis').tap();
    const screen = page.getByTestId('pharmacy-crisis');
    await screen.waitFor();
    const text = await screen.textContent();
    expect(text).toContain('109');
    expect(text).toContain('02-120');
    await page.getByText('직원에게 알렸어요').waitFor();
    expect(count("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'crisis'")).toBe(1);
    await page.getByTestId('crisis-call-staff').tap();
    await page.getByTestId('staff-call-result').waitFor();
    expect(count("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'staff_call'")).toBe(1);
    await expect.poll(() => slipFiles('.png').length, { timeout: 20_000 }).toBe(1);
    if (tesseractAvailable()) expect(await ocrCompact(slipFiles('.png')[0])).toContain('109');
    expect(count('SELECT COUNT(*) FROM vends')).toBe(0);
    await page.context().close();
  });

  it('printer and cabinet both down: Home says the pharmacy is taking a short break', async () => {
    await start();
    await e2e.kiosk.tech('printer.simFaults', { offline: true, noResponse: true });
    await call('printer.status', { refresh: true });
    await e2e.kiosk.tech('vending.simFaults', { faults: { silent: true } });
    await expect
      .poll(async () => (await call('pharmacy.availability', {})).available, { timeout: 30_000, interval: 500 })
      .toBe(false);
    const context = await e2e.browser.newContext({ viewport: KIOSK_VIEWPORT, hasTouch: true });
    const page = await context.newPage();
    await page.goto(e2e.kiosk.url);
    await page.getByTestId('attract').tap();
    await page.getByTestId('service-pharmacy-break').waitFor();
    expect(await page.getByTestId('service-pharmacy').isDisabled()).toBe(true);
    await context.close();
  });
});
