import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ipcMain, BrowserWindow, resetElectronMock } from '../../test/mocks/electron';
import { checkSender, FORBIDDEN_SENDER, registerIpc } from './ipc';
import { invokeChannel, pushChannel } from '../contract/names';
import { composeServices, type Services } from '../services/compose';
import { parseConfig } from '../services/config/load-config';
import { createLogger } from '../services/app/logger';

vi.mock('electron', () => import('../../test/mocks/electron'));

const good = { senderId: 7, windowContentsId: 7, frameUrl: 'app://kiosk/index.html', isMainFrame: true };

describe('IPC sender check', () => {
  it('accepts our window\'s main frame on app://', () => {
    expect(checkSender(good)).toEqual({ ok: true });
  });

  it('refuses anything else', () => {
    expect(checkSender({ ...good, windowContentsId: null })).toMatchObject({ ok: false, reason: 'no kiosk window' });
    expect(checkSender({ ...good, senderId: 8 })).toMatchObject({ ok: false, reason: 'not the kiosk window' });
    expect(checkSender({ ...good, frameUrl: null })).toMatchObject({ ok: false, reason: 'sender frame is gone' });
    expect(checkSender({ ...good, isMainFrame: false })).toMatchObject({ ok: false, reason: 'not the main frame' });
    for (const frameUrl of ['https://example.com/', 'file:///tmp/x.html', 'app://evil/index.html', 'devtools://devtools/x']) {
      expect(checkSender({ ...good, frameUrl }), frameUrl).toMatchObject({ ok: false, reason: 'not an app:// page' });
    }
  });
});

describe('IPC wiring', () => {
  let dataDir: string;
  let services: Services;
  let win: BrowserWindow;
  let dispose: () => void;
  const log = { warn: vi.fn(), error: vi.fn() };

  beforeEach(async () => {
    resetElectronMock();
    dataDir = mkdtempSync(join(tmpdir(), 'itda-ipc-'));
    services = await composeServices({
      dataDir,
      config: parseConfig({ kioskId: 'test-kiosk' }),
      host: 'electron',
      version: '0.0.0-test',
      modules: [],
      logger: createLogger({ dir: join(dataDir, 'logs'), echo: false }),
    });
    win = new BrowserWindow({});
    dispose = registerIpc({ ipcMain, getWindow: () => win, services, log });
  });

  afterEach(async () => {
    dispose();
    await services.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const eventFrom = (contents: { id: number }, url = 'app://kiosk/index.html', parent: unknown = null) => ({
    sender: contents,
    senderFrame: { url, parent },
  });

  it('registers one handler on the invoke channel', () => {
    expect([...ipcMain.handlers.keys()]).toEqual([invokeChannel]);
  });

  it('answers a good call from the kiosk page through the shared dispatcher', async () => {
    const dispatch = vi.spyOn(services, 'dispatch');
    const result = await ipcMain.invoke(invokeChannel, eventFrom(win.webContents), 'app.info', {});
    expect(result).toMatchObject({ ok: true, value: { kioskId: 'test-kiosk', host: 'electron' } });
    expect(dispatch).toHaveBeenCalledWith('app.info', {}, { transport: 'ipc', principal: { kind: 'screen' } });
  });

  it('validates input with the contract schemas', async () => {
    const result = await ipcMain.invoke(invokeChannel, eventFrom(win.webContents), 'app.visitorEvent', { kind: 'session.start', language: 'fr' });
    expect(result).toMatchObject({ ok: false, error: { code: 'contract.invalid_input', messageKey: 'errors.contract.invalid_input' } });
    const unknown = await ipcMain.invoke(invokeChannel, eventFrom(win.webContents), { toString: () => 'x' }, {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'contract.unknown_method' } });
  });

  it('refuses a call from another window, a subframe or a foreign page before dispatch', async () => {
    const dispatch = vi.spyOn(services, 'dispatch');
    const other = new BrowserWindow({});
    const forbidden = { ok: false, error: { code: FORBIDDEN_SENDER, messageKey: `errors.${FORBIDDEN_SENDER}`, retryable: false } };
    expect(await ipcMain.invoke(invokeChannel, eventFrom(other.webContents), 'app.info', {})).toEqual(forbidden);
    expect(await ipcMain.invoke(invokeChannel, eventFrom(win.webContents, 'app://kiosk/x', { url: 'app://kiosk/' }), 'app.info', {})).toEqual(forbidden);
    expect(await ipcMain.invoke(invokeChannel, eventFrom(win.webContents, 'https://example.com/'), 'app.info', {})).toEqual(forbidden);
    expect(await ipcMain.invoke(invokeChannel, { sender: win.webContents, senderFrame: null }, 'app.info', {})).toEqual(forbidden);
    const disposed = {
      sender: win.webContents,
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(await ipcMain.invoke(invokeChannel, disposed, 'app.info', {})).toEqual(forbidden);
    expect(dispatch).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith('refused an IPC call', expect.objectContaining({ method: 'app.info' }));
  });

  it('relays pushed events to the window on the push channel', () => {
    services.health.fail('storage.disk_full', 'no space left');
    expect(win.webContents.sent).toContainEqual({
      channel: pushChannel,
      args: [{ name: 'app.health', payload: expect.objectContaining({ status: 'out_of_service', reason: 'storage.disk_full' }) }],
    });
  });

  it('does not push to a closed window', () => {
    win.close();
    expect(() => services.health.fail('storage.disk_full', 'no space left')).not.toThrow();
    expect(win.webContents.sent).toEqual([]);
  });

  it('removes its handler and relay when disposed', () => {
    dispose();
    dispose = () => {};
    expect(ipcMain.handlers.size).toBe(0);
    services.health.fail('storage.disk_full', 'no space left');
    expect(win.webContents.sent).toEqual([]);
  });
});
