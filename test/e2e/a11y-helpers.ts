/**
 * Browser helpers of the barrier-free tests: open the kiosk with the
 * recording speaker, switch options through the accessibility menu, read
 * what was spoken, and the layout checks (overflow, reach band).
 */
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { KIOSK_VIEWPORT, newPageIn } from '../support/browser';

// page.evaluate callbacks run in the browser; this file is type-checked without the DOM lib (tsconfig.node.json).
declare const window: any;
declare const document: any;
declare function getComputedStyle(el: any): any;
declare function requestAnimationFrame(cb: (t: number) => void): number;

export type A11yOption = 'voice' | 'contrast' | 'large' | 'low';

export interface Spoken {
  text: string;
  language: 'ko' | 'en';
  rate: number;
  volume: number;
  interrupt: boolean;
}

/** A fresh visitor at the attract screen; the recording speaker stands in for the voice. */
export async function openKiosk(browser: Browser, url: string): Promise<Page> {
  const page = await newPageIn(browser, { viewport: KIOSK_VIEWPORT, hasTouch: true, locale: 'ko-KR' });
  await page.addInitScript(() => {
    window.__ITDA_TEST__ = true;
  });
  await page.goto(url);
  await page.getByTestId('attract').waitFor();
  // The speaker is chosen once the kiosk's a11y settings arrived.
  await page.waitForFunction(() => Boolean(window.__itdaSpeech));
  return page;
}

/** Turns options on through the menu, as a visitor taps them, and closes it. */
export async function turnOn(page: Page, options: A11yOption[]): Promise<void> {
  if (options.length === 0) return;
  await page.getByTestId('a11y-menu').click();
  for (const o of options) {
    const toggle = page.getByTestId(`a11y-${o}`);
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  }
  await page.getByTestId('a11y-close').click();
  await page.getByTestId('a11y-dialog').waitFor({ state: 'detached' });
}

export async function spoken(page: Page): Promise<Spoken[]> {
  return page.evaluate(() => window.__itdaSpeech.spoken.map((u: Spoken) => ({ ...u })));
}

/** What was said so far, the words only. */
export async function texts(page: Page): Promise<string[]> {
  return (await spoken(page)).map((u) => u.text);
}

export async function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

/** Presses the down arrow until the control with `testId` has focus (reading order), at most `max` times. */
export async function arrowTo(page: Page, testId: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focusedTestId(page)) === testId) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`focus never reached ${testId}; it is on ${await focusedTestId(page)}`);
}

export async function clearSpoken(page: Page): Promise<void> {
  await page.evaluate(() => window.__itdaSpeech.clear());
}

/**
 * Checks that `texts` contains one entry matching each of `expected`, in that
 * order (other announcements may come between: focus changes, results).
 */
export function inOrder(texts: string[], expected: Array<string | RegExp>): { ok: boolean; missing: string | null } {
  let i = 0;
  for (const e of expected) {
    const match = (t: string) => (typeof e === 'string' ? t.includes(e) : e.test(t));
    while (i < texts.length && !match(texts[i])) i++;
    if (i === texts.length) return { ok: false, missing: String(e) };
    i++;
  }
  return { ok: true, missing: null };
}

/** axe on the page as it is now: WCAG 2.2 A/AA and best practices; in high contrast also AAA contrast (7:1). */
export async function axeViolations(page: Page, opts: { enhancedContrast?: boolean } = {}) {
  let builder = new AxeBuilder({ page });
  if (opts.enhancedContrast) builder = builder.options({ rules: { 'color-contrast-enhanced': { enabled: true } } });
  const r = await builder.analyze();
  return r.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
  }));
}

/** Elements whose content is wider than their box, or taller than a box that hides it (by more than 1 px): text cut off or pushed out. */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from<any>(document.querySelectorAll('body *'))) {
      // Hidden from view on purpose (a heading moved into the low-reach band), pictures and boxes without text: not text cut off.
      if (el.closest('.visually-hidden, [data-reach-moved]') || el.closest('svg') || !(el.textContent ?? '').trim()) continue;
      if (el.clientWidth === 0) continue; // inline boxes have no scroll box to overflow
      const id = el.getAttribute('data-testid') ?? el.className ?? el.tagName;
      const text = (el.textContent ?? '').slice(0, 40);
      if (el.scrollWidth > el.clientWidth + 1) {
        out.push(`${el.tagName.toLowerCase()}.${String(id)}: ${el.scrollWidth} > ${el.clientWidth} "${text}"`);
      }
      // Cut off at the bottom: a box that hides what does not fit (scrolling boxes are fine).
      const oy = getComputedStyle(el).overflowY;
      if ((oy === 'hidden' || oy === 'clip') && el.scrollHeight > el.clientHeight + 1) {
        out.push(`${el.tagName.toLowerCase()}.${String(id)}: height ${el.scrollHeight} > ${el.clientHeight} "${text}"`);
      }
    }
    return out;
  });
}

/**
 * Every visible piece of text measured against the box it sits in: each
 * line box of a text node must lie inside the padding box of its nearest
 * container with an edge (a button, a bordered or filled box, a box that
 * clips or scrolls; vertically only for boxes that do not scroll) and
 * inside the viewport; and no Korean word may be broken across lines
 * (`word-break: keep-all`). Returns what fails, with where.
 */
export async function textProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const vw = window.innerWidth;
    const hasEdge = (el: any) => {
      if (el.tagName === 'BUTTON') return true;
      const cs = getComputedStyle(el);
      if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') return true;
      if (cs.backgroundColor !== 'rgba(0, 0, 0, 0)' && cs.backgroundColor !== 'transparent') return true;
      return ['Top', 'Right', 'Bottom', 'Left'].some((side) => parseFloat(cs[`border${side}Width`]) > 0 && cs[`border${side}Style`] !== 'none');
    };
    const name = (el: any) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
    const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const el = node.parentElement;
      if (!el || !text.trim()) continue;
      if (el.closest('.visually-hidden, svg, script, style, [data-reach-moved]')) continue;
      if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      let box = el;
      while (box !== document.body && !hasEdge(box)) box = box.parentElement;
      const b = box.getBoundingClientRect();
      const inner = {
        left: b.left + box.clientLeft,
        top: b.top + box.clientTop,
        right: b.left + box.clientLeft + box.clientWidth,
        bottom: b.top + box.clientTop + box.clientHeight,
      };
      const cs = getComputedStyle(box);
      const scrolls = /auto|scroll/.test(cs.overflowY) || box === document.body;
      const range = document.createRange();
      range.selectNodeContents(node);
      const snippet = text.trim().slice(0, 24);
      for (const r of Array.from<any>(range.getClientRects())) {
        if (r.width === 0) continue;
        if (r.left < -1 || r.right > vw + 1) out.push(`"${snippet}" leaves the screen (${Math.round(r.left)}–${Math.round(r.right)})`);
        else if (r.left < inner.left - 1 || r.right > inner.right + 1) out.push(`"${snippet}" runs out of ${name(box)} sideways`);
        else if (!scrolls && (r.top < inner.top - 2 || r.bottom > inner.bottom + 2)) out.push(`"${snippet}" runs out of ${name(box)} (${Math.round(r.top)}–${Math.round(r.bottom)} in ${Math.round(inner.top)}–${Math.round(inner.bottom)})`);
      }
      // A Korean word split over two lines: its own line boxes start at different heights.
      // A Hangul run ("번호" in "번호(다시"): a line may break at the bracket, never between the syllables.
      for (const m of Array.from<any>(text.matchAll(/[\uAC00-\uD7A3]{2,}/g))) {
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set(Array.from<any>(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) out.push(`"${m[0]}" is broken inside the word (${name(el)})`);
      }
    }
    return out;
  });
}

/**
 * Every enabled, visible control, scrolled into view as the keypad or a
 * finger would bring it, must sit inside the reach band (fractions of the
 * viewport height). Returns the ones that do not.
 */
export async function controlsOutsideBand(page: Page, band: { top: number; bottom: number }): Promise<string[]> {
  return page.evaluate(async ({ top, bottom }) => {
    const h = window.innerHeight;
    const out: string[] = [];
    const controls = Array.from<any>(
      document.querySelectorAll('button:not([disabled]), a[href], input:not([disabled]), select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])'),
    ).filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
    for (const el of controls) {
      el.scrollIntoView({ block: 'nearest' });
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const r = el.getBoundingClientRect();
      if (r.top < top * h - 1 || r.bottom > bottom * h + 1) {
        out.push(`${el.getAttribute('data-testid') ?? el.textContent?.slice(0, 30)}: ${Math.round(r.top)}–${Math.round(r.bottom)}`);
      }
    }
    return out;
  }, band);
}

/**
 * A screen that just opened moves focus to its heading (scrolling to the top)
 * once its effects ran (`screen-watch.ts` waits 80 ms): measure after that.
 */
function settled(page: Page, check: (screen: string) => Promise<void>) {
  return async (screen: string) => {
    await page.waitForTimeout(200);
    await check(screen);
  };
}

/**
 * Walks a visitor through every screen of the shell and the Mind Pharmacy
 * by touch, calling `visit(name)` on each while it shows. The compounding
 * screen lasts as long as the gift takes: give the kiosk a slow vend.
 */
export async function walkVisitorScreens(page: Page, check: (screen: string) => Promise<void>): Promise<void> {
  const visit = settled(page, check);
  await visit('attract');
  await page.getByTestId('a11y-menu').click();
  await page.getByTestId('a11y-dialog').waitFor();
  await visit('a11y-menu');
  await page.getByTestId('a11y-close').click();
  await page.getByTestId('attract-start').click();
  await page.getByTestId('home').waitFor();
  await visit('home');

  await page.getByTestId('service-store').click();
  await page.getByTestId('home').waitFor({ state: 'detached' });
  await visit('store-welcome');
  await page.getByTestId('home-button').click();

  await page.getByTestId('service-pharmacy').click();
  await page.getByTestId('symptom-option').first().waitFor();
  await visit('pharmacy-symptoms');
  await page.getByTestId('symptom-crisis').click();
  await page.getByTestId('pharmacy-crisis').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="crisis-status"]')?.textContent?.match(/알리는 중이에요|Telling staff/));
  await visit('pharmacy-crisis');
  await page.getByTestId('home-button').click();

  await page.getByTestId('service-pharmacy').click();
  await page.getByTestId('symptom-option').nth(1).click();
  await page.getByTestId('pharmacy-detail').waitFor();
  await visit('pharmacy-detail');
  await page.getByTestId('pharmacy-confirm').click();
  await page.getByTestId('pharmacy-compounding').waitFor();
  await visit('pharmacy-compounding');
  await page.getByTestId('pharmacy-result').waitFor({ timeout: 60_000 });
  await visit('pharmacy-result');
}

/**
 * Walks a visitor through the check-in (Mind Convenience Store) by touch:
 * consent, nickname, phone, self-check, snack, talk, the ticket, and the
 * crisis panel; `visit(name)` on each.
 */
export async function walkCheckInScreens(page: Page, phone: string, check: (screen: string) => Promise<void>): Promise<void> {
  const visit = settled(page, check);
  await page.getByTestId('attract-start').click();
  await page.getByTestId('service-store').click();
  await page.getByTestId('store-welcome').waitFor();
  await page.getByTestId('store-crisis').click();
  await page.getByTestId('store-crisis-panel').waitFor();
  await visit('store-crisis-panel');
  await page.getByTestId('store-crisis-close').click();
  await page.getByTestId('store-start').click();
  await page.getByTestId('consent-agree').waitFor();
  await visit('store-consent');
  // The full notice behind "자세히 보기" is a state of its own: checked, then folded again.
  await page.getByTestId('consent-details').click();
  await page.getByTestId('consent-full').waitFor();
  await visit('store-consent-full');
  await page.getByTestId('consent-details').click();
  await page.getByTestId('consent-full').waitFor({ state: 'detached' });
  await page.getByTestId('consent-agree').click();
  await page.getByTestId('identify-yes').waitFor();
  await visit('store-identify-ask');
  await page.getByTestId('identify-yes').click();
  await page.getByTestId('nickname-preset').first().click();
  await page.getByTestId('nickname-key-7').click();
  await visit('store-nickname');
  await page.getByTestId('nickname-next').click();
  for (const d of phone) await page.getByTestId(`phone-key-${d}`).click();
  await visit('store-phone');
  await page.getByTestId('phone-submit').click();
  await page.getByTestId('store-selfcheck').waitFor();
  // Each question is its own screen (the first also carries the greeting): visit all five.
  for (let i = 0; i < 10 && (await page.getByTestId('store-selfcheck').count()) > 0; i++) {
    await visit(i === 0 ? 'store-selfcheck' : `store-selfcheck-${i + 1}`);
    const before = await page.getByTestId('store-selfcheck').getAttribute('data-question');
    await page.getByTestId('selfcheck-answer').first().click();
    await page.waitForFunction(
      (b) => document.querySelector('[data-testid="store-selfcheck"]')?.getAttribute('data-question') !== b,
      before,
    );
  }
  await page.getByTestId('store-selfcheck-result').waitFor();
  await visit('store-selfcheck-result');
  await page.getByTestId('selfcheck-next').click();
  await page.getByTestId('store-snack').waitFor();
  await visit('store-snack');
  await page.getByTestId('snack-option').first().click();
  await page.getByTestId('store-talk').waitFor();
  await visit('store-talk');
  await page.getByTestId('talk-book').click();
  await page.getByTestId('store-book').waitFor();
  await visit('store-book');
  await page.getByTestId('book-back').click();
  await page.getByTestId('talk-now').click();
  await page.getByTestId('store-done').waitFor({ timeout: 60_000 });
  await visit('store-done');
}

/** The venue's screen: 64 px ≈ 12 mm (base.css `--target`), so 2.5 mm ≈ 13 px. */
export const PX_PER_MM = 64 / 12;

/**
 * Enabled, visible controls smaller than 12 mm either way, and pairs closer
 * than 2.5 mm to each other (nested or overlapping boxes count as too close).
 */
export async function targetProblems(page: Page): Promise<string[]> {
  return page.evaluate((pxPerMm) => {
    const min = 12 * pxPerMm - 0.5;
    const gap = 2.5 * pxPerMm - 0.5;
    // Under an open modal dialog only its own controls can be touched.
    const modals = document.querySelectorAll('[aria-modal="true"]');
    const scope = modals.length ? modals[modals.length - 1] : document;
    const controls = Array.from<any>(scope.querySelectorAll('button:not([disabled]), a[href], input:not([disabled]), [role="button"]'))
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
    const name = (el: any) => el.getAttribute('data-testid') ?? (el.textContent ?? '').trim().slice(0, 20);
    const out: string[] = [];
    const boxes = controls.map((el) => ({ el, r: el.getBoundingClientRect() }));
    for (const { el, r } of boxes) if (r.width < min || r.height < min) out.push(`${name(el)}: ${Math.round(r.width)}x${Math.round(r.height)}`);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r;
        const b = boxes[j].r;
        const dx = Math.max(0, b.left - a.right, a.left - b.right);
        const dy = Math.max(0, b.top - a.bottom, a.top - b.bottom);
        if (Math.max(dx, dy) < gap) out.push(`${name(boxes[i].el)} ↔ ${name(boxes[j].el)}: ${Math.round(Math.max(dx, dy))} px apart`);
      }
    }
    return out;
  }, PX_PER_MM);
}
