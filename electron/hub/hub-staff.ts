/**
 * The hub's staff side, on the kiosk's rules (README "Security model"): a
 * device reaches `/staff` only once enrolled with a one-time pairing code
 * (`npm run hub -- pair-device --name NAME`), and then holds a random
 * credential in a cookie; a staff PIN by role opens a session bound to that
 * device. Five wrong PINs lock that device's pad with the same back-off as a
 * kiosk's. Everything that decides is the services' own code (`pin-hash.ts`,
 * `pin-lockout.ts`, `staff-devices.ts`, `staff-sessions.ts`); only where it is
 * stored differs: here PostgreSQL (migration 3), on a kiosk SQLite.
 */
import type pg from 'pg';
import { assertPinRules, CURRENT_PARAMS, hashSecret, PIN_PATTERN, secretMatches, type ScryptParams, type StoredHash } from '../services/staff/pin-hash';
import { afterWrongPin, lockedUntilOf, lockoutScope, MAX_FAILURES, type LockoutRow } from '../services/staff/pin-lockout';
import {
  cleanDeviceName,
  credentialShapeOk,
  DEVICE_COOKIE,
  deviceSecretHash,
  formatPairingCode,
  newDeviceCredential,
  newPairingCode,
  normalizePairingCode,
  PAIRING_TTL_MS,
  PairingThrottle,
} from '../services/staff/staff-devices';
import { StaffSessions, type StaffSession } from '../services/staff/staff-sessions';
import { StaffError } from '../services/staff/staff-errors';
import { ulid } from '../services/storage/ids';
import type { StaffRole } from '../contract/access';
import type { Principal } from '../contract/dispatch';

export interface HubDevice {
  deviceId: string;
  name: string;
}

type PinHashRow = StoredHash & { id: string; role: StaffRole; label: string };

export interface HubStaffOptions {
  /** Wall clock for stored times (expiry of codes, lock ends). */
  now?: () => number;
  /** Clock of session durations (monotonic in production, see `staff-sessions.ts`). */
  sessionClock?: () => number;
  hashParams?: ScryptParams;
  log?: (line: string, fields?: Record<string, unknown>) => void;
}

export class HubStaff {
  readonly cookieName = DEVICE_COOKIE;
  readonly sessions: StaffSessions;
  private readonly now: () => number;
  private readonly throttle: PairingThrottle;
  private readonly params: ScryptParams;

  constructor(
    private readonly pool: pg.Pool,
    private readonly opts: HubStaffOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    this.throttle = new PairingThrottle(this.now);
    this.params = opts.hashParams ?? CURRENT_PARAMS;
    this.sessions = new StaffSessions(opts.sessionClock ?? this.now, (s, reason) => opts.log?.('hub staff session ended', { role: s.role, pinId: s.pinId, reason }));
  }

  // --- devices -------------------------------------------------------------

  async createPairingCode(name: string, by: string): Promise<{ code: string; expiresAt: string }> {
    const clean = cleanDeviceName(name);
    if (!clean) throw new StaffError('staff.device_name_invalid', 'a device name is 1 to 40 characters, no control characters');
    const code = newPairingCode();
    const now = this.now();
    const expiresAt = new Date(now + PAIRING_TTL_MS);
    await this.pool.query('INSERT INTO staff_pairing_codes (code_hash, name, created_at, created_by, expires_at) VALUES ($1, $2, $3, $4, $5)', [
      deviceSecretHash(code),
      clean,
      new Date(now),
      by,
      expiresAt,
    ]);
    return { code: formatPairingCode(code), expiresAt: expiresAt.toISOString() };
  }

  /** Redeems a code once: the new device and its credential (for the cookie), or null. */
  async pair(input: string, peer?: string): Promise<(HubDevice & { credential: string }) | null> {
    if (!this.throttle.open()) return null;
    const at = new Date(this.now());
    const used = await this.pool.query<{ name: string }>(
      'UPDATE staff_pairing_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING name',
      [deviceSecretHash(normalizePairingCode(input)), at],
    );
    if (!used.rowCount) {
      this.throttle.failed();
      return null;
    }
    const deviceId = ulid(at.getTime());
    const credential = newDeviceCredential();
    const name = used.rows[0].name;
    await this.pool.query('INSERT INTO staff_devices (id, name, credential_hash, enrolled_at, enrolled_by, last_seen_at) VALUES ($1, $2, $3, $4, $5, $4)', [
      deviceId,
      name,
      deviceSecretHash(credential),
      at,
      'pairing',
    ]);
    await this.pool.query('UPDATE staff_pairing_codes SET device_id = $2 WHERE code_hash = $1', [deviceSecretHash(normalizePairingCode(input)), deviceId]);
    this.opts.log?.('hub staff device enrolled', { deviceId, peer: peer ?? null });
    return { deviceId, name, credential };
  }

  async find(credential: string): Promise<HubDevice | null> {
    if (!credentialShapeOk(credential)) return null;
    const row = (await this.pool.query<{ id: string; name: string }>('SELECT id, name FROM staff_devices WHERE credential_hash = $1 AND revoked_at IS NULL', [deviceSecretHash(credential)]))
      .rows[0];
    return row ? { deviceId: row.id, name: row.name } : null;
  }

  /** A revoked device is refused at once, and its sessions end with it. */
  async revokeDevice(deviceId: string): Promise<boolean> {
    const r = await this.pool.query('UPDATE staff_devices SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [deviceId, new Date(this.now())]);
    for (const s of this.sessions.active()) if (s.principal.kind === 'device' && s.principal.deviceId === deviceId) this.sessions.logout(s.token);
    return (r.rowCount ?? 0) > 0;
  }

  // --- PINs and sessions -----------------------------------------------------

  /** A PIN for a role (the hub's CLI; there is no default PIN). */
  async addPin(role: StaffRole, label: string, pin: string): Promise<string> {
    assertPinRules(role, pin);
    if (await this.findPin(pin)) throw new StaffError('staff.pin_taken', 'another role already uses this PIN');
    const h = await hashSecret(pin, this.params);
    const id = ulid(this.now());
    await this.pool.query('INSERT INTO staff_pins (id, role, label, salt, hash, params, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      id,
      role,
      label.trim().slice(0, 40) || role,
      h.salt,
      h.hash,
      h.params,
      new Date(this.now()),
    ]);
    return id;
  }

  /**
   * Removes a PIN (false when there is no such active PIN), never the last
   * admin one: the hub would have no one left to manage it. Every active
   * admin row is locked first, so two admins removing each other at once
   * take turns and one of them stays.
   */
  async removePin(id: string): Promise<boolean> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const admins = (await c.query<{ id: string }>("SELECT id FROM staff_pins WHERE role = 'admin' AND removed_at IS NULL FOR UPDATE")).rows;
      const row = (await c.query<{ role: StaffRole }>('SELECT role FROM staff_pins WHERE id = $1 AND removed_at IS NULL FOR UPDATE', [id])).rows[0];
      if (!row) {
        await c.query('ROLLBACK');
        return false;
      }
      if (row.role === 'admin' && admins.length <= 1) throw new StaffError('staff.last_admin', 'the last admin PIN cannot be removed: add another admin PIN first');
      await c.query('UPDATE staff_pins SET removed_at = $2 WHERE id = $1', [id, new Date(this.now())]);
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
    this.sessions.endPin(id);
    return true;
  }

  /** Active PINs by role and label, for the console: never a hash or salt. */
  async listPins(): Promise<{ id: string; role: StaffRole; label: string; createdAt: string }[]> {
    const r = await this.pool.query<{ id: string; role: StaffRole; label: string; created_at: Date }>(
      "SELECT id, role, label, created_at FROM staff_pins WHERE removed_at IS NULL ORDER BY CASE role WHEN 'admin' THEN 0 WHEN 'technician' THEN 1 ELSE 2 END, created_at",
    );
    return r.rows.map((x) => ({ id: x.id, role: x.role, label: x.label, createdAt: x.created_at.toISOString() }));
  }

  /** Enrolled tablets, live first: names and dates, never a credential hash. */
  async listDevices(): Promise<{ id: string; name: string; enrolledAt: string; revokedAt: string | null }[]> {
    const r = await this.pool.query<{ id: string; name: string; enrolled_at: Date; revoked_at: Date | null }>(
      'SELECT id, name, enrolled_at, revoked_at FROM staff_devices ORDER BY revoked_at IS NOT NULL, enrolled_at DESC LIMIT 200',
    );
    return r.rows.map((x) => ({ id: x.id, name: x.name, enrolledAt: x.enrolled_at.toISOString(), revokedAt: x.revoked_at?.toISOString() ?? null }));
  }

  /** A PIN typed on an enrolled device: a session bound to that device, or the pad's refusal. */
  async login(pin: string, device: HubDevice): Promise<StaffSession> {
    const principal: Principal = { kind: 'device', deviceId: device.deviceId, name: device.name };
    const scope = lockoutScope({ transport: 'http', principal });
    const lock = await this.lockRow(scope);
    const until = lockedUntilOf(lock, this.now());
    if (until) throw new StaffError('staff.locked', `locked until ${until}`, { details: [until] });
    const pins = await this.activePins();
    if (!pins.length) throw new StaffError('staff.setup_required', 'the hub has no staff PIN yet: npm run hub -- add-pin --role admin --label NAME');
    const match = await this.findPin(pin, pins);
    if (!match) return this.wrong(scope);
    await this.pool.query('DELETE FROM staff_lockout WHERE scope = $1', [scope]);
    this.opts.log?.('hub staff login', { role: match.role, pinId: match.id, deviceId: device.deviceId });
    return this.sessions.open(match.role, match.id, { transport: 'http', connectionId: undefined, principal });
  }

  /** Where a request's session is checked: the token must belong to this device. */
  session(token: string, device: HubDevice): StaffSession {
    return this.sessions.check(token, { transport: 'http', connectionId: undefined, principal: { kind: 'device', deviceId: device.deviceId, name: device.name } });
  }

  /** The door's record of a staff action (never the PIN, never a visitor's data). */
  async recordAction(s: StaffSession, route: string, target: string | null, peer: string | null): Promise<void> {
    const deviceId = s.principal.kind === 'device' ? s.principal.deviceId : null;
    await this.pool.query('INSERT INTO staff_actions (at, route, role, pin_id, device_id, peer, target) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      new Date(this.now()),
      route,
      s.role,
      s.pinId,
      deviceId,
      peer,
      target?.slice(0, 120) ?? null,
    ]);
  }

  private async wrong(scope: string): Promise<never> {
    const c = await this.pool.connect();
    let next: ReturnType<typeof afterWrongPin>;
    let failures: number;
    try {
      await c.query('BEGIN');
      const row = (
        await c.query<LockoutRow>(
          'INSERT INTO staff_lockout (scope, failures) VALUES ($1, 1) ON CONFLICT (scope) DO UPDATE SET failures = staff_lockout.failures + 1 RETURNING failures, locked_until, lockouts',
          [scope],
        )
      ).rows[0];
      failures = row.failures;
      next = afterWrongPin(row, this.now());
      if (next.lockedUntil) await c.query('UPDATE staff_lockout SET failures = $2, locked_until = $3, lockouts = $4 WHERE scope = $1', [scope, next.row.failures, next.row.locked_until, next.row.lockouts]);
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
    this.opts.log?.('hub staff login failed', { scope: scope.split(':')[0], failures });
    if (next.lockedUntil) throw new StaffError('staff.locked', `locked until ${next.lockedUntil}`, { details: [next.lockedUntil] });
    throw new StaffError('staff.pin_wrong', 'wrong PIN', { details: [String(MAX_FAILURES - failures)] });
  }

  private async lockRow(scope: string): Promise<LockoutRow> {
    return (await this.pool.query<LockoutRow>('SELECT failures, locked_until, lockouts FROM staff_lockout WHERE scope = $1', [scope])).rows[0] ?? { failures: 0, locked_until: null, lockouts: 0 };
  }

  private async activePins(): Promise<PinHashRow[]> {
    return (await this.pool.query<PinHashRow>('SELECT id, role, label, salt, hash, params FROM staff_pins WHERE removed_at IS NULL')).rows;
  }

  /** The active PIN `pin` is, checked against every stored hash at once (on the thread pool). */
  private async findPin(pin: string, rows?: PinHashRow[]): Promise<PinHashRow | null> {
    if (!PIN_PATTERN.test(pin)) return null;
    const all = rows ?? (await this.activePins());
    const hits = await Promise.all(all.map((r) => secretMatches(pin, r)));
    return all[hits.indexOf(true)] ?? null;
  }
}
