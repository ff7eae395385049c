/**
 * 서울연결처방 end to end, one kiosk and one browser: a Mind Pharmacy visit
 * prints a slip whose OCR shows the programme and whose QR codes decode
 * (zbar) to its page and the 외로움챗봇; the visitor's "help me sign up"
 * reaches the console as a notice naming the programme; the admin edits the
 * programme in the console and the next visitor sees the new name.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { KIOSK_VIEWPORT, newPageIn } from '../support/browser';
import { useE2eKiosk } from '../support/e2e-kiosk';
import { ocrCompact, tesseractAvailable } from '../support/ocr';
import { consoleShot, openStaffConsole, PINS, setUpPins, TABLETS } from '../support/staff-console';
import { login } from '../support/staff-pins';
import { CSV_COLUMNS } from '../../electron/services/connect/program-csv';

const e2e = useE2eKiosk();
const hasZbar = spawnSync('zbarimg', ['--version']).status === 0;
const PROGRAM_URL = 'https://example.org/e2e/walk';
const CHATBOT_URL = 'https://pf.kakao.com/_itdaE2e';

async function visit(symptomId: string): Promise<Page> {
  const page = await newPageIn(e2e.browser, { viewport: KIOSK_VIEWPORT, hasTouch: true });
  await page.goto(e2e.kiosk.url);
  await page.getByTestId('attract').tap();
  await page.getByTestId('service-pharmacy').tap();
  await page.locator(`[data-testid="symptom-option"][data-symptom="${symptomId}"]`).tap();
  await page.getByTestId('pharmacy-confirm').tap();
  await page.getByTestId('pharmacy-result').waitFor({ timeout: 60_000 });
  return page;
}

describe('서울연결처방 on the slip and the screen', { timeout: 180_000 }, () => {
  it('prints the programme with its QR, sends help as a notice, and shows an admin’s edit to the next visitor', async () => {
    const kiosk = await e2e.start({ kioskId: 'e2e-connect', idleSeconds: 600, vending: { sim: { vendMs: 100 } }, connect: { venueDistrict: 'jung', chatbotUrl: CHATBOT_URL } });
    await setUpPins(kiosk);
    // The venue's own catalog replaces the sample: one healing programme, so this visit's match is known.
    const admin = await login(kiosk.services, PINS.admin);
    const row = `e2e-walk,마음 산책 모임,Mind walk club,중구 마음센터,Jung Mind Centre,healing,jung,매주 토요일 오전 10시,Saturdays at 10 am,,yes,02-123-4567,${PROGRAM_URL},yes,12,2020-01-01,,no`;
    const imported = await kiosk.call('connect.staffImportCsv', { token: admin, mode: 'replace', csv: [CSV_COLUMNS.join(','), row].join('\n') });
    expect(imported).toMatchObject({ imported: 1, errors: [] });
    await kiosk.call('staff.logout', { token: admin });

    // A visitor: the slip carries the programme; the screen shows the same.
    const first = await visit('loneliness');
    expect(await first.getByTestId('pharmacy-result').getAttribute('data-print')).toBe('printed');
    const card = first.getByTestId('program-card');
    expect(await card.getAttribute('data-program-id')).toBe('e2e-walk');
    expect(await first.getByTestId('program-name').textContent()).toBe('마음 산책 모임');
    expect(await first.getByTestId('program-when').textContent()).toContain('매주 토요일 오전 10시');
    await first.getByTestId('program-qr').locator('svg').waitFor();
    const pngs = kiosk.slipFiles('.png');
    expect(pngs).toHaveLength(1);
    if (tesseractAvailable()) {
      const text = await ocrCompact(pngs[0]);
      expect(text, `OCR read: ${text.slice(0, 400)}`).toContain('마음산책모임');
      expect(text).toContain('연결처방');
    }
    if (hasZbar) {
      const codes = spawnSync('zbarimg', ['--raw', '-q', pngs[0]], { encoding: 'utf8' }).stdout.trim().split('\n');
      expect(codes.sort()).toEqual([PROGRAM_URL, CHATBOT_URL].sort());
    }
    // Only one programme matches today: no "another" to show.
    await first.getByTestId('program-next').tap();
    await first.getByTestId('program-no-more').waitFor();
    expect(await first.getByTestId('program-card').getAttribute('data-program-id')).toBe('e2e-walk');
    await first.getByTestId('program-help').tap();
    await first.getByTestId('program-help-sent').waitFor();
    await consoleShot(first, 'connect-pharmacy-result');
    await first.context().close();

    // The console: a notice (not a crisis takeover) naming the programme.
    const console = await openStaffConsole(e2e.browser, kiosk, PINS.admin, TABLETS.landscape);
    await console.getByTestId('staff-tab-alerts').tap();
    const notice = console.locator('[data-testid="alert"][data-type="program_help"]');
    await notice.waitFor();
    expect(await notice.getAttribute('data-severity')).toBe('notice');
    expect(await notice.textContent()).toContain('마음 산책 모임');
    expect(await console.getByTestId('crisis-takeover').count()).toBe(0);

    // The admin renames the programme in the form.
    await console.getByTestId('staff-tab-programs').tap();
    const programRow = console.locator('[data-testid="program-row"][data-program-id="e2e-walk"]');
    expect(await programRow.getAttribute('data-state')).toBe('active');
    await programRow.getByTestId('program-edit').tap();
    const name = console.getByTestId('program-field-nameKo');
    await name.fill('');
    await console.getByTestId('program-save').tap();
    await console.getByTestId('program-problem-nameKo').waitFor();
    await name.fill('토요일 숲길 걷기');
    await console.getByTestId('program-save').tap();
    await console.getByTestId('programs-note').waitFor();
    await consoleShot(console, 'connect-programs-admin');
    expect(await programRow.textContent()).toContain('토요일 숲길 걷기');
    await console.context().close();

    // The next visitor sees the new name.
    const second = await visit('loneliness');
    expect(await second.getByTestId('program-name').textContent()).toBe('토요일 숲길 걷기');
    await second.context().close();
    expect(kiosk.count("SELECT COUNT(*) FROM events WHERE type = 'connect.program_suggested'")).toBe(2);
    expect(kiosk.count("SELECT COUNT(*) FROM events WHERE type = 'connect.help_requested'")).toBe(1);
  });
});
