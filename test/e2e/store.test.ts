/**
 * The Mind Convenience Store check-in end to end: a real browser on the web
 * host, touch only (every entry on the on-screen keypads), the printer
 * simulator writing each ticket as PNG. A fresh kiosk per test.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { KIOSK_VIEWPORT } from '../support/browser';
import type { WebKiosk } from '../support/web-kiosk';
import { useE2eKiosk } from '../support/e2e-kiosk';
import { ocrCompact, tesseractAvailable } from '../support/ocr';

const e2e = useE2eKiosk();

async function start(): Promise<WebKiosk> {
  const kiosk = await e2e.start({ kioskId: 'e2e-store', idleSeconds: 600 });
  return kiosk;
}

const count = (sql: string) => e2e.kiosk.count(sql);

const slipFiles = (ext: '.png' | '.txt') => e2e.kiosk.slipFiles(ext);

async function openStore(): Promise<Page> {
  const context = await e2e.browser.newContext({ viewport: KIOSK_VIEWPORT, hasTouch: true });
  const page = await context.newPage();
  await page.goto(e2e.kiosk.url);
  await page.getByTestId('attract').tap();
  await page.getByTestId('service-store').tap();
  await page.getByTestId('store-start').tap();
  await page.getByTestId('consent-agree').waitFor();
  return page;
}

/** Nickname preset + digits and the phone number, all on the on-screen keys. */
async function identify(page: Page, preset: string, digits: string, phone: string) {
  await page.getByTestId('consent-agree').tap();
  await page.getByTestId('identify-yes').tap();
  await page.locator(`[data-testid="nickname-preset"][data-nickname="${preset}"]`).tap();
  for (const d of digits) await page.getByTestId(`nickname-key-${d}`).tap();
  await page.getByTestId('nickname-next').tap();
  for (const d of phone) await page.getByTestId(`phone-key-${d}`).tap();
  expect(await page.getByTestId('phone-display').textContent()).toBe(`${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`);
  await page.getByTestId('phone-submit').tap();
}

async function answerAll(page: Page, values: string[]) {
  for (const v of values) {
    const before = await page.getByTestId('store-selfcheck').getAttribute('data-question');
    await page.locator(`[data-testid="selfcheck-answer"][data-value="${v}"]`).tap();
    if (before !== 'helper') await expect.poll(() => page.getByTestId('store-selfcheck').getAttribute('data-question')).not.toBe(before);
  }
}

describe('Mind Convenience Store check-in', { timeout: 120_000 }, () => {
  it('first visit: consent, keypad, self-check, snack, queue, and a ticket without phone or nickname', async () => {
    await start();
    const page = await openStore();
    await identify(page, '해바라기', '7', '01012345678');
    expect(await page.getByTestId('store-greeting').getAttribute('data-returning')).toBe('false');
    // Lonely answers: the kind suggestion to talk, not a diagnosis.
    await answerAll(page, ['3', '3', '2', 'false', 'true']);
    await page.getByTestId('store-selfcheck-result').waitFor();
    expect(await page.getByTestId('store-selfcheck-result').getAttribute('data-level')).toBe('talk');
    await page.getByTestId('selfcheck-next').tap();
    await page.locator('[data-testid="snack-option"][data-item="cup-ramen"]').tap();
    await page.getByTestId('talk-now').tap();
    const done = page.getByTestId('store-done');
    await done.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('queue-number').getAttribute('data-number')).toBe('1');
    expect(await page.getByTestId('done-snack').textContent()).toBe('컵라면');
    expect(await done.getAttribute('data-print')).toBe('printed');
    const screenText = (await page.locator('body').textContent())!;
    expect(screenText).not.toContain('5678');
    expect(screenText).not.toContain('해바라기');
    expect(screenText).toContain('02-120');

    const pngs = slipFiles('.png');
    expect(pngs).toHaveLength(1);
    if (tesseractAvailable()) {
      const text = await ocrCompact(pngs[0]!);
      expect(text).toContain('서울마음편의점');
      expect(text).toContain('컵라면');
      expect(text).not.toContain('5678');
      expect(text).not.toContain('해바라기');
    }
    const job = e2e.kiosk.services.db!.prepare("SELECT document FROM print_jobs WHERE kind = 'store-ticket'").pluck().get() as string;
    expect(job).toContain('1번');
    expect(job).not.toContain('5678');
    expect(job).not.toContain('해바라기');
    expect(count('SELECT COUNT(*) FROM store_self_checks WHERE suggest_talk = 1')).toBe(1);
    expect(count("SELECT COUNT(*) FROM store_queue WHERE number = 1 AND state = 'waiting'")).toBe(1);

    // Nothing on disk holds the number as typed, through the real web host and its logs.
    const files = readdirSync(e2e.kiosk.dataDir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && !e.name.endsWith('.lock'));
    for (const e of files) {
      const buf = readFileSync(join(e.parentPath, e.name));
      for (const form of ['01012345678', '010-1234-5678', '12345678']) expect(buf.includes(Buffer.from(form)), `${e.name}: ${form}`).toBe(false);
    }

    await page.getByTestId('store-finish').tap();
    await page.getByTestId('attract').waitFor();
    await page.context().close();
  });

  it('declining consent still gives a snack and a ticket, and stores nothing personal', async () => {
    await start();
    const page = await openStore();
    await page.getByTestId('consent-decline').tap();
    await page.locator('[data-testid="snack-option"][data-item="banana-milk"]').tap();
    await page.getByTestId('talk-skip').tap();
    await page.getByTestId('store-done').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('done-snack').textContent()).toBe('바나나우유');
    expect(count('SELECT COUNT(*) FROM store_visitors')).toBe(0);
    expect(count('SELECT COUNT(*) FROM store_self_checks')).toBe(0);
    expect(count('SELECT COUNT(*) FROM store_visits WHERE consent = 0')).toBe(1);
    expect(slipFiles('.png')).toHaveLength(1);
    await page.context().close();
  });

  it('a returning visitor is welcomed back, skips the recent self-check, and books a counselor', async () => {
    await start();
    let page = await openStore();
    await identify(page, '소나무', '', '01055501234');
    await answerAll(page, ['1', '1', '1', 'true', 'true']);
    await page.getByTestId('selfcheck-next').tap();
    await page.getByTestId('snack-none').tap();
    await page.getByTestId('talk-skip').tap();
    await page.getByTestId('store-done').waitFor({ timeout: 60_000 });
    await page.getByTestId('store-finish').tap();
    await page.context().close();

    page = await openStore();
    await identify(page, '소나무', '', '01055501234');
    await page.getByTestId('store-snack').waitFor();
    expect(await page.getByTestId('store-greeting').getAttribute('data-returning')).toBe('true');
    expect(await page.getByTestId('store-greeting').textContent()).toContain('다시 오셨네요');
    await page.locator('[data-testid="snack-option"][data-item="soy-milk"]').tap();
    await page.getByTestId('talk-book').tap();
    const slot = page.locator('[data-testid="booking-slot"][data-free="true"]').first();
    const slot0 = (await slot.getAttribute('data-slot'))!;
    await slot.tap();
    await page.getByTestId('store-done').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('booking-time').getAttribute('data-slot')).toBe(slot0);
    const bookings = e2e.kiosk.services
      .db!.prepare("SELECT b.slot_start, v.nickname FROM store_bookings b JOIN store_visitors v ON v.id = b.visitor_id WHERE b.state = 'booked'")
      .all();
    expect(bookings).toEqual([{ slot_start: slot0, nickname: '소나무' }]);
    await page.context().close();
  });

  it('the last snack from two screens at once: one gets it, the other is told kindly and picks again', async () => {
    await start();
    // Staff methods sit behind the staff console's PIN: the test sets the stock in the database directly.
    const db = e2e.kiosk.services.db!;
    db.prepare('UPDATE store_snack_stock SET stock = 0').run();
    db.prepare("UPDATE store_snack_stock SET stock = 1 WHERE item_id = 'choco-pie'").run();
    db.prepare("UPDATE store_snack_stock SET stock = 5 WHERE item_id = 'barley-tea'").run();
    const pages = await Promise.all([openStore(), openStore()]);
    for (const p of pages) {
      await p.getByTestId('consent-decline').tap();
      await p.locator('[data-testid="snack-option"][data-item="choco-pie"][data-available="true"]').waitFor();
    }
    await Promise.all(pages.map((p) => p.locator('[data-testid="snack-option"][data-item="choco-pie"]').tap()));
    const outcome = async (p: Page) => {
      await p.locator('[data-testid="store-talk"], [data-testid="store-notice"]').first().waitFor();
      return (await p.getByTestId('store-talk').count()) > 0 ? 'won' : 'lost';
    };
    const results = await Promise.all(pages.map(outcome));
    expect([...results].sort()).toEqual(['lost', 'won']);
    const loser = pages[results.indexOf('lost')]!;
    expect(await loser.getByTestId('store-notice').textContent()).toContain('다른 간식을 골라 주세요');
    expect(await loser.locator('[data-testid="snack-option"][data-item="choco-pie"]').isDisabled()).toBe(true);
    await loser.locator('[data-testid="snack-option"][data-item="barley-tea"]').tap();
    await loser.getByTestId('store-talk').waitFor();
    expect(count("SELECT stock FROM store_snack_stock WHERE item_id = 'choco-pie'")).toBe(0);
    expect(count("SELECT COUNT(*) FROM store_snacks_taken WHERE item_id = 'choco-pie'")).toBe(1);
    for (const p of pages) await p.context().close();
  });

  it('the same booking slot from two screens at once: exactly one booking', async () => {
    await start();
    const pages = await Promise.all([openStore(), openStore()]);
    for (const p of pages) {
      await p.getByTestId('consent-decline').tap();
      await p.getByTestId('snack-none').tap();
      await p.getByTestId('talk-book').tap();
    }
    const first = (await pages[0]!.locator('[data-testid="booking-slot"][data-free="true"]').first().getAttribute('data-slot'))!;
    await Promise.all(pages.map((p) => p.locator(`[data-testid="booking-slot"][data-slot="${first}"]`).tap()));
    const outcome = async (p: Page) => {
      await p.locator('[data-testid="store-done"], [data-testid="store-notice"]').first().waitFor({ timeout: 60_000 });
      return (await p.getByTestId('store-done').count()) > 0 ? 'won' : 'lost';
    };
    expect((await Promise.all(pages.map(outcome))).sort()).toEqual(['lost', 'won']);
    expect(count(`SELECT COUNT(*) FROM store_bookings WHERE slot_start = '${first}' AND state = 'booked'`)).toBe(1);
    for (const p of pages) await p.context().close();
  });

  it('"지금 많이 힘들어요" on every step: staff alerted at once, 109 and 120 shown', async () => {
    await start();
    const page = await openStore();
    await page.getByTestId('store-crisis').tap();
    const panel = page.getByTestId('store-crisis-panel');
    await panel.waitFor();
    expect(await page.getByTestId('store-crisis-109').textContent()).toContain('109');
    expect(await page.getByTestId('store-crisis-120').textContent()).toContain('02-120');
    expect(await page.getByTestId('store-crisis-120').textContent()).toContain('5번');
    await expect.poll(() => page.getByTestId('store-crisis-status').getAttribute('data-state')).toBe('alerted');
    expect(count("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'crisis'")).toBe(1);
    await page.getByTestId('store-crisis-close').tap();
    // Still there on a later step; a second tap in the same visit raises no second alert.
    await page.getByTestId('consent-decline').tap();
    await page.getByTestId('store-snack').waitFor();
    await page.getByTestId('store-crisis').tap();
    await panel.waitFor();
    expect(count("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'crisis'")).toBe(1);
    await page.context().close();
  });

  it('an idle reset clears everything typed: the next visitor finds no digits, no nickname, no choice', async () => {
    await e2e.start({ kioskId: 'e2e-store-idle', idleSeconds: 6, idleCountdownSeconds: 2 });
    const page = await openStore();
    await page.getByTestId('consent-agree').tap();
    await page.getByTestId('identify-yes').tap();
    await page.locator('[data-testid="nickname-preset"][data-nickname="바다"]').tap();
    await page.getByTestId('nickname-key-4').tap();
    await page.getByTestId('nickname-next').tap();
    for (const d of '0109876') await page.getByTestId(`phone-key-${d}`).tap();
    expect(await page.getByTestId('phone-display').textContent()).toBe('010-9876');
    // Walk away: the prompt, the countdown, then the attract screen.
    await page.getByTestId('attract').waitFor({ timeout: 30_000 });
    expect(await page.locator('body').textContent()).not.toContain('9876');
    await page.getByTestId('attract').tap();
    await page.getByTestId('service-store').tap();
    await page.getByTestId('store-welcome').waitFor();
    await page.getByTestId('store-start').tap();
    await page.getByTestId('consent-agree').tap();
    await page.getByTestId('identify-yes').tap();
    expect(await page.getByTestId('nickname-display').textContent()).not.toContain('바다');
    expect(await page.locator('[data-testid="nickname-preset"][aria-pressed="true"]').count()).toBe(0);
    await page.getByTestId('nickname-preset').first().tap();
    await page.getByTestId('nickname-next').tap();
    expect(await page.getByTestId('phone-display').textContent()).toBe('010-');
    // Nothing of the abandoned entry reached the database: no visitor was ever identified.
    expect(count('SELECT COUNT(*) FROM store_visitors')).toBe(0);
    await page.context().close();
  });
});
