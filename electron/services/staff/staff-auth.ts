/**
 * Who may use the staff console: PINs by role, the first admin's setup code,
 * the lockout, and sessions.
 *
 * - Roles rank staff < technician < admin (the door compares them, `access.ts`).
 * - There is no default PIN, and nobody becomes admin by being first: the
 *   first admin PIN needs the one-time setup code (`setup-code.ts`).
 * - PINs are 6–8 digits for admin and technician, 4–8 for staff, hashed with
 *   scrypt (parameters stored beside each hash, `pin-hash.ts`).
 * - Wrong PINs and codes count per scope (the kiosk's pad, a device, a peer),
 *   with a growing back-off (`pin-lockout.ts`).
 * - Sessions live in `staff-sessions.ts`: in memory, bound to the connection
 *   that logged in, two minutes without a person's input, twelve hours at most.
 */
import type { Db } from '../storage/database';
import { ulid } from '../storage/ids';
import type { StaffRole } from '../../contract/access';
import { assertPinRules, CURRENT_PARAMS, hashSecret, PIN_PATTERN, secretMatches, type ScryptParams, type StoredHash } from './pin-hash';
import { lockoutScope, MAX_FAILURES, PinLockout } from './pin-lockout';
import { SetupCodes } from './setup-code';
import { StaffError } from './staff-errors';
import { classifySqliteError, StorageError } from '../storage/storage-errors';
import { monotonicNow } from '../app/monotonic-clock';
import { StaffSessions, type SessionEndReason, type SessionOrigin, type StaffSession } from './staff-sessions';

export type { StaffRole, StaffSession };
export { SESSION_IDLE_MS, SESSION_MAX_MS } from './staff-sessions';
export { LOCK_MS, MAX_FAILURES } from './pin-lockout';

/** Where a PIN is typed: the session's origin plus the peer address (for the lockout scope). */
export type PinOrigin = SessionOrigin & { peer?: string };

export interface PinRow {
  id: string;
  role: StaffRole;
  label: string;
  createdAt: string;
}

export interface StaffAuthDeps {
  db: Db;
  /** Wall clock for stored times (lock ends, records). */
  now?: () => number;
  /** Clock of session durations: monotonic by default; a test that injects `now` drives sessions with it too. */
  sessionClock?: () => number;
  record(type: string, payload: unknown): void;
  /** A session ended (logout, expiry, its connection closed): maintenance mode closes with a technician's session. */
  onSessionEnd?(s: StaffSession, reason: SessionEndReason): void;
  /** Hash parameters for new PINs and codes (`CURRENT_PARAMS`); unit tests of the lockout logic pass cheaper ones. */
  hashParams?: ScryptParams;
}

type PinHashRow = StoredHash & { id: string; role: StaffRole };

export class StaffAuth {
  readonly sessions: StaffSessions;
  readonly setupCodes: SetupCodes;
  private readonly lockout: PinLockout;
  private readonly now: () => number;
  private readonly params: ScryptParams;

  constructor(private readonly d: StaffAuthDeps) {
    this.now = d.now ?? Date.now;
    this.lockout = new PinLockout(d.db, this.now);
    this.params = d.hashParams ?? CURRENT_PARAMS;
    this.setupCodes = new SetupCodes(d.db, this.now, this.params);
    this.sessions = new StaffSessions(d.sessionClock ?? d.now ?? monotonicNow, (s, reason) => {
      this.d.record('staff.logout', { role: s.role, pinId: s.pinId, reason });
      this.d.onSessionEnd?.(s, reason);
    });
  }

  needsSetup(): boolean {
    return !this.d.db.prepare("SELECT 1 FROM staff_pins WHERE role = 'admin' AND removed_at IS NULL").get();
  }

  /** The caller's own pad: until when it is locked (ISO, or null), and wrong tries so far. */
  padState(origin: PinOrigin): { lockedUntil: string | null; failures: number } {
    const scope = lockoutScope(origin);
    return { lockedUntil: this.lockout.lockedUntil(scope), failures: this.lockout.failures(scope) };
  }

  /** First start: the setup code, then the first admin PIN. Refused once an admin exists. */
  async setup(code: string, pin: string, origin: PinOrigin): Promise<StaffSession> {
    if (!this.needsSetup()) throw new StaffError('staff.already_set_up', 'an admin PIN already exists');
    const scope = this.refuseWhileLocked(origin);
    const codeId = await this.setupCodes.match(code);
    if (!codeId) this.wrong(scope, origin, 'staff.setup_code_wrong');
    this.checkPinRules('admin', pin);
    const h = await hashSecret(pin, this.params);
    const id = this.d.db
      .transaction(() => {
        // Two first admins racing: only the one whose code is still unspent wins.
        if (!this.needsSetup() || !this.setupCodes.spend(codeId!)) throw new StaffError('staff.already_set_up', 'an admin PIN already exists');
        return this.insertPin('admin', 'admin', h);
      })
      .immediate();
    this.lockout.succeed(scope);
    this.d.record('staff.pin_setup', { pinId: id });
    return this.open('admin', id, origin);
  }

  async login(pin: string, origin: PinOrigin): Promise<StaffSession> {
    if (this.needsSetup()) throw new StaffError('staff.setup_required', 'no admin PIN yet: set one first');
    const scope = this.refuseWhileLocked(origin);
    const match = await this.findPin(pin);
    if (!match) this.wrong(scope, origin, 'staff.pin_wrong');
    // A full disk must not keep staff out when visitors need them: sessions live in memory,
    // so a counter reset or a login record that cannot be written now is only logged.
    whenDiskAllows(() => this.lockout.succeed(scope));
    return this.open(match!.role, match!.id, origin);
  }

  pins(): PinRow[] {
    return (this.d.db.prepare('SELECT id, role, label, created_at FROM staff_pins WHERE removed_at IS NULL ORDER BY created_at').all() as { id: string; role: StaffRole; label: string; created_at: string }[]).map(
      (r) => ({ id: r.id, role: r.role, label: r.label, createdAt: r.created_at }),
    );
  }

  async addPin(role: StaffRole, label: string, pin: string): Promise<string> {
    this.checkPinRules(role, pin);
    if (await this.findPin(pin)) throw new StaffError('staff.pin_taken', 'another role already uses this PIN');
    return this.insertPin(role, label, await hashSecret(pin, this.params));
  }

  removePin(id: string): void {
    const row = this.d.db.prepare('SELECT role FROM staff_pins WHERE id = ? AND removed_at IS NULL').get(id) as { role: StaffRole } | undefined;
    if (!row) throw new StaffError('staff.pin_not_found', `no PIN ${id}`);
    const admins = this.activePins().filter((p) => p.role === 'admin').length;
    if (row.role === 'admin' && admins <= 1) throw new StaffError('staff.last_admin', 'the last admin PIN cannot be removed');
    this.d.db.prepare('UPDATE staff_pins SET removed_at = ? WHERE id = ?').run(new Date(this.now()).toISOString(), id);
    this.sessions.endPin(id);
  }

  private checkPinRules(role: StaffRole, pin: string): void {
    assertPinRules(role, pin);
  }

  private insertPin(role: StaffRole, label: string, h: StoredHash): string {
    const id = ulid();
    this.d.db
      .prepare('INSERT INTO staff_pins (id, role, label, salt, hash, params, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, role, label, h.salt, h.hash, h.params, new Date(this.now()).toISOString());
    return id;
  }

  /** The active PIN `pin` is, checked against every stored hash at once (the hashes run on the thread pool). */
  private async findPin(pin: string): Promise<PinHashRow | null> {
    if (!PIN_PATTERN.test(pin)) return null;
    const rows = this.activePins();
    const hits = await Promise.all(rows.map((r) => secretMatches(pin, r)));
    return rows[hits.indexOf(true)] ?? null;
  }

  private activePins(): PinHashRow[] {
    return this.d.db.prepare('SELECT id, role, salt, hash, params FROM staff_pins WHERE removed_at IS NULL').all() as PinHashRow[];
  }

  private refuseWhileLocked(origin: PinOrigin): string {
    const scope = lockoutScope(origin);
    const until = this.lockout.lockedUntil(scope);
    if (until) throw new StaffError('staff.locked', `locked until ${until}`, { details: [until] });
    return scope;
  }

  /** Counts a wrong PIN or code for this scope and throws what the pad shows. */
  private wrong(scope: string, origin: PinOrigin, code: 'staff.pin_wrong' | 'staff.setup_code_wrong'): never {
    const r = this.lockout.fail(scope);
    this.d.record('staff.login_failed', { failures: r.failures, transport: origin.transport, scope: scope.split(':')[0] });
    if (r.lockedUntil) {
      this.d.record('staff.locked_out', { until: r.lockedUntil, failures: r.failures });
      throw new StaffError('staff.locked', `locked until ${r.lockedUntil}`, { details: [r.lockedUntil] });
    }
    throw new StaffError(code, code === 'staff.pin_wrong' ? 'wrong PIN' : 'wrong setup code', { details: [String(MAX_FAILURES - r.failures)] });
  }

  private open(role: StaffRole, pinId: string, origin: SessionOrigin): StaffSession {
    const s = this.sessions.open(role, pinId, origin);
    whenDiskAllows(() => this.d.record('staff.login', { role, pinId, transport: origin.transport }));
    return s;
  }
}

/** Runs a write that may be skipped on a full disk (and only then); any other failure still throws. */
function whenDiskAllows(write: () => void): void {
  try {
    write();
  } catch (err) {
    const e = err instanceof StorageError ? err : classifySqliteError(err);
    if (!(e instanceof StorageError && e.code === 'storage.disk_full')) throw err;
  }
}
