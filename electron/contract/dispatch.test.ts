import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Handlers } from './dispatch';
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
