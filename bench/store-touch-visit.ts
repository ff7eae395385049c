/**
 * A first visit to the Mind Convenience Store check-in, tapped like a person
 * in Chromium on the web host (printer simulator): attract → Home → welcome →
 * consent → "recognise me" → nickname + digit → phone on the keypad → five
 * questions → result → snack → talk now → ticket. Each screen gets a think
 * time (reading it and deciding) before the tap, each further key on a keypad
 * a shorter one; the clock runs from the first touch until the ticket shows.
 * The kiosk's own share is the total minus the think time. Figures only.
 */
import type { Page } from 'playwright-core';
import { launchBrowser, KIOSK_VIEWPORT } from '../test/support/browser';
import { startWebKiosk } from '../test/support/web-kiosk';
import { visibleTextBlocks } from '../test/support/visible-text';
import { countSyllables } from '../renderer/src/i18n/reading-measure';
import { ANONYMOUS_VISIT_MAX_S, FIRST_CHECK_IN_MAX_S, SLOW_READER_SYLLABLES_PER_S } from '../renderer/src/i18n/reading-limits';
import type { BenchRow } from './bench-table';

/** Reading a screen and deciding: a realistic pace for an older visitor on a short screen. */
export const THINK_MS = 1500;
/** The next key on a keypad the visitor is already typing on. */
export const KEY_MS = 500;
/** A slow, careful reader of Korean (syllables a second): for the estimate of reading every word. */
export const READ_CHARS_PER_S = SLOW_READER_SYLLABLES_PER_S;

interface Visit {
  totalMs: number;
  thinkMs: number;
  screens: number;
  taps: number;
  /** Syllables of each screen's visible text outside buttons (as the wording check counts them), for the reading estimate. */
  chars: number[];
}

async function visit(page: Page, url: string, phone: string, identify: boolean): Promise<Visit> {
  let thinkMs = 0;
  let screens = 0;
  let taps = 0;
  const chars: number[] = [];
  const seen = async () => {
    screens++;
    // All visible text outside buttons; button labels are read as the finger looks for them.
    chars.push(countSyllables((await visibleTextBlocks(page)).join(' ')));
  };
  const pause = async (ms: number) => {
    thinkMs += ms;
    await page.waitForTimeout(ms);
  };
  /** A new screen: wait for it, think, tap. */
  const onScreen = async (screen: string, testId: string, nth = 0) => {
    await page.getByTestId(screen).waitFor();
    await seen();
    await pause(THINK_MS);
    await page.getByTestId(testId).nth(nth).tap();
    taps++;
  };
  const key = async (testId: string) => {
    await pause(KEY_MS);
    await page.getByTestId(testId).tap();
    taps++;
  };
  await page.goto(url);
  await page.getByTestId('attract').waitFor();
  const t0 = performance.now();
  await page.getByTestId('attract').tap();
  taps++;
  await onScreen('home', 'service-store');
  await onScreen('store-welcome', 'store-start');
  if (identify) {
    await onScreen('store-consent', 'consent-agree');
    await onScreen('store-identify-ask', 'identify-yes');
    await onScreen('store-nickname', 'nickname-preset', 2);
    await key('nickname-key-7');
    await key('nickname-next');
    await page.getByTestId('store-phone').waitFor();
    await seen();
    await pause(THINK_MS);
    for (const d of phone) await key(`phone-key-${d}`);
    await key('phone-submit');
  } else {
    await onScreen('store-consent', 'consent-decline');
  }
  if (identify) {
    for (let i = 0; i < 5; i++) {
      // Each question is a new screen (same test id, new question).
      await page.locator(`[data-testid="store-selfcheck"][data-question]`).waitFor();
      const q = await page.getByTestId('store-selfcheck').getAttribute('data-question');
      await seen();
      await pause(THINK_MS);
      await page.getByTestId('selfcheck-answer').nth(1).tap();
      taps++;
      // As a string: this file is type-checked for Node, not the DOM.
      if (i < 4) await page.waitForFunction(`document.querySelector('[data-testid="store-selfcheck"]')?.getAttribute('data-question') !== ${JSON.stringify(q)}`);
    }
    await onScreen('store-selfcheck-result', 'selfcheck-next');
  }
  await onScreen('store-snack', 'snack-option');
  await onScreen('store-talk', 'talk-now');
  await page.getByTestId('store-done').waitFor({ timeout: 60_000 });
  const totalMs = performance.now() - t0;
  return { totalMs, thinkMs, screens, taps, chars };
}

export async function firstVisitByTouch(): Promise<BenchRow[]> {
  const kiosk = await startWebKiosk({ kioskId: 'bench-store-touch', idleSeconds: 3600 });
  const browser = await launchBrowser();
  try {
    const rows: BenchRow[] = [];
    for (const identify of [true, false]) {
      const context = await browser.newContext({ viewport: KIOSK_VIEWPORT, hasTouch: true, locale: 'ko-KR' });
      const v = await visit(await context.newPage(), kiosk.url, '01055501234', identify);
      await context.close();
      const what = identify ? 'first visit by touch (consent, nickname, phone, 5 questions, snack, queue)' : 'anonymous visit by touch (declined consent, snack, queue)';
      rows.push(
        {
          area: 'store',
          metric: `${what}: attract touch → ticket on screen, ${v.screens} screens, ${v.taps} taps, ${THINK_MS / 1000} s per screen + ${KEY_MS / 1000} s per key`,
          value: v.totalMs / 1000,
          unit: 's',
          target: identify ? '< 120 s' : undefined,
        },
        { area: 'store', metric: `${what}: the kiosk's share (total minus think time)`, value: (v.totalMs - v.thinkMs) / 1000, unit: 's' },
      );
      // Not run, computed: the same visit if every screen were read word by word (consent is the long one).
      const extra = v.chars.reduce((sum, c) => sum + Math.max(0, (c / READ_CHARS_PER_S) * 1000 - THINK_MS), 0);
      rows.push({
        area: 'store',
        metric: `${what}: estimate if every word is read at ${READ_CHARS_PER_S} syllables/s (${v.chars.reduce((a, b) => a + b, 0)} outside buttons)`,
        value: (v.totalMs + extra) / 1000,
        unit: 's',
        target: `< ${identify ? FIRST_CHECK_IN_MAX_S : ANONYMOUS_VISIT_MAX_S} s`,
      });
    }
    return rows;
  } finally {
    await browser.close();
    await kiosk.stop();
  }
}
