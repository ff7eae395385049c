/**
 * The staff console in a browser, for tests: PINs set up through the
 * contract, a console page opened and logged in at a given size, the two
 * tablet sizes the console is designed for, and screenshots kept under
 * `test-results/console/` as artifacts a person can look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { WebKiosk } from './web-kiosk';
import { setUpFirstAdmin, TEST_PINS } from './staff-pins';
import { newPageIn } from './browser';

export const TABLET_LANDSCAPE = { width: 1280, height: 800 };
export const TABLET_PORTRAIT = { width: 800, height: 1280 };
export const TABLETS = { landscape: TABLET_LANDSCAPE, portrait: TABLET_PORTRAIT } as const;

/** The PINs every test kiosk uses (admin and technician 6–8 digits, staff 4–8). */
export const PINS = TEST_PINS;

/** The first admin (with the setup code from the kiosk's log), then a staff and a technician PIN labelled from the short list; nobody left logged in. */
export async function setUpPins(kiosk: WebKiosk): Promise<void> {
  const admin = await setUpFirstAdmin(kiosk.services);
  await kiosk.call('staff.addPin', { token: admin, role: 'staff', label: '안내 데스크', pin: PINS.staff });
  await kiosk.call('staff.addPin', { token: admin, role: 'technician', label: '기술 담당', pin: PINS.technician });
  await kiosk.call('staff.logout', { token: admin });
}

/** A console logged in with `pin` at `viewport`, on its first screen (today at a glance). */
export async function openStaffConsole(browser: Browser, kiosk: WebKiosk, pin: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await newTabletPage(browser, viewport);
  await page.goto(`${kiosk.url}/staff`);
  await page.getByTestId('staff-pin').waitFor();
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).tap();
  await page.getByTestId('pin-submit').tap();
  await page.getByTestId('overview').waitFor();
  return page;
}

/** A fresh page at a tablet's size (see `newPageIn` for why it may be tried again). */
export function newTabletPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  return newPageIn(browser, { viewport, hasTouch: true, locale: 'ko-KR' });
}

const shotDir = join(import.meta.dirname, '..', '..', 'test-results', 'console');

/** Saves a full-page screenshot as `test-results/console/<name>.png`. */
export async function consoleShot(page: Page, name: string): Promise<string> {
  mkdirSync(shotDir, { recursive: true });
  const path = join(shotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}
