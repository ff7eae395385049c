/**
 * The staff console live, at both tablet sizes, against the web host with the
 * printer and cabinet simulators: a paper-out appears as one alert in words
 * without a reload and closes itself when paper is back; a crisis tap on the
 * kiosk takes over two open consoles and acknowledging on one clears both; a
 * cable that drops ten times is one alert with count 10; a print job is
 * cancelled and another reprinted; a restock over capacity is refused.
 * Each waits with a 2 s budget where the issue asks "within 2 s".
 * And the Mind Pharmacy content editor (one tablet size): an edit in the
 * preview, saved as a version, on the next visitor's slip but not on the slip
 * of a visit already under way, and restored.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2eKiosk } from '../support/e2e-kiosk';
import { consoleShot, newTabletPage, openStaffConsole, PINS, setUpPins, TABLETS } from '../support/staff-console';
import type { VendingServiceImpl } from '../../electron/services/vending/vending-service';
import type { PrintingService } from '../../electron/services/printing/printing-service';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KIOSK_VIEWPORT } from '../support/browser';
import type { WebKiosk } from '../support/web-kiosk';
import { ocrCompact, tesseractAvailable } from '../support/ocr';

const e2e = useE2eKiosk();
const LIVE = 2_000;

async function start(size: keyof typeof TABLETS) {
  const kiosk = await e2e.start({ kioskId: `e2e-console-${size}`, idleSeconds: 600, vending: { pollMs: 500, sim: { vendMs: 0 } } });
  await setUpPins(kiosk);
  await (kiosk.services.domains.get('vending')!.service as VendingServiceImpl).whenReady();
  return kiosk;
}

const alertOf = (page: Page, type: string) => page.locator(`[data-testid="overview-alerts"] [data-testid="alert"][data-type="${type}"]`);

describe.each(Object.keys(TABLETS) as (keyof typeof TABLETS)[])('staff console live (%s tablet)', (size) => {
  it('a paper-out on the printer simulator is one alert in words, without reload; paper back closes it', { timeout: 90_000 }, async () => {
    const kiosk = await start(size);
    const page = await openStaffConsole(e2e.browser, kiosk, PINS.staff, TABLETS[size]);
    await page.getByTestId('overview-all-good').waitFor();
    await kiosk.tech('printer.simFaults', { paperOut: true });
    const alert = alertOf(page, 'printer.paper_out');
    await alert.waitFor({ timeout: LIVE });
    expect(await alert.count()).toBe(1);
    const text = await alert.textContent();
    expect(text).toContain('프린터 용지 없음');
    expect(text).toContain('용지를 새로 넣어 주세요. 덮개를 닫으면 자동으로 다시 인쇄합니다.');
    expect(text).not.toMatch(/printer\.|paper_out|printer_fault/);
    expect(await page.getByTestId('device-paper').getAttribute('data-level')).toBe('action');
    await consoleShot(page, `overview-paper-out-${size}`);

    await kiosk.tech('printer.simFaults', { paperOut: true }); // a second reading of the same cause
    await kiosk.tech('printer.simFaults', { paperOut: false });
    await alert.waitFor({ state: 'detached', timeout: LIVE });
    await page.getByTestId('overview-all-good').waitFor({ timeout: LIVE });
    expect(await page.getByTestId('device-paper').getAttribute('data-level')).toBe('ok');
  });

  it('a crisis tap on the kiosk takes over two consoles; acknowledging on one clears both and records who', { timeout: 90_000 }, async () => {
    const kiosk = await start(size);
    const desk = await openStaffConsole(e2e.browser, kiosk, PINS.staff, TABLETS[size]);
    const tech = await openStaffConsole(e2e.browser, kiosk, PINS.technician, TABLETS[size]);
    await tech.getByTestId('staff-tab-jobs').tap(); // on another screen: the takeover covers any screen

    const visitor = await (await e2e.browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true })).newPage();
    await visitor.goto(kiosk.url);
    await visitor.getByTestId('attract').tap();
    await visitor.getByTestId('service-store').tap();
    await visitor.getByTestId('store-crisis').tap();

    for (const page of [desk, tech]) {
      const dialog = page.getByRole('alertdialog');
      await dialog.waitFor({ timeout: LIVE });
      expect(await dialog.textContent()).toContain('지금 키오스크로 가서');
      expect(await page.getByTestId('crisis-where').textContent()).toContain('e2e-console');
    }
    await consoleShot(desk, `crisis-takeover-${size}`);
    await desk.getByTestId('crisis-ack').tap();
    for (const page of [desk, tech]) await page.getByTestId('crisis-takeover').waitFor({ state: 'detached', timeout: LIVE });

    await tech.getByTestId('staff-tab-alerts').tap();
    await tech.getByTestId('alerts-history').tap();
    const closed = tech.locator('[data-testid="alerts-closed"] [data-testid="alert"][data-severity="crisis"]');
    await closed.waitFor();
    expect(await closed.textContent()).toContain('안내 데스크님이 확인');
  });

  it('a cable that drops ten times is one alert with count 10', { timeout: 120_000 }, async () => {
    const kiosk = await start(size);
    const page = await openStaffConsole(e2e.browser, kiosk, PINS.staff, TABLETS[size]);
    const vending = kiosk.services.domains.get('vending')!.service as VendingServiceImpl;
    const until = async (f: () => boolean) => {
      const end = Date.now() + 20_000;
      while (!f()) {
        if (Date.now() > end) throw new Error('the link did not change');
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    for (let i = 0; i < 9; i++) {
      await kiosk.tech('vending.simFaults', { faults: { silent: true } });
      await until(() => vending.status().link === 'down');
      await kiosk.tech('vending.simFaults', { faults: { silent: false } });
      await until(() => vending.status().link === 'up');
    }
    await kiosk.tech('vending.simFaults', { faults: { silent: true } }); // the tenth drop, still down
    const alert = alertOf(page, 'vending.no_link');
    await page.locator('[data-testid="overview-alerts"] [data-type="vending.no_link"][data-count="10"]').waitFor({ timeout: 20_000 });
    expect(await alert.count()).toBe(1);
    expect(await alert.getByTestId('alert-meta').textContent()).toContain('10번 발생');
    expect(await page.getByTestId('device-link').getAttribute('data-level')).toBe('action');
    await consoleShot(page, `overview-link-flapping-${size}`);
    await kiosk.tech('vending.simFaults', { faults: { silent: false } });
    await alert.waitFor({ state: 'detached', timeout: 20_000 });
  });

  it('cancels a job waiting on paper and reprints a printed one', { timeout: 90_000 }, async () => {
    const kiosk = await start(size);
    const printing = kiosk.services.domains.get('printing')!.service as PrintingService;
    const printed = printing.testPage('text');
    await printing.waitForJob(printed.jobId, 10_000);
    await kiosk.tech('printer.simFaults', { paperOut: true });
    const waiting = printing.testPage('text');

    const page = await openStaffConsole(e2e.browser, kiosk, PINS.staff, TABLETS[size]);
    await page.getByTestId('staff-tab-jobs').tap();
    const waitingRow = page.locator(`[data-testid="job-row"][data-job="${waiting.jobId}"]`).first();
    await waitingRow.getByTestId('job-cancel').tap();
    await page.locator(`[data-testid="job-row"][data-job="${waiting.jobId}"][data-resolution="cancelled"]`).first().waitFor({ timeout: LIVE });

    const printedRow = page.locator(`[data-testid="job-row"][data-job="${printed.jobId}"]`).first();
    // The simulator acknowledges each job's last byte, as a real printer does: the row says so.
    expect(await printedRow.getByTestId('job-confirmed').getAttribute('data-confirmed')).toBe('true');
    await printedRow.getByTestId('job-preview-button').tap();
    await page.getByTestId('job-preview').waitFor();
    await printedRow.getByTestId('job-reprint').tap();
    await page.getByTestId('jobs-note').waitFor();
    expect(kiosk.count("SELECT COUNT(*) FROM print_jobs WHERE reprint_of = ?", printed.jobId)).toBe(1);
    const again = kiosk.services.db!.prepare('SELECT id FROM print_jobs WHERE reprint_of = ?').pluck().get(printed.jobId) as string;
    const againRow = page.locator(`[data-testid="job-row"][data-job="${again}"]`).first();
    await againRow.locator('[data-testid="job-reprint-reason"][data-reason="staff"]').waitFor({ timeout: LIVE });
    expect(await againRow.getByTestId('job-reprint-reason').textContent()).toBe('직원이 요청한 재인쇄');
    expect(kiosk.count("SELECT COUNT(*) FROM events WHERE type = 'console.job_reprinted'")).toBe(1);
    expect(kiosk.count("SELECT COUNT(*) FROM events WHERE type = 'console.job_cancelled'")).toBe(1);
    await consoleShot(page, `jobs-${size}`);
  });

  it('refuses a restock over the slot capacity with a clear message; fill to capacity works', { timeout: 90_000 }, async () => {
    const kiosk = await start(size);
    const vending = kiosk.services.domains.get('vending')!.service as VendingServiceImpl;
    const slot = vending.slots()[0]!;
    const page = await openStaffConsole(e2e.browser, kiosk, PINS.staff, TABLETS[size]);
    await page.getByTestId('staff-tab-stock').tap();
    await page.getByTestId(`slot-input-${slot.slot}`).fill('100');
    await page.getByTestId(`slot-restock-${slot.slot}`).tap();
    const note = page.getByTestId('stock-note');
    await note.waitFor();
    expect(await note.textContent()).toBe(`${slot.slot}번 칸에는 ${slot.capacity}개까지만 들어갑니다. ${slot.capacity} 이하로 적어 주세요.`);
    expect(vending.slots()[0]!.count).toBe(slot.count);
    // The services refuse it too, whatever a screen sends.
    const admin = await kiosk.call('staff.login', { pin: PINS.admin });
    const r = await kiosk.services.dispatch('vending.staffRestock', { token: admin.token, slot: slot.slot, count: 100 });
    expect(r.ok ? null : r.error.code).toBe('staff.over_capacity');

    await page.getByTestId(`slot-input-${slot.slot}`).fill('1');
    await page.getByTestId(`slot-restock-${slot.slot}`).tap();
    await expect.poll(() => page.getByTestId(`slot-count-${slot.slot}`).textContent()).toBe('1');
    await page.getByTestId(`slot-fill-${slot.slot}`).tap();
    await expect.poll(() => page.getByTestId(`slot-count-${slot.slot}`).textContent()).toBe(String(slot.capacity));
    await consoleShot(page, `stock-${size}`);
  });
});

/** A visitor at the kiosk (its own browser context: a new visitor), on the pharmacy's symptom grid. */
async function pharmacyVisitor(kiosk: WebKiosk): Promise<Page> {
  const page = await (await e2e.browser.newContext({ viewport: KIOSK_VIEWPORT, hasTouch: true })).newPage();
  await page.goto(kiosk.url);
  await page.getByTestId('attract').tap();
  await page.getByTestId('service-pharmacy').tap();
  await page.getByTestId('symptom-option').first().waitFor();
  return page;
}

/** The visitor takes a prescription for `symptomId`; returns the text of the slip the printer simulator printed for it. */
async function prescribe(kiosk: WebKiosk, page: Page, symptomId: string): Promise<{ screen: string; slip: string }> {
  const before = kiosk.slipFiles('.png').length;
  await page.locator(`[data-testid="symptom-option"][data-symptom="${symptomId}"]`).tap();
  await page.getByTestId('pharmacy-confirm').tap();
  await page.getByTestId('pharmacy-result').waitFor({ timeout: 60_000 });
  await expect.poll(() => kiosk.slipFiles('.png').length, { timeout: 20_000 }).toBe(before + 1);
  const png = kiosk.slipFiles('.png').at(-1)!;
  // The slip as paper shows it (the simulator's drawing of the bytes), read back by OCR.
  const slip = tesseractAvailable() ? await ocrCompact(png) : '';
  return { screen: (await page.locator('.rx-symptom').textContent()) ?? '', slip: slip.replace(/\s+/g, '') };
}

/** Whether OCR text holds `words` (spaces ignored) with at most one misread character (tesseract reads 조 as 소 now and then). */
function ocrFinds(text: string, words: string): boolean {
  const w = [...words.replace(/\s+/g, '')];
  const t = [...text];
  for (let i = 0; i + w.length <= t.length; i++) {
    if (w.filter((ch, j) => ch !== t[i + j]).length <= 1) return true;
  }
  return false;
}

describe('Mind Pharmacy content editor (landscape tablet)', () => {
  it('an edit shows in the preview and is saved as a new version; the next visitor’s slip carries it, a visit already under way keeps the old words; restore brings them back', { timeout: 180_000 }, async () => {
    const kiosk = await start('landscape');
    const early = await pharmacyVisitor(kiosk); // this visit began before the edit

    const page = await openStaffConsole(e2e.browser, kiosk, PINS.admin, TABLETS.landscape);
    await page.getByTestId('staff-tab-content').tap();
    const editor = page.getByTestId('content-editor');
    await editor.waitFor();
    const symptomId = (await early.getByTestId('symptom-option').first().getAttribute('data-symptom'))!;
    const nameKo = page.getByTestId('content-name-ko');
    const oldName = await nameKo.inputValue();
    const preview = page.getByTestId('content-preview');
    await preview.waitFor({ timeout: 10_000 });
    const firstPng = await preview.getAttribute('src');

    const newName = '조용한 외로움';
    // Typed as at the kiosk, on the on-screen keyboard (두벌식: ㅗ+ㅣ make ㅚ, a final moves on before a vowel).
    await nameKo.fill('');
    await nameKo.focus();
    await page.getByTestId('content-keyboard').tap();
    for (const k of [...'ㅈㅗㅇㅛㅇㅎㅏㄴ', 'space', ...'ㅇㅗㅣㄹㅗㅇㅜㅁ']) await page.getByTestId(`kb-${k}`).tap();
    expect(await nameKo.inputValue()).toBe(newName);
    await page.getByTestId('kb-done').tap();
    // The preview drawn from the draft as it now stands (not one of the drafts typed on the way).
    await page.locator('[data-testid="content-preview"][data-current="true"]').waitFor({ timeout: 10_000 });
    expect(await preview.getAttribute('src')).not.toBe(firstPng);
    expect(await page.getByTestId('content-problems').getAttribute('data-blocking')).toBe('0');
    if (tesseractAvailable()) {
      const shot = join(kiosk.dataDir, 'content-preview.png');
      writeFileSync(shot, Buffer.from((await preview.getAttribute('src'))!.split(',')[1]!, 'base64'));
      const read = await ocrCompact(shot);
      expect(ocrFinds(read, newName), `OCR read: ${read.slice(0, 200)}`).toBe(true);
    }
    // An emptied English name is named under its field, and the save waits for it.
    await page.getByTestId('content-name-en').fill('');
    await page.locator('[data-testid="content-problems"][data-blocking="1"]').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('content-save').isDisabled()).toBe(true);
    expect(await page.getByTestId('content-field-problem').first().textContent()).toBe('영어 글이 비어 있습니다. 두 언어 모두 적어 주세요.');
    await page.getByTestId('content-name-en').fill('Quietly lonely');
    await page.locator('[data-testid="content-problems"][data-blocking="0"]').waitFor({ timeout: 10_000 });
    await page.getByTestId('content-note').fill('이름 다듬기');
    await page.getByTestId('content-save').tap();
    await page.getByTestId('content-status').waitFor();
    await page.locator('[data-testid="content-version"][data-version="2"][data-active="true"]').waitFor();
    await consoleShot(page, 'content-editor-saved-landscape');

    // The visit that began before keeps its words, on screen and on paper; the next visitor gets the new ones.
    const before = await prescribe(kiosk, early, symptomId);
    expect(before.screen).toContain(oldName);
    expect(before.screen).not.toContain(newName);
    const next = await pharmacyVisitor(kiosk);
    expect(await next.locator(`[data-testid="symptom-option"][data-symptom="${symptomId}"]`).textContent()).toContain(newName);
    const after = await prescribe(kiosk, next, symptomId);
    expect(after.screen).toContain(newName);
    if (after.slip) {
      expect(ocrFinds(after.slip, newName), `OCR read: ${after.slip.slice(0, 200)}`).toBe(true);
      expect(ocrFinds(before.slip, newName), `OCR read: ${before.slip.slice(0, 200)}`).toBe(false);
      expect(ocrFinds(before.slip, oldName), `OCR read: ${before.slip.slice(0, 200)}`).toBe(true);
    }

    // Restore: version 1's words come back as version 3, for the next visitor.
    await page.locator('[data-testid="content-version"][data-version="1"] [data-testid="content-restore"]').tap();
    await page.getByTestId('content-restore-yes').tap();
    await page.locator('[data-testid="content-version"][data-version="3"][data-active="true"]').waitFor();
    expect(await nameKo.inputValue()).toBe(oldName);
    const catalog = await kiosk.call('pharmacy.catalog', { requestId: 'e2e-after-restore' });
    expect(catalog.symptoms.find((s: { id: string }) => s.id === symptomId).name.ko).toBe(oldName);
    expect(kiosk.count("SELECT COUNT(*) FROM events WHERE type = 'staff.action' AND json_extract(payload, '$.action') IN ('console.saveContent', 'console.restoreContent')")).toBe(2);
  });
});

describe('a console logged out for idleness (landscape tablet)', () => {
  it('still takes over for a crisis, catches up after a reload, and acknowledging asks for a PIN and records who', { timeout: 90_000 }, async () => {
    const kiosk = await start('landscape');
    const page = await openStaffConsole(e2e.browser, kiosk, PINS.staff, TABLETS.landscape);
    // What two idle minutes do: the session ends and the PIN pad shows (the same logout()).
    await page.getByTestId('staff-logout').tap();
    await page.getByTestId('staff-pin').waitFor();

    await kiosk.call('store.start', { requestId: 'e2e-idle-crisis', consent: false });
    await kiosk.call('store.crisis', { requestId: 'e2e-idle-crisis' });
    const takeover = page.getByTestId('crisis-takeover');
    await takeover.waitFor({ timeout: LIVE });
    expect(await page.getByRole('alertdialog').textContent()).toContain('지금 키오스크로 가서');
    expect(await page.getByTestId('crisis-ack').getAttribute('data-needs-pin')).toBe('true');
    // A console page opened after the tap, nobody logged in, catches up at once.
    const reloaded = await newTabletPage(e2e.browser, TABLETS.landscape);
    await reloaded.goto(`${kiosk.url}/staff`);
    // A page load, not a push: its own budget (the machine may be busy).
    await reloaded.getByTestId('crisis-takeover').waitFor({ timeout: 15_000 });
    await consoleShot(page, 'crisis-takeover-logged-out-landscape');

    await page.getByTestId('crisis-ack').tap();
    await page.getByTestId('crisis-pin-banner').waitFor();
    expect(kiosk.count("SELECT COUNT(*) FROM events WHERE type = 'console.alert_acknowledged'")).toBe(0);
    for (const d of PINS.staff) await page.getByTestId(`pin-key-${d}`).tap();
    await page.getByTestId('pin-submit').tap();
    // Login (a PIN hash), the acknowledgement, then its push: more than one hop, so not the 2 s push budget.
    for (const p of [page, reloaded]) await p.getByTestId('crisis-takeover').waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(() => kiosk.count("SELECT COUNT(*) FROM events WHERE type = 'console.alert_acknowledged' AND json_extract(payload, '$.role') = 'staff'")).toBe(1);
    expect(await page.getByTestId('crisis-pin-banner').count()).toBe(0);
    await page.getByTestId('overview').waitFor();
  });
});
