/**
 * Debian's Chromium driven by playwright-core: never a downloaded browser.
 * The flags keep Chromium off the network this machine does not have.
 */
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.ITDA_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumAvailable()) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install chromium)`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** The venue's kiosk screen: 1080x1920 portrait, touch. */
export const KIOSK_VIEWPORT = { width: 1080, height: 1920 };

/**
 * A fresh browser context and page. Under heavy load Chromium sometimes loses
 * the new target while attaching to it (playwright throws "reading '_page'"):
 * that is the browser's start-up, not the page under test, so it is tried again.
 */
export async function newPageIn(browser: Browser, options: BrowserContextOptions): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    const context = await browser.newContext(options);
    try {
      return await context.newPage();
    } catch (err) {
      await context.close().catch(() => undefined);
      if (attempt >= 5 || !String(err).includes("reading '_page'")) throw err;
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}
