/**
 * The layouts for low vision and low reach, measured in a real browser on
 * the 1080x1920 kiosk viewport: under every combination of large text
 * (200 %), high contrast and low reach, in Korean and English, no text runs
 * out of its box or breaks inside a Korean word on any screen; the low-reach layout keeps every enabled control in
 * the reachable band; "more time" doubles the idle wait and announces the
 * countdown; and the options end with the visitor's session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startWebKiosk, type WebKiosk } from '../support/web-kiosk';
import { controlsOutsideBand, openKiosk, overflowingElements, spoken, targetProblems, textProblems, turnOn, walkCheckInScreens, walkVisitorScreens, type A11yOption } from './a11y-helpers';

// page.evaluate callbacks run in the browser; this file is type-checked without the DOM lib (tsconfig.node.json).
declare const document: any;
declare function getComputedStyle(el: any): any;

let browser: Browser;
let kiosk: WebKiosk;
let kioskEn: WebKiosk;

beforeAll(async () => {
  kiosk = await startWebKiosk({ kioskId: 'e2e-a11y-layout', idleSeconds: 600, vending: { sim: { vendMs: 3000 } } });
  kioskEn = await startWebKiosk({ kioskId: 'e2e-a11y-layout-en', defaultLanguage: 'en', idleSeconds: 600, vending: { sim: { vendMs: 3000 } } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
  await kioskEn?.stop();
});

let phoneSeq = 0;
const nextPhone = () => `0109${String(Date.now() % 1_000_000).padStart(6, '0')}${phoneSeq++ % 10}`;

async function walkAll(options: A11yOption[], check: (page: import('playwright-core').Page, screen: string) => Promise<void>, on: WebKiosk = kiosk) {
  const page = await openKiosk(browser, on.url);
  await turnOn(page, options);
  const seen: string[] = [];
  const visit = async (screen: string) => {
    seen.push(screen);
    await check(page, screen);
  };
  await walkVisitorScreens(page, visit);
  await page.getByTestId('pharmacy-done').click();
  await page.getByTestId('home').waitFor();
  // The check-in in a second visit (its own page), with the same options.
  const fresh = await openKiosk(browser, on.url);
  await turnOn(fresh, options);
  await walkCheckInScreens(fresh, nextPhone(), async (screen) => {
    seen.push(screen);
    await check(fresh, screen);
  });
  await page.context().close();
  await fresh.context().close();
  return seen;
}

/** Every combination of the three layout options, the plain kiosk included. */
const COMBINATIONS: A11yOption[][] = [[], ['large'], ['contrast'], ['low'], ['large', 'contrast'], ['large', 'low'], ['contrast', 'low'], ['large', 'contrast', 'low']];

// Sixteen walks of some thirty screens each: on a loaded CI machine Chromium once lost a page
// mid-walk ("Target page, context or browser has been closed", no crash of the kiosk). A walk
// that loses its page is walked once more on a fresh one; a layout fault fails both walks.
describe('text never overflows, is clipped or breaks inside a Korean word', { timeout: 300_000, retry: 1 }, () => {
  it.each(COMBINATIONS.flatMap((options) => (['ko', 'en'] as const).map((lang) => [lang, options] as const)))('%s, %j: every text box of every screen inside its box', async (lang, options) => {
    const found: Record<string, string[]> = {};
    const seen = await walkAll(
      options,
      async (page, screen) => {
        if (options.includes('large')) expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('48px');
        const problems = [...(await overflowingElements(page)), ...(await textProblems(page))];
        if (problems.length) found[screen] = problems;
        // No personal data in large type: the phone number shows masked.
        if (screen === 'store-phone' && options.includes('large')) expect(await page.getByTestId('phone-display').textContent()).toMatch(/^010-\*{4}-\d{4}$/);
      },
      lang === 'en' ? kioskEn : kiosk,
    );
    expect(seen).toContain('pharmacy-result');
    expect(seen).toContain('store-done');
    expect(found).toEqual({});
  });
});

describe('low reach', { timeout: 180_000 }, () => {
  it('puts every enabled control of every screen in the lower 55 % of the screen', async () => {
    const found: Record<string, string[]> = {};
    const empty: string[] = [];
    await walkAll(['low'], async (page, screen) => {
      const out = await controlsOutsideBand(page, { top: 0.45, bottom: 1 });
      if (out.length) found[screen] = out;
      // The band above is not left empty: the screen's heading (moved up) over a calm picture.
      const top = await page.evaluate(() => {
        const banner = document.querySelector('[data-testid="reach-banner"]');
        return {
          dialog: document.querySelector('[aria-modal="true"]') !== null,
          h1: document.querySelector('main h1')?.textContent?.trim() ?? null,
          heading: banner?.querySelector('.reach-heading')?.textContent?.trim() ?? null,
          picture: (banner?.querySelector('.reach-picture')?.getBoundingClientRect().height ?? 0) > 50,
        };
      });
      if (screen !== 'attract' && !top.dialog && (top.heading !== top.h1 || !top.heading || !top.picture)) empty.push(`${screen}: ${JSON.stringify(top)}`);
    });
    expect(found).toEqual({});
    expect(empty).toEqual([]);
  });

  it('follows the configured geometry: a screen hung 700–1900 mm keeps controls below 1220 mm', async () => {
    const tall = await startWebKiosk({ kioskId: 'e2e-a11y-tall', idleSeconds: 600, a11y: { lowReach: { screenBottomMm: 700, screenHeightMm: 1200 } } });
    try {
      const page = await openKiosk(browser, tall.url);
      await turnOn(page, ['low']);
      // (1900 − 1220) / 1200 of the screen from the top is out of reach.
      const band = { top: 0.567, bottom: 1 };
      expect(await controlsOutsideBand(page, band)).toEqual([]);
      await page.getByTestId('attract-start').click();
      await page.getByTestId('service-pharmacy').click();
      await page.getByTestId('symptom-option').first().waitFor();
      expect(await controlsOutsideBand(page, band)).toEqual([]);
      await page.context().close();
    } finally {
      await tall.stop();
    }
  });
});

describe('more time', { timeout: 60_000 }, () => {
  it('doubles the idle wait and countdown with an option on, announces the countdown, and clears the options with the session', async () => {
    const quick = await startWebKiosk({ kioskId: 'e2e-a11y-idle', idleSeconds: 2, idleCountdownSeconds: 3 });
    try {
      const page = await openKiosk(browser, quick.url);
      await turnOn(page, ['voice', 'large']);
      await page.getByTestId('attract-start').click();
      const countdown = page.getByTestId('idle-countdown');
      await countdown.waitFor({ timeout: 20_000 });
      // 3 seconds doubled: the prompt starts at 6.
      const said = (await spoken(page)).map((u) => u.text);
      expect(said.some((t) => t.startsWith('아직 계세요?') && t.includes('6초 뒤에'))).toBe(true);
      await page.getByTestId('attract').waitFor({ timeout: 20_000 });
      const after = (await spoken(page)).map((u) => u.text);
      expect(after.some((t) => /^[1-5]초 남았어요/.test(t))).toBe(true);
      // The next visitor meets the plain kiosk.
      expect(await page.locator('html').getAttribute('data-a11y-large')).toBeNull();
      await page.getByTestId('a11y-menu').click();
      expect(await page.getByTestId('a11y-voice').getAttribute('aria-pressed')).toBe('false');
      await page.context().close();
    } finally {
      await quick.stop();
    }
  });
});

describe('targets, focus ring, motion', { timeout: 180_000 }, () => {
  it('every control of every screen is at least 12 mm and 2.5 mm from the next', async () => {
    const found: Record<string, string[]> = {};
    await walkAll([], async (page, screen) => {
      const problems = await targetProblems(page);
      if (problems.length) found[screen] = problems;
    });
    expect(found).toEqual({});
  });

  it.each([[[]], [['contrast']]] as Array<[A11yOption[]]>)('%j: the keypad focus ring is at least 3 px and stands out from the page', async (options) => {
    const page = await openKiosk(browser, kiosk.url);
    await turnOn(page, options);
    await page.getByTestId('attract-start').click();
    await page.getByTestId('home').waitFor();
    await page.waitForTimeout(200);
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('ArrowDown');
      const ring = await page.evaluate(() => {
        const el = document.activeElement;
        const cs = getComputedStyle(el);
        const bg = getComputedStyle(document.body).backgroundColor;
        return { id: el.getAttribute('data-testid'), width: parseFloat(cs.outlineWidth), style: cs.outlineStyle, color: cs.outlineColor, bg };
      });
      expect(ring.style, ring.id ?? '').toBe('solid');
      expect(ring.width, ring.id ?? '').toBeGreaterThanOrEqual(3);
      expect(contrastOf(ring.color, ring.bg), `${ring.id}: ${ring.color} on ${ring.bg}`).toBeGreaterThanOrEqual(3);
    }
    await page.context().close();
  });

  it('with reduced motion asked for, or any option on, nothing moves', async () => {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(kiosk.url);
    await page.getByTestId('attract').waitFor();
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    await context.close();

    const plain = await openKiosk(browser, kiosk.url);
    expect(await plain.evaluate(() => document.getAnimations().length)).toBeGreaterThan(0);
    await turnOn(plain, ['large']);
    expect(await plain.evaluate(() => document.getAnimations().length)).toBe(0);
    await plain.context().close();
  });
});

/** WCAG contrast of two CSS `rgb()` colours. */
function contrastOf(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
