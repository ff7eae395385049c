/**
 * The kiosk shell in a real browser against the web host: attract → home →
 * language → idle countdown → reset, staff call, and the out-of-service screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, KIOSK_VIEWPORT } from '../support/browser';
import { startWebKiosk, type WebKiosk } from '../support/web-kiosk';
import { makeTempDir } from '../support/temp-dir';

let browser: Browser;
let kiosk: WebKiosk;

beforeAll(async () => {
  // A short idle time so the reset runs within the test; the countdown keeps its real 1 s steps.
  kiosk = await startWebKiosk({ idleSeconds: 3, idleCountdownSeconds: 3, kioskId: 'e2e-shell' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

async function openKiosk(): Promise<Page> {
  const context = await browser.newContext({ viewport: KIOSK_VIEWPORT, hasTouch: true, locale: 'ko-KR' });
  const page = await context.newPage();
  await page.goto(kiosk.url);
  await page.getByTestId('attract').waitFor();
  return page;
}

describe('kiosk shell', () => {
  it('goes attract → home, switches language both ways, and records what the visitor did', async () => {
    const page = await openKiosk();
    await expect(page.getByTestId('attract').textContent()).resolves.toContain('화면을 터치해 주세요');
    await page.getByTestId('attract').tap();
    await page.getByTestId('home').waitFor();
    expect(await page.getByTestId('service-pharmacy').textContent()).toContain('마음약방');
    expect(await page.getByTestId('service-store').textContent()).toContain('서울마음편의점');
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');

    await page.getByTestId('lang-toggle').tap();
    await page.getByText('Mind Pharmacy').waitFor();
    expect(await page.getByTestId('service-store').textContent()).toContain('Mind Convenience Store');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByTestId('lang-toggle').tap();
    await page.getByText('마음약방').waitFor();

    const types = kiosk.services.events!.recent({ limit: 50 }).map((e) => e.type);
    expect(types).toContain('visitor.session_started');
    expect(types.filter((t) => t === 'visitor.language_changed')).toHaveLength(2);
    await page.context().close();
  });

  it('asks "아직 계세요?" after the idle time with a live countdown, and continue keeps the session', async () => {
    const page = await openKiosk();
    await page.getByTestId('attract').tap();
    await page.getByTestId('lang-toggle').tap();
    const countdown = page.getByTestId('idle-countdown');
    await countdown.waitFor({ timeout: 10_000 });
    const first = Number(await countdown.textContent());
    expect(first).toBeGreaterThanOrEqual(1);
    expect(first).toBeLessThanOrEqual(3);
    await page.getByTestId('idle-continue').tap();
    await countdown.waitFor({ state: 'detached' });
    // Still the same session: English, on Home.
    expect(await page.getByTestId('service-pharmacy').textContent()).toContain('Mind Pharmacy');
    await page.context().close();
  });

  it('clears the session and returns to attract when the countdown ends', async () => {
    const page = await openKiosk();
    await page.getByTestId('attract').tap();
    await page.getByTestId('lang-toggle').tap();
    await page.getByTestId('idle-countdown').waitFor({ timeout: 10_000 });
    await page.getByTestId('attract').waitFor({ timeout: 10_000 });
    // The next visitor starts fresh, in the kiosk's default language.
    expect(await page.getByTestId('attract').textContent()).toContain('화면을 터치해 주세요');
    await page.getByTestId('attract').tap();
    expect(await page.getByTestId('service-pharmacy').textContent()).toContain('마음약방');
    const resets = kiosk.services.events!.recent({ types: ['visitor.session_reset'] });
    expect(resets.some((e) => (e.payload as { reason: string }).reason === 'idle')).toBe(true);
    await page.context().close();
  });

  it('calls staff from any screen: one alert per call, and a confirmation the visitor can read', async () => {
    const page = await openKiosk();
    await page.getByTestId('attract').tap();
    const before = kiosk.services.db!.prepare("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'staff_call'").pluck().get() as number;
    await page.getByTestId('staff-call').tap();
    const toast = page.getByTestId('staff-call-result');
    await toast.waitFor();
    expect(await toast.getAttribute('data-result')).toBe('called');
    expect(await toast.textContent()).toContain('직원을 불렀어요');
    const after = kiosk.services.db!.prepare("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'staff_call'").pluck().get() as number;
    expect(after).toBe(before + 1);
    await page.context().close();
  });

  it('home button returns to Home from another screen', async () => {
    const page = await openKiosk();
    await page.getByTestId('attract').tap();
    await page.getByTestId('service-store').tap();
    await page.getByTestId('home').waitFor({ state: 'detached' });
    await page.getByTestId('home-button').tap();
    await page.getByTestId('home').waitFor();
    await page.context().close();
  });
});

describe('out of service', () => {
  it('shows "staff have been notified" when the database is corrupt, and keeps the file as it was', async () => {
    const dir = makeTempDir();
    const garbage = 'not a database'.repeat(200);
    writeFileSync(join(dir.path, 'itda.db'), garbage);
    const broken = await startWebKiosk({}, { dataDir: dir.path });
    try {
      const context = await browser.newContext({ viewport: KIOSK_VIEWPORT, hasTouch: true });
      const page = await context.newPage();
      await page.goto(broken.url);
      const screen = page.getByTestId('out-of-service');
      await screen.waitFor();
      expect(await screen.textContent()).toContain('직원이 알고 있어요');
      await context.close();
      expect(readFileSync(join(dir.path, 'itda.db'), 'utf8')).toBe(garbage);
    } finally {
      await broken.stop();
      dir.remove();
    }
  });
});
