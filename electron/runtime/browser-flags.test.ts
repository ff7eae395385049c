import { describe, expect, it } from 'vitest';
import { findBrowser, kioskBrowserArgs, parseScreenSize, parseXwininfo } from './browser-flags';

describe('kioskBrowserArgs', () => {
  const args = kioskBrowserArgs({ url: 'http://127.0.0.1:5180/', profileDir: '/var/lib/itda-kiosk/browser-profile' });

  it('opens the URL full screen in the dedicated profile', () => {
    expect(args[0]).toBe('--kiosk');
    expect(args).toContain('--user-data-dir=/var/lib/itda-kiosk/browser-profile');
    expect(args.at(-1)).toBe('http://127.0.0.1:5180/');
  });

  it('turns off first-run, translate, pinch and swipe navigation, error dialogs and password prompts, and allows autoplay', () => {
    for (const flag of [
      '--no-first-run',
      '--disable-translate',
      '--disable-pinch',
      '--overscroll-history-navigation=0',
      '--noerrdialogs',
      '--disable-session-crashed-bubble',
      '--password-store=basic',
      '--autoplay-policy=no-user-gesture-required',
    ]) {
      expect(args).toContain(flag);
    }
    const features = args.find((a) => a.startsWith('--disable-features='))!.split('=')[1]!.split(',');
    expect(features).toEqual(expect.arrayContaining(['Translate', 'OverscrollHistoryNavigation', 'PasswordManagerOnboarding', 'AutofillServerCommunication']));
  });

  it('never opens a remote debugging port and keeps the sandbox unless told', () => {
    expect(args.some((a) => a.startsWith('--remote-debugging'))).toBe(false);
    expect(args).not.toContain('--no-sandbox');
    expect(kioskBrowserArgs({ url: 'http://127.0.0.1:1/', profileDir: '/p', noSandbox: true })).toContain('--no-sandbox');
    expect(args).not.toContain('--disable-gpu');
    expect(kioskBrowserArgs({ url: 'http://127.0.0.1:1/', profileDir: '/p', gpu: false })).toContain('--disable-gpu');
  });
});

describe('findBrowser', () => {
  const env = { PATH: '/usr/local/bin:/usr/bin' };
  it('takes the first Chromium-family browser on PATH', () => {
    const present = new Set(['/usr/bin/google-chrome', '/usr/bin/chromium-browser']);
    expect(findBrowser(env, (p) => present.has(p))).toBe('/usr/bin/chromium-browser');
  });
  it('prefers ITDA_BROWSER, by path or by name, and reports it missing rather than falling back', () => {
    const present = new Set(['/opt/chrome/chrome', '/usr/bin/chromium', '/usr/local/bin/my-chrome']);
    expect(findBrowser({ ...env, ITDA_BROWSER: '/opt/chrome/chrome' }, (p) => present.has(p))).toBe('/opt/chrome/chrome');
    expect(findBrowser({ ...env, ITDA_BROWSER: 'my-chrome' }, (p) => present.has(p))).toBe('/usr/local/bin/my-chrome');
    expect(findBrowser({ ...env, ITDA_BROWSER: '/nope/chrome' }, (p) => present.has(p))).toBeNull();
  });
  it('returns null when there is none', () => {
    expect(findBrowser(env, () => false)).toBeNull();
  });
});

describe('screen size', () => {
  it('covers the whole screen when its size is known (bare X has no window manager to do it)', () => {
    const args = kioskBrowserArgs({ url: 'http://127.0.0.1:1/', profileDir: '/p', screen: { width: 1080, height: 1920 } });
    expect(args).toContain('--window-position=0,0');
    expect(args).toContain('--window-size=1080,1920');
    expect(kioskBrowserArgs({ url: 'http://127.0.0.1:1/', profileDir: '/p' }).some((a) => a.startsWith('--window-size'))).toBe(false);
  });
  it('reads ITDA_SCREEN_SIZE and xwininfo', () => {
    expect(parseScreenSize('1080x1920')).toEqual({ width: 1080, height: 1920 });
    expect(parseScreenSize('big')).toBeNull();
    expect(parseXwininfo('xwininfo: Window id: 0x1 (the root window)\n  Width: 1920\n  Height: 1080\n  Depth: 24\n')).toEqual({ width: 1920, height: 1080 });
    expect(parseXwininfo('')).toBeNull();
  });
});
