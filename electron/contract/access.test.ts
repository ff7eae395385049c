import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api, type ApiMethod } from './api';
import { access, isStaffRule, principalMayCall, ruleOf, type AccessLevel, type AccessTable } from './access';
import type { Principal } from './dispatch';

describe('the access table', () => {
  it('has exactly one rule for every contract method, and nothing else', () => {
    expect(Object.keys(access).sort()).toEqual(Object.keys(api).sort());
  });

  it('gives a staff role to exactly the methods that carry a session token', () => {
    for (const method of Object.keys(api) as ApiMethod[]) {
      const input = api[method].input as z.ZodType;
      const shape = (input as unknown as { shape?: Record<string, unknown> }).shape;
      const carriesToken = !!shape && 'token' in shape;
      expect({ method, staff: isStaffRule(ruleOf(method)) }).toEqual({ method, staff: carriesToken });
    }
  });

  it('keeps simulator faults for technicians, erasure for admins, and visitor methods on the screen', () => {
    expect(access['printer.simFaults'].who).toBe('technician');
    expect(access['vending.simFaults'].who).toBe('technician');
    expect(access['store.staffEraseVisitor'].who).toBe('admin');
    for (const m of ['pharmacy.prescribe', 'pharmacy.crisis', 'store.identify', 'store.crisis', 'app.staffCall', 'a11y.speak'] as const) expect(access[m].who).toBe('screen');
    expect(access['vending.staffMotorTest']).toMatchObject({ maintenance: true, does: 'act' });
  });

  it('lets each principal reach only its levels', () => {
    const screen: Principal = { kind: 'screen' };
    const device: Principal = { kind: 'device', deviceId: 'd-1', name: 'desk tablet' };
    const anonymous: Principal = { kind: 'anonymous' };
    const local: Principal = { kind: 'local' };
    const levels: AccessLevel[] = ['open', 'known', 'screen', 'staff', 'technician', 'admin'];
    const row = (p: Principal) => levels.filter((l) => principalMayCall(l, p));
    expect(row(screen)).toEqual(levels);
    expect(row(local)).toEqual(levels);
    expect(row(device)).toEqual(['open', 'known', 'staff', 'technician', 'admin']);
    expect(row(anonymous)).toEqual(['open']);
    // A 동행 가게's phone is an enrolled device: never the kiosk's screen, never a stranger.
    expect([screen, device, anonymous, local].map((p) => principalMayCall('shop', p))).toEqual([false, true, false, true]);
  });

  it('gives the shop level to exactly the methods that carry a shop session token', () => {
    for (const method of Object.keys(api) as ApiMethod[]) {
      const shape = (api[method].input as unknown as { shape?: Record<string, unknown> }).shape;
      expect({ method, shop: ruleOf(method).who === 'shop' }).toEqual({ method, shop: !!shape && 'shopToken' in shape });
    }
  });

  it('does not compile without a line for every method (type-level)', () => {
    const { 'app.info': _left, ...rest } = access;
    // @ts-expect-error a table that forgets a method is not an AccessTable
    const incomplete: AccessTable = rest;
    // @ts-expect-error a method that carries a token cannot be a screen method
    const wrongLevel: AccessTable = { ...access, 'staff.alerts': { who: 'screen' } };
    // @ts-expect-error a screen method cannot be given a staff role (it has no token to check)
    const noToken: AccessTable = { ...access, 'store.identify': { who: 'staff', does: 'read' } };
    // @ts-expect-error a target must be one of the method's input fields
    const badTarget: AccessTable = { ...access, 'vending.staffRestock': { who: 'staff', does: 'act', target: 'nope' } };
    expect([incomplete, wrongLevel, noToken, badTarget].every(Boolean)).toBe(true);
  });
});
