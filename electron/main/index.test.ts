/**
 * The main process's lifecycle under a fake `electron`: what a kiosk start,
 * a second start, a broken config, a renderer crash and a quit do.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { invokeChannel } from '../contract/names';
import { APP_START_URL } from './app-protocol';

vi.mock('electron', () => import('../../test/mocks/electron'));
// The shell alone: hardware domains (and their simulators) are not this test's business.
vi.mock('../services/domains', () => ({ shippedDomains: () => [] }));

type ElectronMock = typeof import('../../test/mocks/electron');

let electron: ElectronMock;
let dataDir: string;
const savedArgv = process.argv;
const savedEnv = { ...process.env };
const signalListeners = new Map<string, Function[]>();

async function loadMain(opts: { args?: string[]; singleInstance?: boolean; ready?: boolean } = {}) {
  electron = (await import('electron')) as unknown as ElectronMock;
  electron.resetElectronMock();
  electron.app.singleInstance = opts.singleInstance ?? true;
  process.argv = ['/opt/electron/electron', '/opt/itda', ...(opts.args ?? [])];
  vi.resetModules();
  await import('./index');
  if (opts.ready ?? true) electron.app.fireReady();
}

async function started() {
  await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
  return electron.BrowserWindow.instances[0];
}

async function quit() {
  const done = new Promise((resolve) => electron.app.once('will-quit', resolve));
  electron.app.quit();
  await done;
}

const fromKioskPage = (win: InstanceType<ElectronMock['BrowserWindow']>) => ({
  sender: win.webContents,
  senderFrame: { url: APP_START_URL, parent: null },
});

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'itda-main-'));
  process.env.ITDA_DATA_DIR = dataDir;
  process.env.ITDA_LOG_ECHO = '0';
  delete process.env.ITDA_CONFIG;
  delete process.env.ITDA_KIOSK;
  for (const s of ['SIGTERM', 'SIGINT']) signalListeners.set(s, process.listeners(s as NodeJS.Signals));
});

afterEach(() => {
  process.argv = savedArgv;
  process.env = { ...savedEnv };
  // index.ts adds signal handlers on every load; drop only the ones it added.
  for (const [s, before] of signalListeners) {
    for (const l of process.listeners(s as NodeJS.Signals)) if (!before.includes(l)) process.removeListener(s, l as never);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Electron main lifecycle', () => {
  it('registers app:// as privileged before ready', async () => {
    await loadMain({ ready: false });
    expect(electron.protocol.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(electron.BrowserWindow.instances).toHaveLength(0);
  });

  it('starts one hardened kiosk window over the services', async () => {
    await loadMain();
    const win = await started();
    expect(win.options).toMatchObject({ kiosk: true, fullscreen: true, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false } });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(win.loadURL).toHaveBeenCalledWith(APP_START_URL);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(electron.powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    expect(electron.protocol.handlers.has('app')).toBe(true);
    expect(electron.session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(electron.app.listenerCount('web-contents-created')).toBe(1);
    expect(electron.app.switches).toContainEqual(['disable-pinch', undefined]);

    const info = await electron.ipcMain.invoke(invokeChannel, fromKioskPage(win), 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });
    expect(existsSync(join(dataDir, 'itda.db'))).toBe(true);
    await quit();
  });

  it('serves the renderer through app:// with the CSP', async () => {
    await loadMain();
    await started();
    const res = await electron.protocol.handlers.get('app')!(new Request('app://kiosk/%2e%2e/%2e%2e/package.json'));
    expect([403, 404, 503]).toContain(res.status);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    await quit();
  });

  it('opens a window with devtools for --no-kiosk', async () => {
    await loadMain({ args: ['--no-kiosk'] });
    const win = await started();
    expect(win.options.kiosk).toBeUndefined();
    expect(win.options).toMatchObject({ webPreferences: { devTools: true, sandbox: true } });
    win.emit('ready-to-show');
    expect(win.webContents.openDevTools).toHaveBeenCalled();
    await quit();
  });

  it('quits at once when another kiosk instance runs', async () => {
    await loadMain({ singleInstance: false });
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.BrowserWindow.instances).toHaveLength(0);
  });

  it('shows the config problems and does not start on a bad config', async () => {
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ idleSeconds: 1, langauges: ['ko'] }));
    await loadMain();
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(2));
    const [title, body] = electron.dialog.showErrorBox.mock.calls[0];
    expect(title).toContain('설정 오류');
    expect(body).toContain('idleSeconds');
    expect(body).toContain('langauges');
    expect(electron.BrowserWindow.instances).toHaveLength(0);
  });

  it('reloads a crashed page, then relaunches the app after repeated crashes', async () => {
    await loadMain({ args: ['--data', dataDir] });
    const win = await started();
    for (let i = 0; i < 3; i++) win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(win.webContents.reload).toHaveBeenCalledTimes(3);
    expect(electron.app.relaunch).not.toHaveBeenCalled();
    const done = new Promise((resolve) => electron.app.once('will-quit', resolve));
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(electron.app.relaunch).toHaveBeenCalledWith({ args: ['/opt/itda', '--data', dataDir, '--relaunches=1'] });
    await done;
    const db = new Database(join(dataDir, 'itda.db'), { readonly: true });
    const faults = db.prepare("SELECT payload FROM events WHERE type = 'app.fault'").pluck().all() as string[];
    db.close();
    expect(faults).toHaveLength(4);
    expect(JSON.parse(faults[0])).toMatchObject({ where: 'electron-main', code: 'renderer.gone' });
  });

  it('closes the services and releases the power blocker on quit', async () => {
    await loadMain();
    await started();
    await quit();
    expect(electron.powerSaveBlocker.stop).toHaveBeenCalled();
    expect(electron.ipcMain.handlers.size).toBe(0);
    const db = new Database(join(dataDir, 'itda.db'), { readonly: true });
    const types = db.prepare('SELECT type FROM events ORDER BY rowid').pluck().all();
    db.close();
    expect(types.at(-1)).toBe('app.stopped');
  });
});
