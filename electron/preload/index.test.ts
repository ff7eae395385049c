import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ItdaBridge } from './itda-bridge';
import { invokeChannel, methodNames, pushChannel } from '../contract/names';

vi.mock('electron', () => import('../../test/mocks/electron'));

type ElectronMock = typeof import('../../test/mocks/electron');

// The preload keeps module state (its one push listener), so each test loads a fresh copy
// (resetModules reloads the preload; the electron mock survives it and is reset by hand).
async function loadPreload(): Promise<{ electron: ElectronMock; bridge: ItdaBridge }> {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as ElectronMock;
  electron.resetElectronMock();
  await import('./index');
  return { electron, bridge: electron.contextBridge.exposed.get('itda') as ItdaBridge };
}

describe('preload bridge', () => {
  let electron: ElectronMock;
  let bridge: ItdaBridge;

  beforeEach(async () => {
    ({ electron, bridge } = await loadPreload());
  });

  it('exposes only window.itda with call and on, no ipcRenderer', () => {
    expect([...electron.contextBridge.exposed.keys()]).toEqual(['itda']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on']);
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);
  });

  it('sends a contract call over the one invoke channel and returns main\'s Result', async () => {
    const answer = { ok: true, value: { status: 'ok', reason: null, detail: null } };
    electron.ipcRenderer.invoke.mockResolvedValueOnce(answer);
    await expect(bridge.call('app.health', {})).resolves.toEqual(answer);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(invokeChannel, 'app.health', {});
  });

  it('answers an unknown method with a typed error and no IPC', async () => {
    for (const name of ['fs.readFile', '', '__proto__', 'constructor']) {
      await expect(bridge.call(name, {})).resolves.toEqual({
        ok: false,
        error: { code: 'contract.unknown_method', messageKey: 'errors.contract.unknown_method', retryable: false },
      });
    }
    await expect(bridge.call(42 as unknown as string, {})).resolves.toMatchObject({ ok: false, error: { code: 'contract.unknown_method' } });
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('turns a broken IPC link into an internal error instead of rejecting', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    await expect(bridge.call(methodNames[0], { f: () => 1 })).resolves.toEqual({
      ok: false,
      error: { code: 'internal', messageKey: 'errors.internal', retryable: false },
    });
  });

  it('listens on one push channel and hands listeners the payload only', () => {
    expect(electron.ipcRenderer.on).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.on).toHaveBeenCalledWith(pushChannel, expect.any(Function));
    const health = vi.fn();
    const alerts = vi.fn();
    bridge.on('app.health', health);
    bridge.on('staff.alert', alerts);
    const payload = { status: 'out_of_service', reason: 'storage.corrupt', detail: null };
    electron.ipcRenderer.emit(pushChannel, { name: 'app.health', payload });
    expect(health).toHaveBeenCalledWith(payload);
    expect(health.mock.calls[0]).toHaveLength(1);
    expect(alerts).not.toHaveBeenCalled();
  });

  it('stops delivering after unsubscribe, per subscription', () => {
    const listener = vi.fn();
    const first = bridge.on('device.status', listener);
    bridge.on('device.status', listener);
    first();
    electron.ipcRenderer.emit(pushChannel, { name: 'device.status', payload: { device: 'printer', status: {} } });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('ignores subscriptions to names outside the contract', () => {
    const listener = vi.fn();
    const off = bridge.on('ipc.raw', listener);
    electron.ipcRenderer.emit(pushChannel, { name: 'ipc.raw', payload: 1 });
    expect(listener).not.toHaveBeenCalled();
    expect(off).not.toThrow();
  });

  it('keeps delivering to other listeners when one throws', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const good = vi.fn();
    bridge.on('staff.alert', () => {
      throw new Error('screen bug');
    });
    bridge.on('staff.alert', good);
    electron.ipcRenderer.emit(pushChannel, { name: 'staff.alert', payload: { id: 'a1', kind: 'staff_call', at: 'now' } });
    expect(good).toHaveBeenCalledTimes(1);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });

  it('drops malformed pushes', () => {
    const listener = vi.fn();
    bridge.on('app.health', listener);
    for (const bad of [null, 'app.health', { payload: 1 }, { name: 7 }]) electron.ipcRenderer.emit(pushChannel, bad);
    expect(listener).not.toHaveBeenCalled();
  });
});
