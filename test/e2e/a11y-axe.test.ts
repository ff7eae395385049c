/**
 * axe-core on every screen of the shell and the Mind Pharmacy, and on the
 * accessibility menu, in Korean and English, in the normal and the
 * high-contrast theme: zero violations (WCAG 2.2 A/AA and best practices;
 * in high contrast also the AAA 7:1 contrast rule).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startWebKiosk, type WebKiosk } from '../support/web-kiosk';
import { axeViolations, openKiosk, turnOn, walkCheckInScreens, walkVisitorScreens } from './a11y-helpers';

let browser: Browser;
const kiosks: Partial<Record<'ko' | 'en', WebKiosk>> = {};

beforeAll(async () => {
  browser = await launchBrowser();
  for (const lang of ['ko', 'en'] as const) {
    // A slow gift keeps the compounding screen up long enough to check it.
    kiosks[lang] = await startWebKiosk({ kioskId: `e2e-axe-${lang}`, defaultLanguage: lang, idleSeconds: 600, vending: { sim: { vendMs: 4000 } } });
  }
});

afterAll(async () => {
  await browser?.close();
  for (const k of Object.values(kiosks)) await k?.stop();
});

describe('axe: zero violations on every visitor screen', { timeout: 180_000 }, () => {
  it.each([
    ['ko', 'normal'],
    ['ko', 'contrast'],
    ['en', 'normal'],
    ['en', 'contrast'],
  ] as const)('%s, %s theme', async (lang, theme) => {
    const page = await openKiosk(browser, kiosks[lang]!.url);
    if (theme === 'contrast') await turnOn(page, ['contrast']);
    const found: Record<string, unknown[]> = {};
    const seen: string[] = [];
    await walkVisitorScreens(page, async (screen) => {
      seen.push(screen);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      const v = await axeViolations(page, { enhancedContrast: theme === 'contrast' });
      if (v.length) found[screen] = v;
    });
    expect(seen).toEqual(['attract', 'a11y-menu', 'home', 'store-welcome', 'pharmacy-symptoms', 'pharmacy-crisis', 'pharmacy-detail', 'pharmacy-compounding', 'pharmacy-result']);
    expect(found).toEqual({});
    await page.context().close();
  });
});

describe('axe: zero violations on the check-in screens and the staff login', { timeout: 360_000 }, () => {
  it.each([
    ['ko', 'normal'],
    ['ko', 'contrast'],
    ['en', 'normal'],
    ['en', 'contrast'],
  ] as const)('%s, %s theme', async (lang, theme) => {
    const page = await openKiosk(browser, kiosks[lang]!.url);
    if (theme === 'contrast') await turnOn(page, ['contrast']);
    const found: Record<string, unknown[]> = {};
    const seen: string[] = [];
    // A new phone number each run: a returning visitor would skip the self-check.
    await walkCheckInScreens(page, `010${String(Date.now()).slice(-8)}`, async (screen) => {
      seen.push(screen);
      const v = await axeViolations(page, { enhancedContrast: theme === 'contrast' });
      if (v.length) found[screen] = v;
    });
    expect(seen).toContain('store-done');
    expect(found).toEqual({});
    await page.context().close();
  });

  it.each(['ko', 'en'] as const)('staff login (%s)', async (lang) => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
    await page.goto(`${kiosks[lang]!.url}/staff`);
    await page.getByTestId('staff-pin').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
