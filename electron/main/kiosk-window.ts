/**
 * Creates the one kiosk window and keeps it alive: the page is loaded from
 * `app://kiosk`, pinch-zoom is locked, and a renderer that dies or hangs is
 * reloaded (then the app relaunched) per `crash-policy.ts`.
 */
import { BrowserWindow } from 'electron';
import { APP_START_URL } from './app-protocol';
import { createCrashPolicy, DEFAULT_CRASH_POLICY, type CrashAction } from './crash-policy';
import { windowOptions } from './window-options';
import type { Logger } from '../services/app/logger';

/** A hung page gets this long to recover before it is reloaded. */
const UNRESPONSIVE_GRACE_MS = 15_000;

export interface KioskWindowOptions {
  kiosk: boolean;
  preloadPath: string;
  relaunchesSoFar: number;
  log: Logger;
  /** Called when the policy says the app must relaunch or give up. */
  onFatal(action: Extract<CrashAction, 'relaunch' | 'give-up'>, reason: string): void;
  /** A fault worth an event in the log (ids and codes only). */
  onFault(code: string, message: string): void;
  /** Whether the app is quitting: in kiosk mode the window closes only then. */
  isQuitting(): boolean;
}

export function createKioskWindow(opts: KioskWindowOptions): BrowserWindow {
  const win = new BrowserWindow(windowOptions({ kiosk: opts.kiosk, preloadPath: opts.preloadPath }));
  const contents = win.webContents;
  const policy = createCrashPolicy({ ...DEFAULT_CRASH_POLICY, relaunchesSoFar: opts.relaunchesSoFar });

  win.once('ready-to-show', () => {
    win.show();
    if (!opts.kiosk) contents.openDevTools({ mode: 'detach' });
  });

  contents.on('did-finish-load', () => {
    // Pinch-zoom would strand a visitor in a magnified corner with no way back.
    contents.setVisualZoomLevelLimits(1, 1).catch(() => {});
  });

  contents.on('render-process-gone', (_event, details) => {
    const action = policy.decide(details.reason, Date.now());
    if (action === 'ignore') return;
    opts.log.error('the kiosk page stopped', { reason: details.reason, exitCode: details.exitCode, action });
    opts.onFault('renderer.gone', `${details.reason} (exit ${details.exitCode}); ${action}`);
    if (action === 'reload') {
      if (!win.isDestroyed()) contents.reload();
    } else {
      opts.onFatal(action, details.reason);
    }
  });

  win.on('close', (event) => {
    // Alt+F4 on an attached keyboard must not leave visitors at an empty desktop.
    if (opts.kiosk && !opts.isQuitting()) {
      event.preventDefault();
      opts.log.warn('refused to close the kiosk window');
    }
  });

  let hangTimer: NodeJS.Timeout | null = null;
  win.on('unresponsive', () => {
    opts.log.warn('the kiosk page is not responding');
    hangTimer ??= setTimeout(() => {
      hangTimer = null;
      if (win.isDestroyed()) return;
      opts.onFault('renderer.hung', `no response for ${UNRESPONSIVE_GRACE_MS / 1000} s; restarting the page`);
      // Crashing it routes the hang through the same render-process-gone policy.
      contents.forcefullyCrashRenderer();
    }, UNRESPONSIVE_GRACE_MS);
  });
  win.on('responsive', () => {
    if (hangTimer) clearTimeout(hangTimer);
    hangTimer = null;
  });
  win.on('closed', () => {
    if (hangTimer) clearTimeout(hangTimer);
  });

  void win.loadURL(APP_START_URL).catch((err: unknown) => opts.log.error('cannot load the kiosk page', { err }));
  return win;
}
