import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, resetElectronMock } from '../../test/mocks/electron';
import { createKioskWindow, type KioskWindowOptions } from './kiosk-window';
import { APP_START_URL } from './app-protocol';

vi.mock('electron', () => import('../../test/mocks/electron'));

function open(overrides: Partial<KioskWindowOptions> = {}) {
  const opts = {
    kiosk: true,
    preloadPath: '/opt/itda/out/preload/index.cjs',
    relaunchesSoFar: 0,
    log: { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn(), child: vi.fn() },
    onFatal: vi.fn(),
    onFault: vi.fn(),
    isQuitting: () => false,
    ...overrides,
  } satisfies KioskWindowOptions;
  createKioskWindow(opts);
  return { win: BrowserWindow.instances.at(-1)!, opts };
}

beforeEach(() => {
  resetElectronMock();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('kiosk window', () => {
  it('loads the app page and shows itself when painted', () => {
    const { win } = open();
    expect(win.loadURL).toHaveBeenCalledWith(APP_START_URL);
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
    expect(win.webContents.openDevTools).not.toHaveBeenCalled();
  });

  it('locks pinch-zoom once the page has loaded', () => {
    const { win } = open();
    win.webContents.emit('did-finish-load');
    expect(win.webContents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
  });

  it('cannot be closed from the keyboard in kiosk mode, only by quitting', () => {
    let quitting = false;
    const { win } = open({ isQuitting: () => quitting });
    expect(win.close()).toBe(false);
    quitting = true;
    expect(win.close()).toBe(true);
  });

  it('closes normally in windowed mode', () => {
    const { win } = open({ kiosk: false });
    expect(win.close()).toBe(true);
  });

  it('restarts a page that stays hung', () => {
    const { win, opts } = open();
    win.emit('unresponsive');
    vi.advanceTimersByTime(14_000);
    expect(win.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(win.webContents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    expect(opts.onFault).toHaveBeenCalledWith('renderer.hung', expect.any(String));
  });

  it('leaves a page alone that recovers', () => {
    const { win } = open();
    win.emit('unresponsive');
    vi.advanceTimersByTime(5_000);
    win.emit('responsive');
    vi.advanceTimersByTime(60_000);
    expect(win.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
  });

  it('gives up after reloads and relaunches are spent', () => {
    const { win, opts } = open({ relaunchesSoFar: 2 });
    for (let i = 0; i < 4; i++) win.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 9 });
    expect(win.webContents.reload).toHaveBeenCalledTimes(3);
    expect(opts.onFatal).toHaveBeenCalledWith('give-up', 'oom');
  });

  it('does not reload after a clean exit', () => {
    const { win, opts } = open();
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(win.webContents.reload).not.toHaveBeenCalled();
    expect(opts.onFault).not.toHaveBeenCalled();
  });
});
