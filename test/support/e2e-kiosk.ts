/**
 * The set-up every browser test file shares: one Chromium for the file, and a
 * fresh kiosk per test (stopped after it) so faults and counts never leak
 * between tests. Call once at the top of a test file.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startWebKiosk, type WebKiosk, type WebKioskOptions } from './web-kiosk';
import type { KioskConfigInput } from '../../electron/services/config/config-schema';

export interface E2eKiosk {
  readonly browser: Browser;
  /** The kiosk of the running test; throws when the test has not started one. */
  readonly kiosk: WebKiosk;
  /** Starts this test's kiosk (stopped after the test). */
  start(config?: KioskConfigInput, opts?: WebKioskOptions): Promise<WebKiosk>;
}

export function useE2eKiosk(): E2eKiosk {
  let browser: Browser | null = null;
  let kiosk: WebKiosk | null = null;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await kiosk?.stop();
    kiosk = null;
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser is not launched yet (use it inside a test)');
      return browser;
    },
    get kiosk() {
      if (!kiosk) throw new Error('this test has not started a kiosk');
      return kiosk;
    },
    async start(config = {}, opts = {}) {
      await kiosk?.stop();
      kiosk = await startWebKiosk(config, opts);
      return kiosk;
    },
  };
}
