/**
 * A blind visitor with earphones and the keypad alone: the Mind Pharmacy from
 * the attract screen to the prescription, every step heard. The recording
 * speaker stands in for the voice; the test asserts what was said, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startWebKiosk, type WebKiosk } from '../support/web-kiosk';
import { arrowTo, clearSpoken, focusedTestId, inOrder, openKiosk, spoken, texts } from './a11y-helpers';

// page.evaluate callbacks run in the browser; this file is type-checked without the DOM lib (tsconfig.node.json).
declare const window: any;
declare const document: any;
declare function getComputedStyle(el: any): any;
declare function requestAnimationFrame(cb: (t: number) => void): number;

let browser: Browser;
let kiosk: WebKiosk;

beforeAll(async () => {
  kiosk = await startWebKiosk({ kioskId: 'e2e-a11y-keypad', idleSeconds: 600, vending: { sim: { vendMs: 200 } } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe('keypad only, voice guidance on', { timeout: 90_000 }, () => {
  it('takes a blind visitor through the Mind Pharmacy, announcing each screen, control and result in order', async () => {
    const page = await openKiosk(browser, kiosk.url);

    // The first key on the keypad starts speech (the visitor can turn it off in the menu).
    await page.keyboard.press('ArrowDown');
    expect(await focusedTestId(page)).toBe('attract-start');
    await page.keyboard.press('Enter');
    await page.getByTestId('home').waitFor();
    await arrowTo(page, 'service-pharmacy');
    await page.keyboard.press('Enter');
    await page.getByTestId('pharmacy-symptoms').waitFor();

    // Reading order: the crisis choice first, then the symptoms.
    await page.keyboard.press('ArrowDown');
    expect(await focusedTestId(page)).toBe('symptom-crisis');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const symptomName = (await page.locator(':focus .symptom-name').textContent())!.trim();
    await page.keyboard.press('Enter');
    await page.getByTestId('pharmacy-detail').waitFor();

    // Escape goes back to the list; Enter on the same symptom again.
    await page.keyboard.press('Escape');
    await page.getByTestId('pharmacy-symptoms').waitFor();
    await arrowTo(page, 'symptom-option');
    await page.keyboard.press('Enter');
    await page.getByTestId('pharmacy-detail').waitFor();
    const detailName = (await page.locator('main h1').textContent())!.trim();

    await arrowTo(page, 'pharmacy-confirm');
    await page.keyboard.press('Enter');
    await page.getByTestId('pharmacy-result').waitFor({ timeout: 60_000 });
    const quote = (await page.getByTestId('rx-quote').textContent())!.trim();

    const said = await texts(page);
    const check = inOrder(said, [
      '음성 안내를 켰어요',
      /^화면을 터치해 주세요.*, 버튼$/,
      '처음 화면이에요',
      /^마음약방 .*, 버튼$/,
      '마음약방이에요. 오늘 마음이 어떠세요? 증상 20가지',
      /^지금 많이 힘들어요.*, 버튼$/,
      `${symptomName}, 버튼`,
      `${symptomName}. `,
      '마음약방이에요.',
      `${detailName}. `,
      '처방받기, 버튼',
      '처방전을 만들고 있어요',
      `오늘의 마음 처방전. 증상: ${detailName}. 처방: ${quote}`,
    ]);
    expect(check.missing, said.join('\n')).toBeNull();
    // The prescription announcement reads the slip and gift outcome too.
    const result = said.find((t) => t.startsWith('오늘의 마음 처방전'))!;
    expect(result).toContain('처방전이 아래로 나왔어요');
    expect(result).toContain('작은 선물');
    // Everything in Korean, at the visitor's volume and speed.
    const all = await spoken(page);
    expect(new Set(all.map((u) => u.language))).toEqual(new Set(['ko']));
    expect(all.every((u) => u.volume === 1 && u.rate === 1)).toBe(true);

    // The replay key repeats the prescription.
    await clearSpoken(page);
    await page.keyboard.press('F2');
    expect((await texts(page))[0]).toBe(result);

    // Escape from the result: Home.
    await page.keyboard.press('Escape');
    await page.getByTestId('home').waitFor();
    await page.context().close();
  });

  it('works the accessibility menu and the language switch by keypad: toggles, volume, speed, close', async () => {
    const page = await openKiosk(browser, kiosk.url);
    await page.keyboard.press('F1');
    await page.getByTestId('a11y-dialog').waitFor();
    expect(await focusedTestId(page)).toBe('a11y-voice');
    // The keypad already turned voice on: Enter on it would turn it off, so move on to high contrast.
    expect(await page.getByTestId('a11y-voice').getAttribute('aria-pressed')).toBe('true');
    // The menu says which voice speaks: with no Korean OS voice (headless Chromium on Linux), the kiosk's
    // own engine found on this machine without configuration (espeak-ng here and on CI).
    const osKorean = await page.evaluate(() => speechSynthesis.getVoices().some((v) => v.lang.toLowerCase().startsWith('ko')));
    const voiceLine = page.getByTestId('a11y-voice-in-use');
    if (osKorean) expect(await voiceLine.getAttribute('data-kind')).toBe('device');
    else {
      expect(await voiceLine.getAttribute('data-kind')).toBe('local');
      expect(await voiceLine.textContent()).toBe('목소리: espeak-ng (이 기계 안의 목소리)');
    }
    await page.keyboard.press('ArrowDown');
    expect(await focusedTestId(page)).toBe('a11y-contrast');
    await page.keyboard.press('Enter');
    expect(await page.locator('html').getAttribute('data-a11y-contrast')).toBe('');
    await arrowTo(page, 'a11y-volume-down');
    await page.keyboard.press('Enter');
    await arrowTo(page, 'a11y-rate-up');
    await page.keyboard.press('Enter');
    // Focus stays inside the dialog: arrows wrap around it.
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('a11y-dialog').waitFor({ state: 'detached' });

    const said = await texts(page);
    expect(inOrder(said, ['음성 안내를 켰어요', '편의 기능 창이에요', '고대비 화면, 꺼짐, 버튼', '고대비 화면 기능을 켰어요', '소리 크기 4', '읽는 빠르기 4']).missing, said.join('\n')).toBeNull();
    const last = (await spoken(page)).at(-1)!;
    expect(last.volume).toBeCloseTo(0.8);
    expect(last.rate).toBeCloseTo(1.2);

    // Start, then switch the language with the keypad: the screen is read again, in English.
    await page.keyboard.press('ArrowDown');
    await arrowTo(page, 'attract-start');
    await page.keyboard.press('Enter');
    await page.getByTestId('home').waitFor();
    await clearSpoken(page);
    await page.keyboard.press('ArrowUp');
    await arrowTo(page, 'lang-toggle');
    await page.keyboard.press('Enter');
    await page.getByText('Mind Pharmacy').first().waitFor();
    const english = (await spoken(page)).filter((u) => u.language === 'en').map((u) => u.text);
    expect(english.some((t) => t.startsWith('Start screen.'))).toBe(true);
    await page.context().close();
  });
});
