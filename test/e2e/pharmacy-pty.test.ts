/**
 * The Mind Pharmacy with the cabinet on a real serial line: the kiosk's
 * vending driver opens one end of a socat PTY pair, the VMC board simulator
 * speaks the protocol on the other. One visitor, one tap storm: the board
 * counts exactly one motor run for each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startPtySim, type PtySim } from '../../electron/services/vending/sim/pty-sim';
import { VmcBoard } from '../../electron/services/vending/sim/vmc-board';
import { launchBrowser, KIOSK_VIEWPORT } from '../support/browser';
import { startWebKiosk, type WebKiosk } from '../support/web-kiosk';
import { makeTempDir } from '../support/temp-dir';

let browser: Browser;
let kiosk: WebKiosk;
let sim: PtySim;
let board: VmcBoard;
const dir = makeTempDir('itda-pharmacy-pty-');

beforeAll(async () => {
  board = new VmcBoard({ vendMs: 300 });
  sim = await startPtySim({ link: join(dir.path, 'vmc'), board });
  kiosk = await startWebKiosk({ kioskId: 'e2e-pty', idleSeconds: 600, vending: { uri: `serial:${sim.link}?baud=115200` } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
  await sim?.close();
  dir.remove();
});

describe('Mind Pharmacy over a serial VMC', { timeout: 90_000 }, () => {
  it('one visitor, a tap storm on confirm: one slip, one motor run, one delivered gift', async () => {
    await expect.poll(async () => {
      const r = await kiosk.services.dispatch('pharmacy.availability', {});
      return r.ok && (r.value as { gifts: boolean }).gifts;
    }, { timeout: 20_000 }).toBe(true);
    const runsBefore = board.motorRuns.length;
    const context = await browser.newContext({ viewport: KIOSK_VIEWPORT, hasTouch: true });
    const page = await context.newPage();
    await page.goto(kiosk.url);
    await page.getByTestId('attract').tap();
    await page.getByTestId('service-pharmacy').tap();
    await page.getByTestId('symptom-option').nth(5).tap();
    await page.getByTestId('pharmacy-confirm').evaluate((el) => {
      for (let i = 0; i < 20; i++) (el as HTMLElement).click();
    });
    const result = page.getByTestId('pharmacy-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.getAttribute('data-gift')).toBe('delivered');
    expect(await result.getAttribute('data-print')).toBe('printed');
    expect(board.motorRuns.length - runsBefore).toBe(1);
    const db = kiosk.services.db!;
    expect(db.prepare("SELECT COUNT(*) FROM vends WHERE state = 'delivered'").pluck().get()).toBe(1);
    expect(db.prepare('SELECT COUNT(*) FROM print_jobs').pluck().get()).toBe(1);
    await context.close();
  });
});
