/**
 * A blind visitor with earphones and the keypad alone at the Mind Convenience
 * Store: from the attract screen to the ticket, every step announces what it
 * is and what can be done, every action's result is heard (nickname, digits
 * counted, snack chosen, place in the queue, booked time, ticket printed),
 * and the phone number never is: at most its last four digits, spaced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startWebKiosk, type WebKiosk } from '../support/web-kiosk';
import { arrowTo, focusedTestId, inOrder, openKiosk, spoken, texts } from './a11y-helpers';

let browser: Browser;
let kiosk: WebKiosk;

beforeAll(async () => {
  kiosk = await startWebKiosk({ kioskId: 'e2e-a11y-keypad-store', idleSeconds: 600 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

/** A keypad visitor: Enter on a control, and, when a screen opens, listening until `words` were said (`times` times in all). */
function visitor(page: Page) {
  const heard = async (words: string, times = 1) => {
    await page.waitForFunction(
      ([w, n]) => (window as any).__itdaSpeech.spoken.filter((u: { text: string }) => u.text.includes(w)).length >= n,
      [words, times] as const,
    );
  };
  const choose = async (testId: string, then?: string) => {
    await arrowTo(page, testId);
    await page.keyboard.press('Enter');
    if (then) await heard(then);
  };
  return { heard, choose };
}

describe('keypad only, voice guidance on: check-in', { timeout: 120_000 }, () => {
  it('announces every step and every result in order; the phone number is never said', async () => {
    const page = await openKiosk(browser, kiosk.url);
    const { heard, choose } = visitor(page);
    await page.keyboard.press('ArrowDown');
    await choose('attract-start', '처음 화면이에요');
    await choose('service-store', '서울마음편의점에 잘 오셨어요.');
    // The crisis panel opens by keypad, is read with its numbers, holds focus; staff alerted is heard; Escape closes it.
    await choose('store-crisis', '자살예방상담전화');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="store-crisis-panel"]') !== null)).toBe(true);
    await heard('직원에게 알렸어요');
    await page.keyboard.press('Escape');
    await page.getByTestId('store-crisis-panel').waitFor({ state: 'detached' });
    // Focus is back on the button that opened it.
    expect(await focusedTestId(page)).toBe('store-crisis');
    await choose('store-start', '개인정보를 받아도 될까요?');
    await choose('consent-agree', '다음에 오시면 알아봐 드릴까요?');
    await choose('identify-yes', '별명을 골라 주세요.');
    await choose('nickname-preset', '별명: ');
    const nickname = (await page.getByTestId('nickname-display').textContent())!.trim();
    await choose('nickname-key-7', `별명: ${nickname} 7`);
    await choose('nickname-next', '휴대전화 번호를 눌러 주세요.');
    // Escape is the screen's "이전": back to the nickname (chosen name kept), then on again.
    await page.keyboard.press('Escape');
    await heard('별명을 골라 주세요.', 2);
    await choose('nickname-next');
    await heard('휴대전화 번호를 눌러 주세요.', 2);
    for (const d of '01024681357') await choose(`phone-key-${d}`);
    await heard('끝자리가 1 3 5 7인 전화번호를 눌렀어요');
    await choose('phone-submit', '5개 가운데 1번째예요');
    for (let n = 1; n <= 5; n++) {
      await heard(`5개 가운데 ${n}번째예요`);
      await choose('selfcheck-answer', n < 5 ? `5개 가운데 ${n + 1}번째예요` : '말해 주셔서 고마워요.');
    }
    await choose('selfcheck-next', '간식을 1개 골라 주세요.');
    await arrowTo(page, 'snack-option');
    const snack = (await page.locator(':focus .store-snack-name').textContent())!.trim();
    await choose('snack-option', '상담 선생님과 이야기할까요?');
    await choose('talk-now', '다 됐어요.');
    const queue = await page.getByTestId('queue-number').getAttribute('data-number');

    const said = await texts(page);
    const check = inOrder(said, [
      '처음 화면이에요',
      /^서울마음편의점 .*, 버튼$/,
      // Each step: what it is, then what can be done.
      /^서울마음편의점에 잘 오셨어요\. .*확인 키를 누르세요\. 맨 위에는 지금 많이 힘들 때 누르는 버튼이 있어요\.$/,
      /^혼자 견디지 않아도 돼요\. .*자살예방상담전화 ☎ 109 \(24시간\)\. 외로움안녕120 ☎ 02-120 \(연결 후 5번\)\. .*닫으려면 취소 키를 누르세요\.$/,
      '직원에게 알렸어요. 곧 갈게요.',
      /^개인정보를 받아도 될까요\? 받는 것: .*90일.*좋으시면 좋아요, 싫으시면 싫어요 버튼을 누르세요\. 긴 안내를 들으려면 자세히 보기 버튼을 누르세요\.$/,
      '좋아요, 버튼',
      /^다음에 오시면 알아봐 드릴까요\? .*네, 좋아요 또는 아니요, 괜찮아요 버튼을 골라 주세요\.$/,
      /^별명을 골라 주세요\. 별명 12가지 .*다음 버튼을 누르세요/,
      `별명: ${nickname}`,
      `별명: ${nickname} 7`,
      /^휴대전화 번호를 눌러 주세요\. .*번호는 소리 내어 읽지 않아요/,
      '0, 버튼',
      '지금 1자리예요',
      '지금 10자리예요',
      '끝자리가 1 3 5 7인 전화번호를 눌렀어요. 맞으면 다음 버튼을 누르세요.',
      // The welcome (a first visit) and the first question, with its answers.
      new RegExp(`^${nickname} 7님, 반가워요\\. 맞고 틀린 답은 없어요\\. 마음 질문 5개 가운데 1번째예요\\. .+ 답: 거의 없어요, 가끔 있어요, 자주 있어요\\.`),
      /5개 가운데 4번째예요\. 지난 7일 동안 .* 답: 네, 있어요, 아니요, 없어요\./,
      '5개 가운데 5번째예요',
      /^말해 주셔서 고마워요\. .*병원 검사가 아니에요\..* 다음 버튼을 누르면 간식을 고를 수 있어요\.$/,
      /^간식을 1개 골라 주세요\. .+ \d+개 남았어요.*안 받을게요 버튼을 누르세요\.$/,
      // The snack just chosen is the first thing heard on the next step.
      `고른 간식: ${snack}. 상담 선생님과 이야기할까요?`,
      '지금 할래요, 버튼',
      '표를 뽑고 있어요',
      // Joined the queue: the number and the people ahead; the snack; the ticket printed.
      `다 됐어요. 상담 번호는 ${queue}번이에요. 바로 다음 순서예요.`,
    ]);
    expect(check.missing, said.join('\n')).toBeNull();
    const done = said.find((t) => t.startsWith('다 됐어요. 상담 번호는'))!;
    expect(done).toContain(`받으실 간식: ${snack}.`);
    expect(done).toContain('표가 아래로 나왔어요.');
    // The number as typed never: neither whole nor in runs; at most the last four, one by one.
    expect(said.some((t) => /2468|1357|0102|010-?\d{3,4}-?\d{4}|\d \d \d \d \d/.test(t))).toBe(false);
    expect(said.filter((t) => t.includes('1 3 5 7')).length).toBeGreaterThan(0);
    expect(new Set((await spoken(page)).map((u) => u.language))).toEqual(new Set(['ko']));
    await page.context().close();
  });

  it('in English: a booking is heard with its time, a declined snack and a lost slot are said', async () => {
    const page = await openKiosk(browser, kiosk.url);
    const { heard, choose } = visitor(page);
    await page.keyboard.press('ArrowDown');
    await choose('attract-start', '처음 화면이에요');
    await page.keyboard.press('ArrowUp');
    await choose('lang-toggle', 'Start screen.');
    await choose('service-store', 'Welcome to the Mind Convenience Store.');
    await choose('store-start', 'May we keep a little about you?');
    await choose('consent-decline', 'Pick 1 snack.');
    await choose('snack-none', 'No snack this time. Talk with a counselor?');
    await choose('talk-book', 'Pick a good time.');
    // Another day: its free times are counted aloud.
    const days = page.locator('[data-testid="booking-day"]:not([disabled])');
    const second = await days.nth(1).getAttribute('data-day');
    const dayLabel = (await days.nth(1).textContent())!.trim();
    for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.getAttribute('data-day') ?? null)) !== second; i++) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await heard(`${dayLabel}. `);
    // Someone takes the first free time of that day a moment before this visitor.
    const slot = await page.locator('[data-testid="booking-slot"][data-free="true"]').first().getAttribute('data-slot');
    const other = await kiosk.services.dispatch('store.start', { requestId: 'other-visitor', consent: false });
    expect(other.ok).toBe(true);
    expect((await kiosk.services.dispatch('store.book', { requestId: 'other-visitor', slotStart: slot })).ok).toBe(true);
    await choose('booking-slot', 'Someone just took that time. Please pick another.');
    await arrowTo(page, 'booking-slot');
    const time = await page.evaluate(() => document.activeElement?.getAttribute('data-slot') ?? '');
    await page.keyboard.press('Enter');
    await heard('All done.');
    const ref = (await page.getByTestId('store-done').locator('.store-ticket-main span').last().textContent())!.replace('Booking no. ', '').trim();

    const said = (await spoken(page)).filter((u) => u.language === 'en').map((u) => u.text);
    const check = inOrder(said, [
      /^Welcome to the Mind Convenience Store\. .*press OK\./,
      /^May we keep a little about you\? What: .*If you agree, press Yes, OK\. If not, press No, thanks\. For the full text, press See details\.$/,
      /^Pick 1 snack\. .+ left.*If you do not want one, press No snack\.$/,
      // The first visitor of this kiosk is still waiting.
      /^No snack this time\. Talk with a counselor\? People waiting: 1\. About \d+ minutes\. To talk now, press Talk now\./,
      /^Pick a good time\. There are \d+ days you can book\. Choose a day first, then a time\./,
      new RegExp(`^${dayLabel}\\. \\d+ free times\\.`),
      'Someone just took that time. Please pick another.',
      `All done. Your talk with a counselor is booked for ${dayLabel}, ${time.slice(11, 16)}. Booking number ${ref.split('').join(' ')}.`,
    ]);
    expect(check.missing, said.join('\n')).toBeNull();
    const done = said.find((t) => t.startsWith('All done. Your talk'))!;
    expect(done).toContain('No snack this time.');
    expect(done).toContain('Your ticket is below.');
    await page.context().close();
  });
});
