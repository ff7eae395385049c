/**
 * Who may use the staff console: PINs by role, the lockout and sessions.
 *
 * - Roles rank staff < technician < admin; a higher role can do what a lower one can.
 * - There is no default PIN: until an admin PIN is set, only `setup` answers.
 * - Five wrong PINs in a row lock the pad for five minutes. The counter lives
 *   in SQLite, so restarting the app does not reset it.
 * - A session is a random token, held in memory only (a restart logs staff
 *   out), ending after two minutes without a call. IPC and WebSocket callers
 *   present the same token, so both transports behave the same.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../storage/database';
import { ulid } from '../storage/ids';
import { hashPin, pinMatches, pinTooSimple, PIN_PATTERN } from './pin-hash';
import { StaffError } from './staff-errors';

export type StaffRole = 'staff' | 'technician' | 'admin';
export const ROLE_RANK: Record<StaffRole, number> = { staff: 1, technician: 2, admin: 3 };

export const MAX_FAILURES = 5;
export const LOCK_MS = 5 * 60_000;
export const SESSION_IDLE_MS = 2 * 60_000;
const SCOPE = 'kiosk';

export interface StaffSession {
  token: string;
  role: StaffRole;
  pinId: string;
  expiresAt: number;
}

export interface PinRow {
  id: string;
  role: StaffRole;
  label: string;
  createdAt: string;
}

export interface StaffAuthDeps {
  db: Db;
  now?: () => number;
  record(type: string, payload: unknown): void;
  /** A session ended (logout or expiry): maintenance mode closes with a technician's session. */
  onSessionEnd?(s: StaffSession, reason: 'logout' | 'expired'): void;
}

export class StaffAuth {
  private readonly sessions = new Map<string, StaffSession>();
  private readonly now: () => number;

  constructor(private readonly d: StaffAuthDeps) {
    this.now = d.now ?? Date.now;
  }

  needsSetup(): boolean {
    return !this.d.db.prepare("SELECT 1 FROM staff_pins WHERE role = 'admin' AND removed_at IS NULL").get();
  }

  /** When the pad is locked, until when (ISO); else null. */
  lockedUntil(): string | null {
    const r = this.d.db.prepare('SELECT locked_until FROM staff_lockout WHERE scope = ?').get(SCOPE) as { locked_until: string | null } | undefined;
    if (!r?.locked_until) return null;
    return Date.parse(r.locked_until) > this.now() ? r.locked_until : null;
  }

  failures(): number {
    const r = this.d.db.prepare('SELECT failures FROM staff_lockout WHERE scope = ?').get(SCOPE) as { failures: number } | undefined;
    return r?.failures ?? 0;
  }

  /** First start: the first admin PIN. Refused once one exists. */
  setup(pin: string, transport: string): StaffSession {
    if (!this.needsSetup()) throw new StaffError('staff.already_set_up', 'an admin PIN already exists');
    const id = this.addPin('admin', 'admin', pin);
    this.d.record('staff.pin_setup', { pinId: id });
    return this.open('admin', id, transport);
  }

  login(pin: string, transport: string): StaffSession {
    if (this.needsSetup()) throw new StaffError('staff.setup_required', 'no admin PIN yet: set one first');
    const until = this.lockedUntil();
    if (until) throw new StaffError('staff.locked', `locked until ${until}`, { details: [until] });
    const match = this.activePins().find((p) => pinMatches(pin, p));
    if (!match) {
      const failures = this.noteFailure();
      this.d.record('staff.login_failed', { failures, transport });
      if (failures >= MAX_FAILURES) {
        const lockedUntil = new Date(this.now() + LOCK_MS).toISOString();
        this.d.db.prepare('UPDATE staff_lockout SET locked_until = ?, failures = 0 WHERE scope = ?').run(lockedUntil, SCOPE);
        this.d.record('staff.locked_out', { until: lockedUntil, failures });
        throw new StaffError('staff.locked', `locked until ${lockedUntil}`, { details: [lockedUntil] });
      }
      throw new StaffError('staff.pin_wrong', 'wrong PIN', { details: [String(MAX_FAILURES - failures)] });
    }
    this.d.db.prepare('INSERT INTO staff_lockout (scope, failures, locked_until) VALUES (?, 0, NULL) ON CONFLICT(scope) DO UPDATE SET failures = 0, locked_until = NULL').run(SCOPE);
    return this.open(match.role, match.id, transport);
  }

  /** The session of a token, touched (its two minutes start again); throws when missing, expired or too low a role. */
  require(token: string, role: StaffRole): StaffSession {
    const s = this.sessions.get(token);
    if (!s) throw new StaffError('staff.session_expired', 'no such session');
    if (s.expiresAt <= this.now()) {
      this.end(s, 'expired');
      throw new StaffError('staff.session_expired', 'the session expired');
    }
    s.expiresAt = this.now() + SESSION_IDLE_MS;
    if (ROLE_RANK[s.role] < ROLE_RANK[role]) throw new StaffError('staff.forbidden', `needs the ${role} role`);
    return s;
  }

  logout(token: string): void {
    const s = this.sessions.get(token);
    if (s) this.end(s, 'logout');
  }

  /** Ends sessions idle for two minutes (called on a timer so maintenance mode closes on its own). */
  sweep(): void {
    for (const s of [...this.sessions.values()]) if (s.expiresAt <= this.now()) this.end(s, 'expired');
  }

  activeSessions(): StaffSession[] {
    return [...this.sessions.values()].filter((s) => s.expiresAt > this.now());
  }

  pins(): PinRow[] {
    return (this.d.db.prepare('SELECT id, role, label, created_at FROM staff_pins WHERE removed_at IS NULL ORDER BY created_at').all() as { id: string; role: StaffRole; label: string; created_at: string }[]).map(
      (r) => ({ id: r.id, role: r.role, label: r.label, createdAt: r.created_at }),
    );
  }

  addPin(role: StaffRole, label: string, pin: string): string {
    if (!PIN_PATTERN.test(pin)) throw new StaffError('staff.pin_invalid', 'a PIN is 4 to 8 digits');
    if (pinTooSimple(pin)) throw new StaffError('staff.pin_invalid', 'the PIN is too easy to guess');
    if (this.activePins().some((p) => pinMatches(pin, p))) throw new StaffError('staff.pin_taken', 'another role already uses this PIN');
    const id = ulid();
    const { salt, hash } = hashPin(pin);
    this.d.db.prepare('INSERT INTO staff_pins (id, role, label, salt, hash, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, role, label, salt, hash, new Date(this.now()).toISOString());
    return id;
  }

  removePin(id: string): void {
    const row = this.d.db.prepare('SELECT role FROM staff_pins WHERE id = ? AND removed_at IS NULL').get(id) as { role: StaffRole } | undefined;
    if (!row) throw new StaffError('staff.pin_not_found', `no PIN ${id}`);
    const admins = this.activePins().filter((p) => p.role === 'admin').length;
    if (row.role === 'admin' && admins <= 1) throw new StaffError('staff.last_admin', 'the last admin PIN cannot be removed');
    this.d.db.prepare('UPDATE staff_pins SET removed_at = ? WHERE id = ?').run(new Date(this.now()).toISOString(), id);
    for (const s of [...this.sessions.values()]) if (s.pinId === id) this.end(s, 'logout');
  }

  private activePins(): { id: string; role: StaffRole; salt: string; hash: string }[] {
    return this.d.db.prepare('SELECT id, role, salt, hash FROM staff_pins WHERE removed_at IS NULL').all() as { id: string; role: StaffRole; salt: string; hash: string }[];
  }

  private noteFailure(): number {
    return this.d.db.transaction(() => {
      this.d.db.prepare('INSERT INTO staff_lockout (scope, failures) VALUES (?, 1) ON CONFLICT(scope) DO UPDATE SET failures = failures + 1').run(SCOPE);
      return this.failures();
    }).immediate();
  }

  private open(role: StaffRole, pinId: string, transport: string): StaffSession {
    const s: StaffSession = { token: randomBytes(24).toString('base64url'), role, pinId, expiresAt: this.now() + SESSION_IDLE_MS };
    this.sessions.set(s.token, s);
    this.d.record('staff.login', { role, pinId, transport });
    return s;
  }

  private end(s: StaffSession, reason: 'logout' | 'expired'): void {
    if (!this.sessions.delete(s.token)) return;
    this.d.record('staff.logout', { role: s.role, pinId: s.pinId, reason });
    this.d.onSessionEnd?.(s, reason);
  }
}
