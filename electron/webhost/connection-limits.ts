/**
 * What one client may cost the web host. Measured before these: a client that
 * never read its replies grew the host by 100 MB with 3,000 requests, and
 * 800 idle sockets stayed open. Each number bounds memory or sockets; none
 * is near what the kiosk screen or a staff tablet needs.
 */
export interface ConnectionLimits {
  /** Calls one connection may have running at once; past it the connection is closed (the screen never needs many). */
  maxInFlight: number;
  /** Bytes of replies and pushes buffered unsent on one connection; past it the connection is closed. */
  maxBufferedBytes: number;
  /** A ping goes out this often; a connection that has not answered the previous one is closed. */
  pingIntervalMs: number;
  /** Open API connections per principal (the screen: its page, a reload overlapping the old one, a spare). */
  maxPerPrincipal: number;
  /** Open API connections in all. */
  maxTotal: number;
  /** TCP connections the HTTP server holds at once (idle, half-open, upgrading). */
  maxSockets: number;
  /** A request must send its headers within this (slow or silent sockets are dropped). */
  headersTimeoutMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  maxInFlight: 32,
  maxBufferedBytes: 4 * 1024 * 1024,
  pingIntervalMs: 30_000,
  maxPerPrincipal: 8,
  maxTotal: 64,
  maxSockets: 256,
  headersTimeoutMs: 10_000,
};

/** The key connections are counted under: one per screen, one per enrolled device. */
export function principalKey(p: { kind: string; deviceId?: string }): string {
  return p.kind === 'device' ? `device:${p.deviceId}` : p.kind;
}
