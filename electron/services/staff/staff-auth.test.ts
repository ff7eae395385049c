import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scryptSync, randomBytes } from 'node:crypto';
import { openDatabase, type Db } from '../storage/database';
import { StaffAuth, LOCK_MS, SESSION_IDLE_MS, SESSION_MAX_MS, type PinOrigin } from './staff-auth';
import { lockDuration, lockoutScope } from './pin-lockout';
import { CURRENT_PARAMS, pinTooSimple, type ScryptParams } from './pin-hash';

const here: PinOrigin = { transport: 'test' };
const pad: PinOrigin = { transport: 'ipc', principal: { kind: 'screen' } };
const ws = (n: number): PinOrigin => ({ transport: 'ws', connectionId: `ws-${n}`, principal: { kind: 'screen' } });
const tablet: PinOrigin = { transport: 'ws', connectionId: 'ws-7', principal: { kind: 'device', deviceId: 'dev-7', name: 'tablet' }, peer: '192.168.0.7' };

const ADMIN = '258013';

describe('staff PINs, setup code, lockout and sessions', () => {
  let dir: string;
  let db: Db;
  let clock: number;
  let events: { type: string; payload: any }[];
  // The lockout and session logic does not need the full hash cost (the first test checks the real parameters).
  const make = (hashParams: ScryptParams = { alg: 'scrypt', N: 1 << 10, r: 8, p: 1 }) =>
    new StaffAuth({ db, now: () => clock, record: (type, payload) => events.push({ type, payload: payload as any }), hashParams });
  const firstAdmin = async (auth: StaffAuth, origin: PinOrigin = here) => auth.setup(await auth.setupCodes.issue(), ADMIN, origin);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'itda-staff-auth-'));
    db = openDatabase({ dataDir: dir });
    clock = Date.parse('2026-11-25T01:00:00Z');
    events = [];
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has no default PIN, and the first admin needs the one-time setup code', { timeout: 120_000 }, async () => {
    const auth = make(CURRENT_PARAMS);
    expect(auth.needsSetup()).toBe(true);
    await expect(auth.login('000000', here)).rejects.toMatchObject({ code: 'staff.setup_required' });
    const old = await auth.setupCodes.issue();
    const code = await auth.setupCodes.issue();
    // Only the newest code works; a guessed one counts as a wrong try.
    await expect(auth.setup(old, ADMIN, here)).rejects.toMatchObject({ code: 'staff.setup_code_wrong' });
    await expect(auth.setup('0123456789', ADMIN, here)).rejects.toMatchObject({ code: 'staff.setup_code_wrong' });
    await expect(auth.setup(code, '2580', here)).rejects.toMatchObject({ code: 'staff.pin_invalid' });
    const s = await auth.setup(code, ADMIN, here);
    expect(s.role).toBe('admin');
    // The code dies once used, and only hashes are stored.
    await expect(auth.setup(code, '369147', here)).rejects.toMatchObject({ code: 'staff.already_set_up' });
    const stored = JSON.stringify([db.prepare('SELECT * FROM staff_pins').all(), db.prepare('SELECT * FROM staff_setup_codes').all()]);
    expect(stored).not.toContain(ADMIN);
    expect(stored).not.toContain(code);
    expect(JSON.parse((db.prepare('SELECT params FROM staff_pins').pluck().get() as string))).toEqual(CURRENT_PARAMS);
  });

  it('gives each PIN its role with its length rule, and a session answers only on the connection that opened it', async () => {
    const auth = make();
    const admin = await firstAdmin(auth);
    await auth.addPin('staff', 'desk', '4826');
    await expect(auth.addPin('technician', 'short', '7391')).rejects.toMatchObject({ code: 'staff.pin_invalid' });
    await auth.addPin('technician', 'tech', '739146');
    const staff = await auth.login('4826', here);
    const tech = await auth.login('739146', ws(1));
    expect([staff.role, tech.role, admin.role]).toEqual(['staff', 'technician', 'admin']);
    expect(auth.sessions.check(tech.token, ws(1)).role).toBe('technician');
    expect(() => auth.sessions.check(tech.token, ws(2))).toThrow(expect.objectContaining({ code: 'staff.session_expired' }));
    expect(() => auth.sessions.check(tech.token, here)).toThrow(expect.objectContaining({ code: 'staff.session_expired' }));
    expect(() => auth.sessions.check(tech.token, { ...ws(1), principal: tablet.principal })).toThrow(expect.objectContaining({ code: 'staff.session_expired' }));
    auth.sessions.endConnection('ws-1');
    expect(() => auth.sessions.check(tech.token, ws(1))).toThrow(expect.objectContaining({ code: 'staff.session_expired' }));
    expect(events.at(-1)).toEqual({ type: 'staff.logout', payload: expect.objectContaining({ role: 'technician', reason: 'closed' }) });
    await expect(auth.addPin('staff', 'dup', '4826')).rejects.toMatchObject({ code: 'staff.pin_taken' });
    await expect(auth.addPin('staff', 'easy', '1234')).rejects.toMatchObject({ code: 'staff.pin_invalid' });
  });

  it('keeps verifying a PIN hashed before parameters were stored (N=2^14)', async () => {
    const auth = make();
    await firstAdmin(auth);
    const salt = randomBytes(16);
    const hash = scryptSync('5937', salt, 32, { N: 1 << 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    db.prepare("INSERT INTO staff_pins (id, role, label, salt, hash, created_at) VALUES ('legacy', 'staff', 'old desk', ?, ?, 'x')").run(salt.toString('base64'), hash.toString('base64'));
    expect((await auth.login('5937', here)).pinId).toBe('legacy');
  });

  it('locks a scope after five wrong PINs, longer each time, and a restart does not reset the count', async () => {
    let auth = make();
    await firstAdmin(auth);
    for (let i = 0; i < 3; i++) await expect(auth.login('111111', pad)).rejects.toMatchObject({ code: 'staff.pin_wrong' });
    auth = make(); // restart: a new service on the same database
    expect(auth.padState(pad).failures).toBe(3);
    await expect(auth.login('111111', pad)).rejects.toMatchObject({ code: 'staff.pin_wrong' });
    await expect(auth.login('111111', pad)).rejects.toMatchObject({ code: 'staff.locked' });
    // Even the right PIN is refused while locked.
    await expect(make().login(ADMIN, pad)).rejects.toMatchObject({ code: 'staff.locked' });
    expect(events.filter((e) => e.type === 'staff.locked_out')).toHaveLength(1);
    clock += LOCK_MS + 1;
    for (let i = 0; i < 5; i++) await expect(auth.login('111111', pad)).rejects.toMatchObject({ code: i < 4 ? 'staff.pin_wrong' : 'staff.locked' });
    // The second lock lasts twice as long.
    clock += LOCK_MS + 1;
    await expect(auth.login(ADMIN, pad)).rejects.toMatchObject({ code: 'staff.locked' });
    clock += LOCK_MS;
    expect((await auth.login(ADMIN, pad)).role).toBe('admin');
    expect([0, 1, 2, 30].map(lockDuration)).toEqual([LOCK_MS, 2 * LOCK_MS, 4 * LOCK_MS, 24 * 60 * 60_000]);
  });

  it('counts wrong PINs per scope: a device guessing cannot lock the kiosk pad', async () => {
    const auth = make();
    await firstAdmin(auth);
    for (let i = 0; i < 5; i++) await auth.login('111111', tablet).catch(() => undefined);
    expect(auth.padState(tablet).lockedUntil).not.toBeNull();
    expect(auth.padState(pad)).toEqual({ lockedUntil: null, failures: 0 });
    expect((await auth.login(ADMIN, pad)).role).toBe('admin');
    expect([lockoutScope(pad), lockoutScope(tablet), lockoutScope({ transport: 'ws', peer: '10.0.0.9' }), lockoutScope(here)]).toEqual(['pad', 'device:dev-7', 'peer:10.0.0.9', 'local']);
  });

  it('ends a session two minutes after the last touch; checking it (a poll) does not extend it', async () => {
    const auth = make();
    const s = await firstAdmin(auth);
    clock += SESSION_IDLE_MS - 1000;
    auth.sessions.touch(s.token);
    clock += SESSION_IDLE_MS - 1000;
    auth.sessions.check(s.token, here);
    clock += 1000;
    auth.sessions.sweep();
    expect(() => auth.sessions.check(s.token, here)).toThrow(expect.objectContaining({ code: 'staff.session_expired' }));
    expect(events.at(-1)).toEqual({ type: 'staff.logout', payload: expect.objectContaining({ role: 'admin', reason: 'expired' }) });
  });

  it('ends a session after twelve hours even with a person at the console', async () => {
    const auth = make();
    const s = await firstAdmin(auth);
    for (let t = 0; t < SESSION_MAX_MS - 60_000; t += 60_000) {
      clock += 60_000;
      auth.sessions.touch(s.token);
    }
    expect(auth.sessions.check(s.token, here).role).toBe('admin');
    clock += 60_000;
    expect(() => auth.sessions.touch(s.token)).toThrow(expect.objectContaining({ code: 'staff.session_expired' }));
    expect(() => auth.sessions.check(s.token, here)).toThrow(expect.objectContaining({ code: 'staff.session_expired' }));
  });

  it('refuses PINs anyone would guess first', () => {
    expect(['0000', '1234', '9876', '7890', '000000', '123456'].map(pinTooSimple)).toEqual([true, true, true, true, true, true]);
    expect(pinTooSimple('258013')).toBe(false);
  });
});
