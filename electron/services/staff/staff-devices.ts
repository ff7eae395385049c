/**
 * Staff tablets on the venue LAN. A device is enrolled with a one-time
 * pairing code that an admin or technician makes (console or
 * `npm run staff -- pair-device --name NAME`): 10 characters of an alphabet
 * without look-alikes, valid 10 minutes, used once. Redeeming it gives the
 * device a random credential (sent as a cookie by the web host). Only
 * SHA-256 hashes of codes and credentials are stored: both are long random
 * strings, so a fast hash is enough, and a copy of the database lets no one
 * pose as a tablet. A revoked device's credential is dead at once, and the
 * web host closes its open sockets (`onRevoked`).
 *
 * Enrollment only lets a device reach the console; a staff PIN is still
 * needed for anything staff-only.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Db } from '../storage/database';
import { ulid } from '../storage/ids';
import { StaffError } from './staff-errors';

/** No 0/O, 1/I/L: read aloud or copied from a screen without mistakes. */
export const PAIRING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PAIRING_CODE_LENGTH = 10;
export const PAIRING_TTL_MS = 10 * 60_000;
/** Wrong codes tolerated per window before pairing pauses: guessing 31^10 codes must stay hopeless. */
export const MAX_PAIR_FAILURES = 10;
export const PAIR_FAILURE_WINDOW_MS = 10 * 60_000;
const SEEN_WRITE_EVERY_MS = 5 * 60_000;
export const DEVICE_COOKIE = 'itda_device';

export interface StaffDeviceRow {
  id: string;
  name: string;
  enrolledAt: string;
  enrolledBy: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** How a pairing code or a device credential is stored (both long and random: a fast hash is enough). */
export const deviceSecretHash = sha256;

/** A fresh pairing code (unformatted, `PAIRING_CODE_LENGTH` symbols). */
export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)];
  return code;
}

/** A device's credential: 32 random bytes, shown to nobody (the cookie holds it). */
export const newDeviceCredential = () => randomBytes(32).toString('base64url');

/** A credential of a plausible shape; anything else is refused before a lookup. */
export const credentialShapeOk = (c: unknown): c is string => typeof c === 'string' && c.length >= 20 && c.length <= 100;

/** A device's name as staff typed it: 1 to 40 characters, no control characters; null when refused. */
export function cleanDeviceName(name: string): string | null {
  const clean = name.trim();
  return !clean || clean.length > 40 || /[\u0000-\u001f\u007f]/.test(clean) ? null : clean;
}

/** Wrong pairing codes per window, in memory: past the limit every code is refused until the window turns. */
export class PairingThrottle {
  private failures = { since: 0, count: 0 };
  constructor(private readonly now: () => number) {}
  /** Whether a code may be tried now. */
  open(): boolean {
    const now = this.now();
    if (now - this.failures.since > PAIR_FAILURE_WINDOW_MS) this.failures = { since: now, count: 0 };
    return this.failures.count < MAX_PAIR_FAILURES;
  }
  failed(): void {
    this.failures.count++;
  }
}

/** Case and separators forgiven: `abcde-fghjk`, `ABCDE FGHJK`. */
export function normalizePairingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function formatPairingCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export class StaffDevices {
  private readonly revokedListeners = new Set<(deviceId: string) => void>();
  private readonly throttle = new PairingThrottle(() => this.now());
  private readonly seenWritten = new Map<string, number>();
  readonly cookieName = DEVICE_COOKIE;

  constructor(
    private readonly db: Db,
    private readonly deps: { now?: () => number; record?: (type: string, payload: unknown) => void } = {},
  ) {}

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  /** A one-time code for a device to be called `name`; `by` is who made it (`admin:PINID`, `cli`). */
  createPairingCode(name: string, by: string): { code: string; expiresAt: string } {
    const clean = cleanDeviceName(name);
    if (!clean) throw new StaffError('staff.device_name_invalid', 'a device name is 1 to 40 characters, no control characters');
    const code = newPairingCode();
    const now = this.now();
    const expiresAt = new Date(now + PAIRING_TTL_MS).toISOString();
    this.db
      .prepare('INSERT INTO staff_pairing_codes (code_hash, name, created_at, created_by, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(sha256(code), clean, new Date(now).toISOString(), by, expiresAt);
    this.deps.record?.('staff.pairing_code_created', { by, expiresAt });
    return { code: formatPairingCode(code), expiresAt };
  }

  /** Redeems a code: the new device and its credential (shown to nobody, set as a cookie), or null. */
  pair(input: string, peer?: string): { credential: string; deviceId: string; name: string } | null {
    const now = this.now();
    if (!this.throttle.open()) return null;
    const hash = sha256(normalizePairingCode(input));
    const paired = this.db.transaction(() => {
      const row = this.db.prepare('SELECT name, expires_at FROM staff_pairing_codes WHERE code_hash = ? AND used_at IS NULL').get(hash) as
        | { name: string; expires_at: string }
        | undefined;
      if (!row || row.expires_at <= new Date(now).toISOString()) return null;
      const deviceId = ulid(now);
      const credential = newDeviceCredential();
      const at = new Date(now).toISOString();
      this.db.prepare('UPDATE staff_pairing_codes SET used_at = ?, device_id = ? WHERE code_hash = ?').run(at, deviceId, hash);
      this.db
        .prepare('INSERT INTO staff_devices (id, name, credential_hash, enrolled_at, enrolled_by, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(deviceId, row.name, sha256(credential), at, 'pairing', at);
      this.deps.record?.('staff.device_enrolled', { deviceId, peer: peer ?? null });
      return { credential, deviceId, name: row.name };
    }).immediate();
    if (!paired) this.throttle.failed();
    return paired;
  }

  /** The enrolled, unrevoked device holding this credential. */
  find(credential: string): { deviceId: string; name: string } | null {
    if (!credentialShapeOk(credential)) return null;
    const row = this.db.prepare('SELECT id, name FROM staff_devices WHERE credential_hash = ? AND revoked_at IS NULL').get(sha256(credential)) as
      | { id: string; name: string }
      | undefined;
    if (!row) return null;
    const now = this.now();
    if (now - (this.seenWritten.get(row.id) ?? 0) > SEEN_WRITE_EVERY_MS) {
      this.seenWritten.set(row.id, now);
      try {
        this.db.prepare('UPDATE staff_devices SET last_seen_at = ? WHERE id = ?').run(new Date(now).toISOString(), row.id);
      } catch {
        // "Last seen" is a courtesy for staff; a full disk must not lock a tablet out.
      }
    }
    return { deviceId: row.id, name: row.name };
  }

  list(): StaffDeviceRow[] {
    return (this.db.prepare('SELECT * FROM staff_devices ORDER BY revoked_at IS NOT NULL, enrolled_at DESC').all() as Record<string, string | null>[]).map((r) => ({
      id: r.id!,
      name: r.name!,
      enrolledAt: r.enrolled_at!,
      enrolledBy: r.enrolled_by!,
      lastSeenAt: r.last_seen_at,
      revokedAt: r.revoked_at,
    }));
  }

  revoke(deviceId: string, by: string): void {
    const changed = this.db.prepare('UPDATE staff_devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(new Date(this.now()).toISOString(), deviceId).changes;
    if (!changed && !this.db.prepare('SELECT 1 FROM staff_devices WHERE id = ?').get(deviceId)) throw new StaffError('staff.device_not_found', `no device ${deviceId}`);
    this.deps.record?.('staff.device_revoked', { deviceId, by });
    for (const l of this.revokedListeners) l(deviceId);
  }

  onRevoked(listener: (deviceId: string) => void): () => void {
    this.revokedListeners.add(listener);
    return () => this.revokedListeners.delete(listener);
  }
}

/** The staff domain's device registry, for the web host (null when the staff domain is not composed). */
export function staffDevicesOf(services: { domains: Map<string, { service?: unknown }> }): StaffDevices | null {
  const service = services.domains.get('staff')?.service as { devices?: StaffDevices } | undefined;
  return service?.devices ?? null;
}
