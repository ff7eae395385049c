/**
 * Who may open the API WebSocket, decided before the upgrade completes.
 *
 * A browser sends cookies and `Origin` on a WebSocket handshake but does not
 * apply CORS to it, so any page open on the kiosk machine could otherwise
 * drive the contract (measured: 5 gifts vended from a cross-site page). The
 * kiosk screen proves itself with two things a foreign page cannot both have:
 * the per-start screen cookie (HttpOnly, set only on a page served to a
 * loopback request) and an `Origin` that is the host's own. Cookies are not
 * port-scoped, so the cookie alone would also reach a page on another
 * loopback port: the Origin check is what refuses that page.
 *
 * Pure: the web host passes in the request's parts; tests call it directly.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Principal } from '../contract/dispatch';

export type UpgradeDecision = { ok: true; principal: Principal } | { ok: false; reason: string };

export interface UpgradeRequest {
  /** The `Origin` header, if any. */
  origin: string | undefined;
  /** The `Host` header, if any. */
  host: string | undefined;
  cookies: Record<string, string>;
  /** The peer connected over loopback (the kiosk machine itself). */
  loopbackPeer: boolean;
}

export interface UpgradeGateOptions {
  /** The screen cookie's name and this start's secret value. */
  screenCookie: { name: string; value: string };
  /** Origins a loopback page may come from: the host's own plus the config's `webHost.allowedOrigins`. */
  screenOrigins: ReadonlySet<string>;
  /** `https:` or `http:`, for a device page's expected origin. */
  scheme: 'http:' | 'https:';
  /** The device cookie's name, and how a credential resolves to an enrolled device (null: unknown or revoked). */
  deviceCookie?: string;
  findDevice?: (credential: string) => { deviceId: string; name: string } | null;
  /** Extra origins allowed for devices (config). */
  extraOrigins?: ReadonlySet<string>;
}

/** A fresh random secret for this start of the host; a restart logs every old page out. */
export function newScreenSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The cookie's name carries the port: cookies ignore ports, and two kiosks on one machine must not share one. */
export function screenCookieName(port: number): string {
  return `itda_screen_${port}`;
}

/** The origins a loopback page of this host has, whichever loopback name the browser used. */
export function loopbackOrigins(scheme: 'http:' | 'https:', port: number, extra: readonly string[] = []): Set<string> {
  return new Set([`${scheme}//127.0.0.1:${port}`, `${scheme}//localhost:${port}`, `${scheme}//[::1]:${port}`, ...extra.map(normalizeOrigin)]);
}

export function normalizeOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!(name in out)) out[name] = part.slice(eq + 1).trim();
  }
  return out;
}

export function sameSecret(a: string | undefined, b: string): boolean {
  if (typeof a !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function decideUpgrade(req: UpgradeRequest, opts: UpgradeGateOptions): UpgradeDecision {
  if (!req.origin) return { ok: false, reason: 'no Origin header' };
  const origin = normalizeOrigin(req.origin);
  if (req.loopbackPeer) {
    if (!opts.screenOrigins.has(origin)) return { ok: false, reason: `foreign Origin ${origin.slice(0, 100)}` };
    if (!sameSecret(req.cookies[opts.screenCookie.name], opts.screenCookie.value)) return { ok: false, reason: 'no screen cookie' };
    return { ok: true, principal: { kind: 'screen' } };
  }
  // A LAN peer: only an enrolled device, from a page of this host as the device reached it.
  const own = req.host ? `${opts.scheme}//${req.host}` : null;
  if (origin !== own && !opts.extraOrigins?.has(origin)) return { ok: false, reason: `foreign Origin ${origin.slice(0, 100)}` };
  const credential = opts.deviceCookie ? req.cookies[opts.deviceCookie] : undefined;
  const device = credential && opts.findDevice ? opts.findDevice(credential) : null;
  if (!device) return { ok: false, reason: 'device not enrolled' };
  return { ok: true, principal: { kind: 'device', deviceId: device.deviceId, name: device.name } };
}

/** `Set-Cookie` for the screen: script cannot read it, other sites never send it. */
export function screenCookieHeader(name: string, value: string, secure: boolean): string {
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}
