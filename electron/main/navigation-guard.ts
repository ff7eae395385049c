/**
 * Keeps the kiosk window on its own pages: no navigation off `app://kiosk`,
 * no new windows, no <webview>, every permission request denied (camera,
 * microphone, geolocation, notifications, HID, serial...). Hardware belongs
 * to the services in main, never to the page.
 *
 * Decisions are pure functions; the wiring takes Electron objects by their
 * shape so tests pass plain fakes.
 */
import type { Session, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-protocol';

/** Whether `url` is one of our own pages. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

export type NavigationDecision = 'allow' | 'deny';

/** In-app navigation (a reload, a route change) stays; anything off app:// is refused. */
export function decideNavigation(url: string): NavigationDecision {
  return isAppUrl(url) ? 'allow' : 'deny';
}

/** Schemes the page itself may load from: its own origin, inline data for images and fonts, devtools in dev mode. */
export function isAllowedRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  const scheme = url.slice(0, url.indexOf(':') + 1);
  return scheme === 'data:' || scheme === 'blob:' || scheme === 'devtools:';
}

export interface GuardLog {
  warn(message: string, fields?: Record<string, unknown>): void;
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Attach to every WebContents the app creates (`app.on('web-contents-created')`). */
export function guardWebContents(contents: GuardedContents, log: GuardLog): void {
  const refuse = (kind: string) => (event: { preventDefault(): void }, url: string) => {
    if (decideNavigation(url) === 'allow') return;
    event.preventDefault();
    log.warn(`refused ${kind}`, { url: redact(url) });
  };
  contents.on('will-navigate', refuse('navigation'));
  // will-navigate covers the main frame; this catches subframes (an injected iframe).
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) refuse('frame navigation')(event, event.url);
  });
  contents.on('will-redirect', refuse('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('refused a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('refused a new window', { url: redact(url) });
    return { action: 'deny' };
  });
}

type GuardedSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'webRequest'
>;

/** Deny every permission and every request that leaves the app (the page has no business on the network). */
export function guardSession(session: GuardedSession, log: GuardLog): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('refused a permission request', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url);
    if (!allowed) log.warn('refused a request off the app', { url: redact(details.url) });
    callback({ cancel: !allowed });
  });
}

/** Logs keep the origin and path only: a query string may carry what a visitor typed. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(unparsable URL)';
  }
}
