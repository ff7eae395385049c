/**
 * The staff console's counseling and admin screens in a real browser on the
 * web host, next to the visitor's check-in in another browser context: the
 * queue a visitor sees shrinking when staff call and finish the next talk,
 * reordering, the 14-day booking calendar (cancel), the weekly hours (a
 * mistake shown, then saved), erasing a visitor on request (number masked),
 * PIN management, the hidden five-tap way in at the kiosk, and the
 * dashboard's charts and CSV. Big touch targets and axe on every such screen.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { KIOSK_VIEWPORT } from '../support/browser';
import type { WebKiosk } from '../support/web-kiosk';
import { setUpStaff, TEST_PINS } from '../support/staff-pins';
import { useE2eKiosk } from '../support/e2e-kiosk';
import type { KioskConfigInput } from '../../electron/services/config/config-schema';
import { axeViolations } from './a11y-helpers';
import type { VendingServiceImpl } from '../../electron/services/vending/vending-service';

// page.evaluate callbacks run in the browser; this file is type-checked without the DOM lib.
declare const document: any;

const e2e = useE2eKiosk();

async function start(config: KioskConfigInput = {}): Promise<WebKiosk> {
  const kiosk = await e2e.start({ kioskId: 'e2e-counsel', idleSeconds: 600, ...config });
  const { admin } = await setUpStaff(kiosk.services);
  await call('staff.logout', { token: admin });
  return kiosk;
}

const call = (method: string, input: unknown = {}) => e2e.kiosk.call(method, input);

/** A visitor who joined the queue at another kiosk screen (the open visitor methods, as a screen calls them). */
async function queuedVisitor(n: number) {
  const requestId = `e2e-queued-${String(n).padStart(4, '0')}`;
  await call('store.start', { requestId, consent: false });
  return call('store.talkNow', { requestId });
}

async function console_(pin: string): Promise<Page> {
  const page = await (await e2e.browser.newContext({ viewport: { width: 1280, height: 1000 }, hasTouch: true })).newPage();
  await page.goto(`${e2e.kiosk.url}/staff`);
  await page.getByTestId('staff-pin').waitFor();
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).tap();
  await page.getByTestId('pin-submit').tap();
  await page.getByTestId('staff-console').waitFor();
  return page;
}

/** A visitor at the kiosk up to the talk screen (no consent, no snack). */
async function visitorAtTalk(): Promise<Page> {
  const page = await (await e2e.browser.newContext({ viewport: KIOSK_VIEWPORT, hasTouch: true })).newPage();
  await page.goto(e2e.kiosk.url);
  await page.getByTestId('attract').tap();
  await page.getByTestId('service-store').tap();
  await page.getByTestId('store-start').tap();
  await page.getByTestId('consent-decline').tap();
  await page.getByTestId('snack-none').tap();
  await page.getByTestId('store-talk').waitFor();
  return page;
}

/** Every control on the page at least 56 px each way: fingers, not a mouse. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.staff-body button, .staff-body input')]
      .filter((el: any) => el.offsetParent !== null)
      // Layout size, not the painted one: a button just tapped is drawn slightly smaller for a moment (press feedback).
      .map((el: any) => ({ el, r: { width: el.offsetWidth, height: el.offsetHeight } }))
      .filter(({ r }: any) => r.width < 56 || r.height < 56)
      .map(({ el, r }: any) => `${el.dataset.testid ?? el.textContent}: ${Math.round(r.width)}x${Math.round(r.height)}`),
  );
}

describe('counseling screens of the staff console', { timeout: 120_000 }, () => {
  it('queue call-next seen by the check-in flow’s waiting count', async () => {
    await start();
    await queuedVisitor(1);
    await queuedVisitor(2);
    const first = await visitorAtTalk();
    expect(await first.getByTestId('queue-status').textContent()).toContain('지금 2명이 기다려요');
    await first.getByTestId('talk-now').tap();
    await first.getByTestId('store-done').waitFor({ timeout: 60_000 });
    expect(await first.getByTestId('queue-number').getAttribute('data-number')).toBe('3');
    expect(await first.getByTestId('store-done').textContent()).toContain('3번째 순서예요. ');

    const staff = await console_(TEST_PINS.staff);
    await staff.getByTestId('staff-tab-counsel').tap();
    await staff.locator('[data-testid="queue-entry"]').nth(2).waitFor();
    await staff.getByTestId('queue-call-next').tap();
    await expect.poll(() => staff.locator('[data-testid="queue-entry"][data-number="1"]').getAttribute('data-state')).toBe('called');
    // Number 1 is talking now and still counts for those behind; the talk ends and the counselor marks it.
    await staff.getByTestId('queue-talked-1').tap();
    await expect.poll(() => staff.locator('[data-testid="queue-entry"][data-number="1"]').getAttribute('data-state')).toBe('talked');

    const second = await visitorAtTalk();
    expect(await second.getByTestId('queue-status').textContent()).toContain('지금 2명이 기다려요');
    await staff.getByTestId('queue-call-next').tap();
    await expect.poll(() => staff.locator('[data-testid="queue-entry"][data-number="2"]').getAttribute('data-state')).toBe('called');
    await staff.getByTestId('queue-noshow-2').tap();
    const third = await visitorAtTalk();
    expect(await third.getByTestId('queue-status').textContent()).toContain('지금 1명이 기다려요');
    for (const p of [first, second, third, staff]) await p.context().close();
  });

  it('staff move a waiting visitor up; the next call takes the new order, ticket numbers stay', async () => {
    await start();
    for (const n of [1, 2, 3]) await queuedVisitor(n);
    const staff = await console_(TEST_PINS.staff);
    await staff.getByTestId('staff-tab-counsel').tap();
    await staff.locator('[data-testid="queue-entry"]').nth(2).waitFor();
    expect(await staff.getByTestId('queue-up-1').isDisabled()).toBe(true);
    await staff.getByTestId('queue-up-3').tap();
    const order = () => staff.locator('[data-testid="queue-entry"]').evaluateAll((els: any[]) => els.map((e) => e.dataset.number).join(','));
    await expect.poll(order).toBe('1,3,2');
    await staff.getByTestId('queue-call-next').tap();
    await staff.getByTestId('queue-talked-1').tap();
    await staff.getByTestId('queue-call-next').tap();
    await expect.poll(() => staff.locator('[data-testid="queue-entry"][data-number="3"]').getAttribute('data-state')).toBe('called');
    expect(await staff.locator('[data-testid="queue-entry"][data-number="2"]').getAttribute('data-state')).toBe('waiting');
    expect(await smallTargets(staff)).toEqual([]);
    expect(await axeViolations(staff)).toEqual([]);
    await staff.context().close();
  });

  it('the 14-day calendar shows a booking; staff cancel it (with a confirmation) and the time is free again', async () => {
    await start();
    await call('store.start', { requestId: 'e2e-booker-0001', consent: true });
    await call('store.identify', { requestId: 'e2e-booker-0001', nickname: '소나무', phone: '01055501234' });
    const slot = (await call('store.slots', {})).slots.find((s: { free: boolean }) => s.free).start as string;
    await call('store.book', { requestId: 'e2e-booker-0001', slotStart: slot });

    const staff = await console_(TEST_PINS.staff);
    await staff.getByTestId('staff-tab-counsel').tap();
    await staff.getByTestId('counsel-view-calendar').tap();
    await staff.getByTestId('booking-calendar').waitFor();
    expect(await staff.locator('[data-testid="calendar-day"]').count()).toBe(14);
    const cell = staff.locator(`[data-testid="calendar-cell"][data-slot="${slot}"]`);
    expect(await cell.getAttribute('data-state')).toBe('booked');
    expect(await smallTargets(staff)).toEqual([]);
    expect(await axeViolations(staff)).toEqual([]);
    await cell.tap();
    expect(await staff.getByTestId('booking-detail').textContent()).toContain('소나무');
    await staff.getByTestId('booking-cancel').tap();
    expect(await axeViolations(staff)).toEqual([]);
    await staff.getByTestId('booking-cancel-yes').tap();
    await staff.getByTestId('booking-cancelled').waitFor();
    await expect.poll(() => cell.getAttribute('data-state')).toBe('free');
    expect((await call('store.slots', {})).slots.find((s: { start: string }) => s.start === slot).free).toBe(true);
    await staff.context().close();
  });

  it('weekly hours: opening Saturday, a too-short span is named and cannot be saved; the fixed one reaches the visitors’ booking screen', async () => {
    await start();
    const staff = await console_(TEST_PINS.staff);
    await staff.getByTestId('staff-tab-counsel').tap();
    await staff.getByTestId('counsel-view-hours').tap();
    await staff.getByTestId('hours-add-sat').tap();
    expect(await staff.getByTestId('hours-span-sat-0').getAttribute('data-span')).toBe('10:00-12:00');
    for (let i = 0; i < 3; i++) await staff.getByTestId('hours-sat-0-1-earlier').tap();
    expect(await staff.getByTestId('hours-span-sat-0').getAttribute('data-span')).toBe('10:00-10:30');
    expect(await staff.getByTestId('hours-problems').textContent()).toContain('50분 상담 한 번도');
    expect(await staff.getByTestId('hours-save').isDisabled()).toBe(true);
    expect(await axeViolations(staff)).toEqual([]);
    expect(await smallTargets(staff)).toEqual([]);
    await staff.getByTestId('hours-sat-0-1-later').tap();
    await staff.getByTestId('hours-sat-0-1-later').tap();
    await staff.getByTestId('hours-save').tap();
    await staff.getByTestId('hours-saved').waitFor();
    const saturdays = (await call('store.slots', {})).slots.filter((s: { start: string }) => new Date(`${s.start.slice(0, 10)}T00:00:00Z`).getUTCDay() === 6);
    expect(saturdays.length).toBeGreaterThan(0);
    expect(new Set(saturdays.map((s: { start: string }) => s.start.slice(11)))).toEqual(new Set(['10:00']));
    await staff.context().close();
  });

  it('an admin erases a visitor on request: number typed on the keypad, never shown in full, confirmed first', async () => {
    await start();
    await call('store.start', { requestId: 'e2e-erase-0001', consent: true });
    await call('store.identify', { requestId: 'e2e-erase-0001', nickname: '별빛', phone: '01012345678' });
    expect(e2e.kiosk.services.db!.prepare('SELECT COUNT(*) FROM store_visitors').pluck().get()).toBe(1);

    // Staff do not see the erasure screen at all.
    const desk = await console_(TEST_PINS.staff);
    await desk.getByTestId('staff-tab-counsel').tap();
    await desk.getByTestId('counsel-view-queue').waitFor();
    expect(await desk.getByTestId('counsel-view-erase').count()).toBe(0);
    await desk.context().close();

    const admin = await console_(TEST_PINS.admin);
    await admin.getByTestId('staff-tab-counsel').tap();
    await admin.getByTestId('counsel-view-erase').tap();
    for (const d of '01012345679') await admin.getByTestId(`erase-key-${d}`).tap();
    await admin.getByTestId('erase-back').tap();
    await admin.getByTestId('erase-key-8').tap();
    expect(await admin.getByTestId('erase-display').textContent()).toBe('010-****-5678');
    expect(await smallTargets(admin)).toEqual([]);
    expect(await axeViolations(admin)).toEqual([]);
    await admin.getByTestId('erase-next').tap();
    expect(await admin.getByTestId('erase-confirm').textContent()).toContain('010-****-5678');
    expect(await axeViolations(admin)).toEqual([]);
    await admin.getByTestId('erase-yes').tap();
    expect(await admin.getByTestId('erase-result').getAttribute('data-erased')).toBe('true');
    const text = (await admin.locator('body').textContent())!;
    for (const full of ['01012345678', '010-1234-5678', '1234']) expect(text).not.toContain(full);
    expect(e2e.kiosk.services.db!.prepare('SELECT COUNT(*) FROM store_visitors').pluck().get()).toBe(0);

    // The same number again: nothing left to erase, and the screen says so.
    await admin.getByTestId('erase-again').tap();
    for (const d of '01012345678') await admin.getByTestId(`erase-key-${d}`).tap();
    await admin.getByTestId('erase-next').tap();
    await admin.getByTestId('erase-yes').tap();
    expect(await admin.getByTestId('erase-result').getAttribute('data-erased')).toBe('false');
    await admin.context().close();
  });

  it('PIN management: PINs by role and label (never a PIN), add one typed twice, remove one; the last admin PIN has no remove', async () => {
    await start();
    const admin = await console_(TEST_PINS.admin);
    await admin.getByTestId('staff-tab-pins').tap();
    const rows = () => admin.locator('[data-testid="pin-row"]').evaluateAll((els: any[]) => els.map((e) => `${e.dataset.role}:${e.dataset.label}`));
    await expect.poll(rows).toEqual(['admin:admin', 'staff:desk', 'technician:tech']);
    expect(await admin.getByTestId('pin-last-admin').count()).toBe(1);
    expect(await smallTargets(admin)).toEqual([]);
    expect(await axeViolations(admin)).toEqual([]);

    await admin.getByTestId('pin-role-technician').tap();
    // The label on the on-screen keyboard (a kiosk has none): 두벌식 keys compose the syllables.
    await admin.getByTestId('pin-label-keyboard').tap();
    for (const k of ['ㅇ', 'ㅑ', 'ㄱ', 'ㅏ', 'ㄴ', 'space', 'ㄱ', 'ㅣ', 'ㅅ', 'ㅜ', 'ㄹ', 'ㄹ', 'backspace']) await admin.getByTestId(`kb-${k}`).tap();
    expect(await admin.getByTestId('pin-label').inputValue()).toBe('야간 기술');
    expect(await smallTargets(admin)).toEqual([]);
    expect(await axeViolations(admin)).toEqual([]);
    await admin.getByTestId('kb-done').tap();
    for (const round of [0, 1]) {
      for (const d of '391746') await admin.getByTestId(`new-pin-key-${d}`).tap();
      expect(await admin.getByTestId('new-pin-dots').textContent()).toBe('●●●●●●');
      await admin.getByTestId('new-pin-ok').tap();
      if (round === 0) expect(await admin.getByTestId('new-pin-dots').textContent()).not.toContain('●');
    }
    await expect.poll(rows).toContain('technician:야간 기술');
    const body = (await admin.locator('body').textContent())!;
    for (const pin of [TEST_PINS.admin, TEST_PINS.staff, TEST_PINS.technician, '391746']) expect(body).not.toContain(pin);
    expect((await call('staff.login', { pin: '391746' })).role).toBe('technician');

    const deskRow = admin.locator('[data-testid="pin-row"][data-label="desk"]');
    await deskRow.getByTestId('pin-remove').tap();
    await deskRow.getByTestId('pin-remove-yes').tap();
    await expect.poll(rows).toEqual(['admin:admin', 'technician:tech', 'technician:야간 기술']);
    const r = await e2e.kiosk.services.dispatch('staff.login', { pin: TEST_PINS.staff });
    expect(r.ok ? null : r.error.code).toBe('staff.pin_wrong');
    // Staff and technicians have no PIN tab.
    const tech = await console_(TEST_PINS.technician);
    expect(await tech.getByTestId('staff-tab-pins').count()).toBe(0);
    for (const p of [admin, tech]) await p.context().close();
  });

  it('five quick taps on the venue name open the staff PIN pad at the kiosk; four do not; closing returns to the attract screen', async () => {
    await start();
    const page = await (await e2e.browser.newContext({ viewport: KIOSK_VIEWPORT, hasTouch: true })).newPage();
    // The page's clock is a fake one, moved by hand: the three-second window without waiting three seconds.
    await page.clock.install();
    await page.goto(e2e.kiosk.url);
    await page.getByTestId('attract').waitFor();
    for (let i = 0; i < 4; i++) await page.getByTestId('venue-name').first().tap();
    expect(await page.getByTestId('staff-pin').count()).toBe(0);
    await page.clock.fastForward(3100);
    await page.getByTestId('venue-name').first().tap();
    expect(await page.getByTestId('staff-pin').count()).toBe(0);
    for (let i = 0; i < 4; i++) await page.getByTestId('venue-name').first().tap();
    await page.getByTestId('staff-pin').waitFor();
    await page.getByTestId('pin-cancel').tap();
    await page.getByTestId('attract').waitFor();
    await page.context().close();
  });

  it('the dashboard tab draws its charts and downloads the aggregates as CSV', async () => {
    await start();
    await queuedVisitor(1);
    const staff = await console_(TEST_PINS.staff);
    await staff.getByTestId('staff-tab-dashboard').tap();
    await staff.getByTestId('dashboard').waitFor();
    for (const id of ['chart-daily', 'chart-symptoms', 'chart-scores']) {
      const painted = await staff.getByTestId(id).evaluate((c: any) => {
        const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
        return { width: c.width, height: c.height, painted: n };
      });
      expect(painted.width).toBeGreaterThan(0);
      expect(painted.height).toBeGreaterThan(0);
      expect(painted.painted, id).toBeGreaterThan(0);
    }
    expect(await staff.getByTestId('today-checkins').textContent()).toBe('1');
    const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByTestId('dashboard-csv').tap()]);
    expect(download.suggestedFilename()).toMatch(/^itda-dashboard-e2e-counsel-\d{4}-\d{2}-\d{2}\.csv$/);
    // A BOM and CRLF so Excel opens Korean text as UTF-8.
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    expect(csv.split(/\r?\n/)[0]).toBe('section,key,value');
    expect(csv).toMatch(/daily_checkins,\d{4}-\d{2}-\d{2},1/);
    await staff.context().close();
  });

  it('in English, every counseling and PIN screen has zero axe violations and finger-sized controls', async () => {
    await start({ defaultLanguage: 'en' });
    await queuedVisitor(1);
    await queuedVisitor(2);
    const admin = await console_(TEST_PINS.admin);
    expect(await admin.locator('html').getAttribute('lang')).toBe('en');
    const found: Record<string, unknown[]> = {};
    const check = async (name: string) => {
      const v = [...(await axeViolations(admin)), ...(await smallTargets(admin)).map((x) => ({ small: x }))];
      if (v.length) found[name] = v;
    };
    await admin.getByTestId('staff-tab-counsel').tap();
    for (const view of ['queue', 'calendar', 'hours', 'erase', 'snacks']) {
      await admin.getByTestId(`counsel-view-${view}`).tap();
      await admin.locator('.staff-body section').first().waitFor();
      await check(view);
    }
    await admin.getByTestId('staff-tab-pins').tap();
    await admin.getByTestId('pin-table').waitFor();
    await admin.locator('[data-testid="pin-row"][data-label="desk"]').getByTestId('pin-remove').tap();
    await check('pins-confirm');
    expect(found).toEqual({});
    await admin.context().close();
  });

  it('restocking a jammed slot while another is jammed: faults are not cleared and the stock table names the jammed slots', async () => {
    await start({ vending: { sim: { vendMs: 0 } } });
    const vending = e2e.kiosk.services.domains.get('vending')!.service as VendingServiceImpl;
    await vending.whenReady();
    for (const slot of [1, 3]) {
      await e2e.kiosk.tech('vending.simFaults', { faults: { slots: { [String(slot)]: 'jam' } } });
      expect((await vending.motorTest(slot)).state).toBe('jammed');
    }
    await e2e.kiosk.tech('vending.simFaults', { faults: { slots: { '1': 'ok', '3': 'ok' } } });
    const staff = await console_(TEST_PINS.staff);
    await staff.getByTestId('staff-tab-stock').tap();
    await staff.getByTestId('slot-input-1').fill('8');
    await staff.getByTestId('slot-restock-1').tap();
    await staff.getByTestId('restock-still-jammed').waitFor();
    expect(await staff.getByTestId('restock-still-jammed').getAttribute('data-slots')).toBe('1,3');
    expect(await staff.getByTestId('restock-still-jammed').textContent()).toContain('오류 지우기');
    expect(await staff.getByTestId('slot-state-3').textContent()).toBe('걸림');
    await staff.context().close();
  });
});
