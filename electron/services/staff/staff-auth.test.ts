import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../storage/database';
import { StaffAuth, LOCK_MS, SESSION_IDLE_MS } from './staff-auth';
import { pinTooSimple } from './pin-hash';

describe('staff PINs, lockout and sessions', () => {
  let dir: string;
  let db: Db;
  let clock: number;
  let events: { type: string; payload: any }[];
  const make = () => new StaffAuth({ db, now: () => clock, record: (type, payload) => events.push({ type, payload: payload as any }) });

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

  it('has no default PIN: login answers setup_required until the first admin PIN is set', () => {
    const auth = make();
    expect(auth.needsSetup()).toBe(true);
    expect(() => auth.login('0000', 'test')).toThrow(expect.objectContaining({ code: 'staff.setup_required' }));
    const s = auth.setup('2580', 'test');
    expect(s.role).toBe('admin');
    expect(() => auth.setup('3691', 'test')).toThrow(expect.objectContaining({ code: 'staff.already_set_up' }));
    // Only the hash is stored.
    expect(JSON.stringify(db.prepare('SELECT * FROM staff_pins').all())).not.toContain('2580');
  });

  it('gives each PIN its role, and a lower role cannot do what a higher one does', () => {
    const auth = make();
    const admin = auth.setup('2580', 'test');
    auth.addPin('staff', 'desk', '4826');
    auth.addPin('technician', 'tech', '7391');
    const staff = auth.login('4826', 'test');
    const tech = auth.login('7391', 'ws');
    expect([staff.role, tech.role]).toEqual(['staff', 'technician']);
    expect(() => auth.require(staff.token, 'technician')).toThrow(expect.objectContaining({ code: 'staff.forbidden' }));
    expect(auth.require(tech.token, 'staff').role).toBe('technician');
    expect(() => auth.require(tech.token, 'admin')).toThrow(expect.objectContaining({ code: 'staff.forbidden' }));
    expect(auth.require(admin.token, 'technician').role).toBe('admin');
    expect(() => auth.addPin('staff', 'dup', '4826')).toThrow(expect.objectContaining({ code: 'staff.pin_taken' }));
    expect(() => auth.addPin('staff', 'easy', '1234')).toThrow(expect.objectContaining({ code: 'staff.pin_invalid' }));
  });

  it('locks the pad after five wrong PINs for five minutes, and a restart does not reset the count', () => {
    let auth = make();
    auth.setup('2580', 'test');
    for (let i = 0; i < 3; i++) expect(() => auth.login('1111', 'test')).toThrow(expect.objectContaining({ code: 'staff.pin_wrong' }));
    auth = make(); // restart: a new service on the same database
    expect(auth.failures()).toBe(3);
    expect(() => auth.login('1111', 'test')).toThrow(expect.objectContaining({ code: 'staff.pin_wrong' }));
    expect(() => auth.login('1111', 'test')).toThrow(expect.objectContaining({ code: 'staff.locked' }));
    // Even the right PIN is refused while locked.
    expect(() => make().login('2580', 'test')).toThrow(expect.objectContaining({ code: 'staff.locked' }));
    expect(events.filter((e) => e.type === 'staff.locked_out')).toHaveLength(1);
    clock += LOCK_MS + 1;
    expect(make().login('2580', 'test').role).toBe('admin');
  });

  it('ends a session after two minutes without a call; each call starts the two minutes again', () => {
    const auth = make();
    const s = auth.setup('2580', 'test');
    clock += SESSION_IDLE_MS - 1000;
    auth.require(s.token, 'staff');
    clock += SESSION_IDLE_MS - 1000;
    auth.require(s.token, 'staff');
    clock += SESSION_IDLE_MS;
    auth.sweep();
    expect(() => auth.require(s.token, 'staff')).toThrow(expect.objectContaining({ code: 'staff.session_expired' }));
    expect(events.at(-1)).toEqual({ type: 'staff.logout', payload: expect.objectContaining({ role: 'admin', reason: 'expired' }) });
  });

  it('refuses PINs anyone would guess first', () => {
    expect(['0000', '1234', '9876', '7890'].map(pinTooSimple)).toEqual([true, true, true, true]);
    expect(pinTooSimple('2580')).toBe(false);
  });
});
