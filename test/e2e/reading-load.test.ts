/**
 * The wording check: every visitor screen of both flows (the shell and Mind
 * Pharmacy; the check-in with all five questions and the crisis panel), in
 * Korean and English, rendered for real and measured as a visitor sees it:
 * syllables outside buttons and the longest sentence, against
 * `renderer/src/i18n/reading-limits.ts`. From the same figures, a slow
 * reader's first check-in must fit in 100 s and an anonymous visit in 40 s.
 */
import { describe, expect, it } from 'vitest';
import { useE2eKiosk } from '../support/e2e-kiosk';
import { visibleTextBlocks } from '../support/visible-text';
import { readingLoad, type ReadingLoad } from '../../renderer/src/i18n/reading-measure';
import {
  ANONYMOUS_VISIT,
  ANONYMOUS_VISIT_MAX_S,
  FIRST_CHECK_IN,
  FIRST_CHECK_IN_MAX_S,
  KIOSK_SHARE_ALLOWANCE_S,
  limitFor,
  slowReaderSeconds,
} from '../../renderer/src/i18n/reading-limits';
import { openKiosk, walkCheckInScreens, walkVisitorScreens } from './a11y-helpers';

const e2e = useE2eKiosk();

describe('easy-read: every visitor screen within its reading limits', { timeout: 240_000 }, () => {
  it.each(['ko', 'en'] as const)('%s', async (lang) => {
    // A slow gift keeps the compounding screen up long enough to measure it.
    const kiosk = await e2e.start({ kioskId: `e2e-reading-${lang}`, defaultLanguage: lang, idleSeconds: 600, vending: { sim: { vendMs: 4000 } } });
    const loads: Record<string, ReadingLoad> = {};
    const measure = async (screen: string) => {
      loads[screen] = readingLoad(await visibleTextBlocks(page));
    };
    let page = await openKiosk(e2e.browser, kiosk.url);
    await walkVisitorScreens(page, measure);
    await page.context().close();

    page = await openKiosk(e2e.browser, kiosk.url);
    await walkCheckInScreens(page, `010${String(Date.now()).slice(-8)}`, measure);
    await page.context().close();

    const over: string[] = [];
    for (const [screen, load] of Object.entries(loads)) {
      const limit = limitFor(screen);
      if (load.syllables > limit.syllables) over.push(`${screen}: ${load.syllables} syllables > ${limit.syllables}`);
      if (load.longestSentence > limit.sentence) over.push(`${screen}: sentence of ${load.longestSentence} > ${limit.sentence}: "${load.longestText}"`);
    }
    // Printed on failure and in the log: the figures to tune wording against.
    console.log(lang, Object.fromEntries(Object.entries(loads).map(([s, l]) => [s, `${l.syllables}/${l.longestSentence}`])));
    expect(over).toEqual([]);
    // Every screen of both flows was measured (a walk that silently skipped one would pass).
    expect(Object.keys(loads)).toEqual(expect.arrayContaining([...FIRST_CHECK_IN.screens, 'attract', 'a11y-menu', 'pharmacy-symptoms', 'pharmacy-crisis', 'pharmacy-detail', 'pharmacy-compounding', 'pharmacy-result', 'store-crisis-panel', 'store-consent-full', 'store-book', 'store-done']));

    const syllables = (screens: readonly string[]) => screens.map((s) => loads[s]!.syllables);
    const first = slowReaderSeconds(syllables(FIRST_CHECK_IN.screens), FIRST_CHECK_IN.keys, KIOSK_SHARE_ALLOWANCE_S);
    const anonymous = slowReaderSeconds(syllables(ANONYMOUS_VISIT.screens), ANONYMOUS_VISIT.keys, KIOSK_SHARE_ALLOWANCE_S);
    console.log(lang, `slow reader: first check-in ${first.toFixed(1)} s, anonymous visit ${anonymous.toFixed(1)} s`);
    expect(first, `${lang}: a slow reader's first check-in`).toBeLessThanOrEqual(FIRST_CHECK_IN_MAX_S);
    expect(anonymous, `${lang}: a slow reader's anonymous visit`).toBeLessThanOrEqual(ANONYMOUS_VISIT_MAX_S);
  });
});
