/**
 * Every console screen through axe (the full default rule set; the enhanced
 * contrast rule too in the high-contrast theme), at both tablet sizes, in
 * both themes, with a screenshot of each kept under `test-results/console/`.
 * Also: every control at least 44 px, and an English console shows no Korean
 * (and a Korean one no English sentence) outside the language switch.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2eKiosk } from '../support/e2e-kiosk';
import type { WebKiosk } from '../support/web-kiosk';
import { consoleShot, openStaffConsole, PINS, setUpPins, TABLETS } from '../support/staff-console';
import { axeViolations } from './a11y-helpers';
import type { VendingServiceImpl } from '../../electron/services/vending/vending-service';
import type { CouponShops } from '../../electron/services/coupons/coupon-shops';

type CouponsService = { shops: CouponShops };

declare const document: any;

const e2e = useE2eKiosk();
const SCREENS = ['overview', 'alerts', 'jobs', 'stock', 'counsel', 'referrals', 'coupons', 'dashboard', 'content', 'maintenance', 'pins', 'programs'] as const;

/** Buttons and fields smaller than 44 px either way (the crisis volume slider included). */
async function smallControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.console-root button, .console-root input, .console-root select')]
      .filter((el: any) => el.offsetParent !== null)
      .filter((el: any) => el.offsetWidth < 44 || el.offsetHeight < 44)
      .map((el: any) => `${el.dataset.testid ?? el.textContent}: ${el.offsetWidth}x${el.offsetHeight}`),
  );
}

/** Visible text in the other language: Hangul on an English screen, outside anything marked with its own `lang`. */
async function hangulOnEnglishScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('.console-root'), 4 /* text */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      // Raw data a technician edits (the configuration file, the frame log) is shown as it is stored.
      if (!el || el.closest('[lang="ko"]') || el.closest('[data-raw]') || el.offsetParent === null) continue;
      if (/[\uac00-\ud7a3]/.test(n.textContent)) out.push(n.textContent.trim().slice(0, 60));
    }
    return out;
  });
}

async function seed(kiosk: WebKiosk) {
  // Something on every screen: an open paper-out, a staff call, a printed and a waiting job.
  await kiosk.call('app.staffCall', { screen: 'home', language: 'ko' });
  await kiosk.tech('printer.simFaults', { paperOut: true });
  // A 동행 가게, so its tab shows a shop's row and buttons.
  (kiosk.services.domains.get('coupons')!.service as CouponsService).shops.save(
    { nameKo: '가나 반찬가게', nameEn: 'Gana Side Dishes', address: '서울 중구 예시로 12', district: 'jung', givesKo: '반찬 나눔', givesEn: 'a shared side dish', dailyBudget: 5, validityDays: 7 },
    new Date(),
  );
}

describe.each(Object.keys(TABLETS) as (keyof typeof TABLETS)[])('console screens: axe, sizes, languages (%s)', (size) => {
  it.each(['normal', 'contrast'] as const)('has zero axe violations on every screen (%s theme), controls of 44 px or more, and saves a screenshot of each', { timeout: 480_000 }, async (theme) => {
    const kiosk = await e2e.start({ kioskId: `e2e-axe-console-${theme}`, idleSeconds: 600, vending: { sim: { vendMs: 0 } } });
    await setUpPins(kiosk);
    await (kiosk.services.domains.get('vending')!.service as VendingServiceImpl).whenReady();
    await seed(kiosk);
    const page = await openStaffConsole(e2e.browser, kiosk, PINS.admin, TABLETS[size]);
    {
      if (theme === 'contrast') await page.getByTestId('console-contrast').tap();
      await page.locator(`.console-root[data-console-theme="${theme}"]`).waitFor();
      for (const screen of SCREENS) {
        await page.getByTestId(`staff-tab-${screen}`).tap();
        await page.locator(`[data-testid="staff-tab-${screen}"][aria-selected="true"]`).waitFor();
        await page.waitForFunction(() => !document.querySelector('.console-loading'));
        if (screen === 'alerts') await page.getByTestId('alerts-history').tap();
        // The programme form is checked open, with a problem showing beside a field.
        if (screen === 'programs') {
          await page.getByTestId('program-add').tap();
          await page.getByTestId('program-save').tap();
          await page.getByTestId('program-problem-nameKo').waitFor();
        }
        expect(await axeViolations(page, { enhancedContrast: theme === 'contrast' }), `${screen} ${theme}`).toEqual([]);
        expect(await smallControls(page), `${screen} ${theme}`).toEqual([]);
        await consoleShot(page, `${screen}-${theme}-${size}`);
      }
    }
    // The crisis takeover and the PIN pad, in this theme.
    await kiosk.call('store.start', { requestId: `e2e-axe-crisis-${theme}`, consent: false });
    await kiosk.call('store.crisis', { requestId: `e2e-axe-crisis-${theme}` });
    await page.getByTestId('crisis-takeover').waitFor();
    expect(await axeViolations(page, { enhancedContrast: theme === 'contrast' })).toEqual([]);
    expect(await smallControls(page)).toEqual([]);
    await consoleShot(page, `crisis-${theme}-${size}`);
    await page.getByTestId('crisis-ack').tap();
    await page.getByTestId('crisis-takeover').waitFor({ state: 'detached' });
    await page.getByTestId('staff-logout').tap();
    await page.getByTestId('staff-pin').waitFor();
    expect(await axeViolations(page, { enhancedContrast: theme === 'contrast' })).toEqual([]);
    await consoleShot(page, `pin-pad-${theme}-${size}`);
  });

  it('in English, no screen shows Korean outside the language switch', { timeout: 180_000 }, async () => {
    const kiosk = await e2e.start({ kioskId: 'e2e-console-en', idleSeconds: 600, vending: { sim: { vendMs: 0 } } });
    await setUpPins(kiosk);
    await seed(kiosk);
    const page = await openStaffConsole(e2e.browser, kiosk, PINS.admin, TABLETS[size]);
    await page.getByTestId('console-language').tap();
    await page.locator('html[lang="en"]').waitFor();
    for (const screen of SCREENS) {
      await page.getByTestId(`staff-tab-${screen}`).tap();
      await page.locator(`[data-testid="staff-tab-${screen}"][aria-selected="true"]`).waitFor();
      await page.waitForFunction(() => !document.querySelector('.console-loading'));
      expect(await hangulOnEnglishScreen(page), screen).toEqual([]);
      if (screen === 'overview' || screen === 'maintenance') await consoleShot(page, `${screen}-english-${size}`);
    }
  });
});
