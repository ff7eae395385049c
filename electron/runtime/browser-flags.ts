/**
 * How the browser kiosk runtime starts Chromium: full screen on the kiosk's
 * URL, in its own profile, with everything a visitor could stumble into
 * turned off (first-run pages, translate bars, swipe-to-go-back, crash
 * bubbles, password and address offers) and autoplay allowed so voice
 * guidance speaks without a tap. Never a remote debugging port: anyone on the
 * machine could drive the kiosk through it.
 */
import { existsSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export interface BrowserLaunchOptions {
  url: string;
  profileDir: string;
  /** Chromium refuses root with its sandbox on; only a throwaway test (CI as root) passes true. */
  noSandbox?: boolean;
  /**
   * The screen's size. On a bare X display (no window manager) `--kiosk` cannot go full
   * screen by itself, so the window is placed over the whole screen; cage (Wayland) needs none.
   */
  screen?: { width: number; height: number } | null;
  /**
   * False on a machine without a GPU (no /dev/dri: a virtual display, a VM): Chromium's
   * software GL under Xvfb paints nothing, its plain software path paints the kiosk.
   */
  gpu?: boolean;
}

/** Chromium features switched off: translation, swipe navigation, password and autofill prompts, cast. */
const DISABLED_FEATURES = [
  'Translate',
  'TranslateUI',
  'OverscrollHistoryNavigation',
  'TouchpadOverscrollHistoryNavigation',
  'PasswordManagerOnboarding',
  'AutofillServerCommunication',
  'MediaRouter',
  'GlobalMediaControls',
  'HardwareMediaKeyHandling',
];

export function kioskBrowserArgs(opts: BrowserLaunchOptions): string[] {
  const args = [
    '--kiosk',
    `--user-data-dir=${opts.profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-translate',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    '--disable-infobars',
    '--hide-crash-restore-bubble',
    '--password-store=basic',
    '--autoplay-policy=no-user-gesture-required',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-breakpad',
    '--check-for-update-interval=31536000',
    // Wayland under cage (the packaged kiosk session), X elsewhere: Chromium picks by the environment.
    '--ozone-platform-hint=auto',
    `--disable-features=${DISABLED_FEATURES.join(',')}`,
  ];
  if (opts.screen) args.push('--window-position=0,0', `--window-size=${opts.screen.width},${opts.screen.height}`);
  if (opts.gpu === false) args.push('--disable-gpu');
  if (opts.noSandbox) args.push('--no-sandbox');
  // The URL last: Chromium opens it in the kiosk window.
  args.push(opts.url);
  for (const a of args) {
    if (a.startsWith('--remote-debugging')) throw new Error('the kiosk browser never opens a remote debugging port');
  }
  return args;
}

export const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/**
 * The browser to run: `ITDA_BROWSER` (a path, or a name looked up on PATH)
 * when set, else the first Chromium-family browser on PATH. Null when none.
 */
export function findBrowser(env: NodeJS.ProcessEnv, exists: (path: string) => boolean = existsSync): string | null {
  const onPath = (name: string): string | null => {
    if (isAbsolute(name)) return exists(name) ? name : null;
    for (const dir of (env.PATH ?? '').split(delimiter)) {
      if (dir && exists(join(dir, name))) return join(dir, name);
    }
    return null;
  };
  if (env.ITDA_BROWSER) return onPath(env.ITDA_BROWSER);
  for (const name of BROWSER_NAMES) {
    const found = onPath(name);
    if (found) return found;
  }
  return null;
}

/** `1080x1920` (ITDA_SCREEN_SIZE) → { width, height }; null when absent or malformed. */
export function parseScreenSize(text: string | undefined): { width: number; height: number } | null {
  const m = /^(\d{2,5})x(\d{2,5})$/.exec(text?.trim() ?? '');
  return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
}

/** The X screen's size from `xwininfo -root` output (`  Width: 1080` / `  Height: 1920`). */
export function parseXwininfo(output: string): { width: number; height: number } | null {
  const w = /^\s*Width:\s*(\d+)/m.exec(output);
  const h = /^\s*Height:\s*(\d+)/m.exec(output);
  return w && h ? { width: Number(w[1]), height: Number(h[1]) } : null;
}
