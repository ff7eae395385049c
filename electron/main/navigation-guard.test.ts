import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { decideNavigation, guardSession, guardWebContents, isAllowedRequest, isAppUrl, redact } from './navigation-guard';

const quietLog = () => ({ warn: vi.fn() });

function navEvent(url: string, isMainFrame = true) {
  return { url, isMainFrame, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
}

describe('navigation decisions', () => {
  it('allows our own pages only', () => {
    expect(isAppUrl('app://kiosk/index.html')).toBe(true);
    expect(decideNavigation('app://kiosk/staff')).toBe('allow');
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)', 'http://127.0.0.1:5180/', '']) {
      expect(decideNavigation(url), url).toBe('deny');
    }
  });

  it('lets the page load its own files and inline data, nothing from the network', () => {
    expect(isAllowedRequest('app://kiosk/assets/a.js')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequest('blob:app://kiosk/1234')).toBe(true);
    for (const url of ['https://cdn.example.com/font.woff2', 'http://127.0.0.1:5180/api', 'ws://127.0.0.1:5180/api', 'file:///etc/passwd']) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });

  it('logs URLs without their query (a visitor may have typed it)', () => {
    expect(redact('https://evil.example/x?name=김민수#f')).toBe('https://evil.example/x');
  });
});

describe('web contents guard', () => {
  function guarded() {
    const contents = Object.assign(new EventEmitter(), {
      openHandler: null as null | ((d: { url: string }) => { action: string }),
      setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
        this.openHandler = h;
      },
    });
    const log = quietLog();
    guardWebContents(contents as never, log);
    return { contents, log };
  }

  it('cancels navigation and redirects off app://', () => {
    const { contents, log } = guarded();
    const away = navEvent('https://example.com/');
    contents.emit('will-navigate', away, away.url);
    expect(away.defaultPrevented).toBe(true);
    const redirect = navEvent('file:///etc/passwd');
    contents.emit('will-redirect', redirect, redirect.url);
    expect(redirect.defaultPrevented).toBe(true);
    const frame = navEvent('https://ads.example/', false);
    contents.emit('will-frame-navigate', frame);
    expect(frame.defaultPrevented).toBe(true);
    expect(log.warn).toHaveBeenCalledTimes(3);
  });

  it('lets in-app navigation through', () => {
    const { contents } = guarded();
    const home = navEvent('app://kiosk/index.html');
    contents.emit('will-navigate', home, home.url);
    expect(home.defaultPrevented).toBe(false);
  });

  it('denies every new window and <webview>', () => {
    const { contents } = guarded();
    expect(contents.openHandler!({ url: 'app://kiosk/index.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const webview = navEvent('');
    contents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
  });
});

describe('session guard', () => {
  function guarded() {
    const s = {
      request: null as null | ((c: unknown, permission: string, cb: (granted: boolean) => void) => void),
      check: null as null | ((...a: unknown[]) => boolean),
      device: null as null | ((...a: unknown[]) => boolean),
      before: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
      setPermissionRequestHandler(h: never) {
        s.request = h;
      },
      setPermissionCheckHandler(h: never) {
        s.check = h;
      },
      setDevicePermissionHandler(h: never) {
        s.device = h;
      },
      webRequest: {
        onBeforeRequest(h: never) {
          s.before = h;
        },
      },
    };
    guardSession(s as never, quietLog());
    return s;
  }

  it('denies every permission the page asks for', () => {
    const s = guarded();
    for (const permission of ['media', 'geolocation', 'notifications', 'serial', 'hid', 'clipboard-read', 'fullscreen']) {
      const cb = vi.fn();
      s.request!({}, permission, cb);
      expect(cb, permission).toHaveBeenCalledWith(false);
    }
    expect(s.check!({}, 'media')).toBe(false);
    expect(s.device!({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels requests that leave the app', () => {
    const s = guarded();
    const answer = (url: string) => {
      const cb = vi.fn();
      s.before!({ url }, cb);
      return cb.mock.calls[0][0];
    };
    expect(answer('app://kiosk/assets/a.js')).toEqual({ cancel: false });
    expect(answer('https://fonts.example.com/x.woff2')).toEqual({ cancel: true });
  });
});
