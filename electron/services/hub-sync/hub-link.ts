/**
 * Whether this kiosk has a venue hub, and how to reach it: `hub.url` in the
 * config or `ITDA_HUB_URL`, and a one-time `ITDA_HUB_PAIR_CODE` for the first
 * start. Plain HTTP only to a hub on this machine (loopback); anywhere else
 * the credential and the events travel over HTTPS. No hub: null, and the
 * kiosk runs exactly as it always has.
 */
import type { KioskConfig } from '../config/config-schema';

export interface HubLink {
  url: string;
  /** Traded once for the device credential (kept in `<dataDir>/hub-credential.json`, 0600). */
  pairCode: string | null;
  /** A CA certificate (PEM) for a hub with the venue's own TLS certificate. */
  caFile: string | null;
  /** Staff are alerted when this many events, or events this old, wait for the hub. */
  lagAlert: { events: number; minutes: number };
  /** Pace (tests and the bench shorten it): heartbeat every 15 s, retries from 0.5 s up to 60 s. */
  timing?: { heartbeatMs?: number; pollMs?: number; baseDelayMs?: number; maxDelayMs?: number; batchSize?: number; venueTimeoutMs?: number; recallTimeoutMs?: number };
}

export class HubLinkError extends Error {}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/** Checks a hub URL: https anywhere, http only on loopback. Returns it without a trailing slash. */
export function checkHubUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new HubLinkError(`the hub URL "${raw}" is not a URL (for example https://hub.venue.lan:5190)`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new HubLinkError(`the hub URL must start with https:// (got ${u.protocol})`);
  if (u.protocol === 'http:' && !LOOPBACK.test(u.hostname)) {
    throw new HubLinkError(`refusing to talk to the hub at ${u.host} over plain HTTP: beyond this machine the hub needs https://`);
  }
  return u.origin + u.pathname.replace(/\/+$/, '');
}

export function hubLinkFrom(config: Pick<KioskConfig, 'hub'>, env: NodeJS.ProcessEnv): HubLink | null {
  const url = env.ITDA_HUB_URL || config.hub.url;
  if (!url) return null;
  return {
    url: checkHubUrl(url),
    pairCode: env.ITDA_HUB_PAIR_CODE?.trim() || null,
    caFile: env.ITDA_HUB_CA_FILE || config.hub.caFile,
    lagAlert: { events: config.hub.lagAlertEvents, minutes: config.hub.lagAlertMinutes },
  };
}
