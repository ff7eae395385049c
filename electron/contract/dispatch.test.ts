import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type CallMeta, type Handlers, type StaffActionRecord, type StaffCaller, type StaffDoor } from './dispatch';
import { KioskError } from './errors';
import { api } from './api';

function handlers(over: Partial<Handlers> = {}): Handlers {
  const base: Record<string, unknown> = {};
  for (const name of Object.keys(api)) base[name] = () => {
    throw new Error(`unexpected call ${name}`);
  };
  return { ...(base as Handlers), ...over };
}

describe('dispatch', () => {
  it('answers an unknown method with a typed error, never a throw', async () => {
    const d = createDispatcher(handlers());
    const r = await d('app.format_disk', {});
    expect(r).toEqual({ ok: false, error: { code: 'contract.unknown_method', messageKey: 'errors.contract.unknown_method', retryable: false } });
    expect(await d('__proto__', {})).toMatchObject({ ok: false, error: { code: 'contract.unknown_method' } });
  });

  it('validates input before the handler runs, naming the bad field', async () => {
    const staffCall = vi.fn();
    const d = createDispatcher(handlers({ 'app.staffCall': staffCall }));
    const r = await d('app.staffCall', { screen: 'HOME; DROP TABLE', language: 'fr' });
    expect(staffCall).not.toHaveBeenCalled();
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('contract.invalid_input');
      expect(r.error.details?.some((d) => d.startsWith('screen:'))).toBe(true);
      expect(r.error.details?.some((d) => d.startsWith('language:'))).toBe(true);
    }
    expect(await d('app.staffCall', null)).toMatchObject({ ok: false, error: { code: 'contract.invalid_input' } });
  });

  it('passes parsed input to the handler and returns its validated output', async () => {
    const d = createDispatcher(handlers({ 'app.staffCall': ({ screen }) => ({ alertId: `alert-for-${screen}` }) }));
    expect(await d('app.staffCall', { screen: 'home', language: 'ko' })).toEqual({ ok: true, value: { alertId: 'alert-for-home' } });
  });

  it('turns a KioskError into its wire form and anything else into internal, reported as a fault', async () => {
    const onFault = vi.fn();
    const d = createDispatcher(
      handlers({
        'app.health': () => {
          throw new KioskError('vending.no_link', 'no link', { retryable: true });
        },
        'app.info': () => {
          throw new TypeError('secret stack detail');
        },
      }),
      onFault,
    );
    expect(await d('app.health', {})).toEqual({
      ok: false,
      error: { code: 'vending.no_link', messageKey: 'errors.vending.no_link', retryable: true },
    });
    const internal = await d('app.info', {});
    expect(internal).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.internal', retryable: false } });
    expect(JSON.stringify(internal)).not.toContain('secret');
    expect(onFault).toHaveBeenCalledTimes(1);
  });

  it('refuses output that breaks its own schema instead of sending it to the screen', async () => {
    const onFault = vi.fn();
    const d = createDispatcher(handlers({ 'app.staffCall': () => ({ alertId: 42 }) as never }), onFault);
    expect(await d('app.staffCall', { screen: 'home', language: 'en' })).toMatchObject({ ok: false, error: { code: 'contract.invalid_output' } });
    expect(onFault).toHaveBeenCalled();
  });
});

describe('dispatch: the access table at the door', () => {
  const token = 'k'.repeat(32);
  const screen: CallMeta = { transport: 'ws', connectionId: 'ws-1', principal: { kind: 'screen' }, peer: '127.0.0.1' };
  const device: CallMeta = { transport: 'ws', connectionId: 'ws-2', principal: { kind: 'device', deviceId: 'dev-1', name: 'desk tablet' }, peer: '192.168.0.20' };
  const anonymous: CallMeta = { transport: 'ws', connectionId: 'ws-3', principal: { kind: 'anonymous' }, peer: '192.168.0.66' };

  function door(role: StaffCaller['role'] | null, opts: { maintenance?: boolean } = {}) {
    const actions: StaffActionRecord[] = [];
    const d: StaffDoor = {
      session(t) {
        if (role === null || t !== token) throw new KioskError('staff.session_expired', 'no session');
        return { token: t, role, pinId: 'pin-1' };
      },
      maintenanceOpen: () => opts.maintenance ?? false,
      recordAction: (a) => actions.push(a),
    };
    return { d, actions };
  }

  it('serves visitor methods to the kiosk screen and in-process code only, before reading the input', async () => {
    const staffCall = vi.fn(() => ({ alertId: 'a-1' }));
    const d = createDispatcher(handlers({ 'app.staffCall': staffCall }));
    const input = { screen: 'home', language: 'ko' };
    expect(await d('app.staffCall', input, screen)).toEqual({ ok: true, value: { alertId: 'a-1' } });
    expect(await d('app.staffCall', input)).toEqual({ ok: true, value: { alertId: 'a-1' } });
    for (const meta of [device, anonymous]) {
      expect(await d('app.staffCall', input, meta)).toEqual({ ok: false, error: { code: 'contract.forbidden', messageKey: 'errors.contract.forbidden', retryable: false } });
      // Even bad input answers "forbidden": a stranger learns nothing of the schema.
      expect(await d('app.staffCall', { nonsense: true }, meta)).toMatchObject({ ok: false, error: { code: 'contract.forbidden' } });
    }
    expect(staffCall).toHaveBeenCalledTimes(2);
  });

  it('answers identity to anyone, but sign-in only to a principal that proved itself', async () => {
    const d = createDispatcher(
      handlers({
        'app.info': () => ({ kioskId: 'k', venueName: { ko: '잇다', en: 'Itda' }, idleSeconds: 60, idleCountdownSeconds: 15, languages: ['ko'], defaultLanguage: 'ko', version: 't', host: 'web' }) as never,
        'staff.authState': () => ({ needsSetup: false, lockedUntil: null, failures: 0 }),
      }),
    );
    expect((await d('app.info', {}, anonymous)).ok).toBe(true);
    expect((await d('staff.authState', {}, device)).ok).toBe(true);
    expect(await d('staff.authState', {}, anonymous)).toMatchObject({ ok: false, error: { code: 'contract.forbidden' } });
  });

  it('refuses every staff method when no domain keeps staff sessions', async () => {
    const alerts = vi.fn();
    const d = createDispatcher(handlers({ 'staff.alerts': alerts }));
    expect(await d('staff.alerts', { token }, screen)).toMatchObject({ ok: false, error: { code: 'contract.forbidden' } });
    expect(alerts).not.toHaveBeenCalled();
  });

  it('checks the session and the role before the handler, and hands the handler the session', async () => {
    const purge = vi.fn((_i: unknown, meta: CallMeta) => ({ erased: meta.staff?.role === 'admin' ? 3 : -1 }));
    const staffDoor = door('staff');
    const asStaff = createDispatcher(handlers({ 'store.staffPurge': purge }), undefined, staffDoor.d);
    expect(await asStaff('store.staffPurge', { token }, device)).toEqual({
      ok: false,
      error: { code: 'staff.forbidden', messageKey: 'errors.staff.forbidden', retryable: false },
    });
    expect(await asStaff('store.staffPurge', { token: 'z'.repeat(32) }, device)).toMatchObject({ ok: false, error: { code: 'staff.session_expired' } });
    expect(await asStaff('store.staffPurge', {}, device)).toMatchObject({ ok: false, error: { code: 'contract.invalid_input' } });
    expect(await asStaff('store.staffPurge', { token }, anonymous)).toMatchObject({ ok: false, error: { code: 'contract.forbidden' } });
    expect(purge).not.toHaveBeenCalled();

    const asAdmin = createDispatcher(handlers({ 'store.staffPurge': purge }), undefined, door('admin').d);
    // A host cannot smuggle a session in through the meta: the door sets it.
    const forged = { ...device, staff: { token, role: 'admin', pinId: 'forged' } } as CallMeta;
    expect(await asStaff('store.staffPurge', { token }, forged)).toMatchObject({ ok: false, error: { code: 'staff.forbidden' } });
    expect(await asAdmin('store.staffPurge', { token }, device)).toEqual({ ok: true, value: { erased: 3 } });
  });

  it('records each staff action with role, device and peer, but not reads', async () => {
    const { d: staffDoor, actions } = door('staff');
    const d = createDispatcher(
      handlers({
        'vending.staffRestock': () => ({ slots: [], clearedFaults: false, stillJammed: [] }),
        'vending.staffStock': () => ({ slots: [] }),
      }),
      undefined,
      staffDoor,
    );
    expect((await d('vending.staffStock', { token }, device)).ok).toBe(true);
    expect(actions).toEqual([]);
    expect((await d('vending.staffRestock', { token, slot: 4, count: 9 }, device)).ok).toBe(true);
    expect(actions).toEqual([
      { method: 'vending.staffRestock', caller: { token, role: 'staff', pinId: 'pin-1' }, principal: device.principal, peer: '192.168.0.20', target: 4 },
    ]);
  });

  it('refuses maintenance-only actions while maintenance mode is closed', async () => {
    const motor = vi.fn(() => ({}) as never);
    const closed = createDispatcher(handlers({ 'vending.staffMotorTest': motor }), undefined, door('technician').d);
    expect(await closed('vending.staffMotorTest', { token, slot: 1 }, screen)).toMatchObject({ ok: false, error: { code: 'staff.maintenance_required' } });
    expect(motor).not.toHaveBeenCalled();
  });
});

describe('dispatch: the shop level', () => {
  const phone: CallMeta = { transport: 'ws', connectionId: 'c-1', principal: { kind: 'device', deviceId: 'd-1', name: 'shop phone' } };
  const status = { status: 'unknown' as const, gives: null, expiresOn: null, usedAt: null };

  it('refuses shop methods on a kiosk without shop sessions, and to the screen whatever it holds', async () => {
    const check = vi.fn(() => status);
    const withoutDoor = createDispatcher(handlers({ 'coupons.shopCheck': check }));
    expect(await withoutDoor('coupons.shopCheck', { shopToken: 'x'.repeat(20), code: 'A' }, phone)).toMatchObject({ ok: false, error: { code: 'contract.forbidden' } });
    const withDoor = createDispatcher(handlers({ 'coupons.shopCheck': check }), undefined, undefined, { session: () => ({ shopId: 'shop-a', token: 't' }) });
    expect(await withDoor('coupons.shopCheck', { shopToken: 'x'.repeat(20), code: 'A' }, { transport: 'ws', principal: { kind: 'screen' } })).toMatchObject({ ok: false, error: { code: 'contract.forbidden' } });
    expect(check).not.toHaveBeenCalled();
  });

  it("hands the handler the session's shop, and nothing a host or the input claims", async () => {
    let seen: CallMeta | null = null;
    const d = createDispatcher(
      handlers({
        'coupons.shopCheck': (_i, meta) => {
          seen = meta;
          return status;
        },
      }),
      undefined,
      undefined,
      { session: (token) => ({ shopId: token.startsWith('a') ? 'shop-a' : 'shop-b', token }) },
    );
    const forged = { ...phone, shop: { shopId: 'shop-b', token: 'forged' } } as CallMeta;
    expect(await d('coupons.shopCheck', { shopToken: 'a'.repeat(20), code: 'A' }, forged)).toMatchObject({ ok: true });
    expect(seen!.shop).toEqual({ shopId: 'shop-a', token: 'a'.repeat(20) });
  });
});
