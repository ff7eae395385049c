/**
 * Electron main: the kiosk's lifecycle. One instance, one fullscreen window
 * on `app://kiosk`, the same services as the web host behind one IPC door.
 *
 *   electron out/main/index.js [--data DIR] [--config FILE] [--no-kiosk]
 *
 * ITDA_DATA_DIR / ITDA_CONFIG as for the web host; the default data dir is
 * Electron's userData. ITDA_KIOSK=0 or --no-kiosk: a window with devtools.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, powerSaveBlocker, protocol, safeStorage, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeServices, type Services } from '../services/compose';
import { parseFlags, resolveRuntimeOptions } from '../services/config/runtime-options';
import { ConfigError, loadConfig } from '../services/config/load-config';
import { createLogger } from '../services/app/logger';
import { appVersion, projectRoot } from '../services/app/project-paths';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { guardSession, guardWebContents } from './navigation-guard';
import { registerIpc } from './ipc';
import { findNativeBinding } from './native-binding';
import { relaunchArgs, relaunchesFrom } from './crash-policy';
import { chromiumSwitches, resolveShellOptions, userArgs } from './shell-options';
import { createKioskWindow } from './kiosk-window';
import { configErrorText, startupFailureText } from './startup-messages';

// Must happen before `ready`: a scheme's privileges cannot change later.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

const here = dirname(fileURLToPath(import.meta.url));
const args = userArgs(process.argv, app.isPackaged);
const flags = parseFlags(args);
const shell = resolveShellOptions(args, process.env);
for (const [name, value] of chromiumSwitches(shell)) {
  if (value === undefined) app.commandLine.appendSwitch(name);
  else app.commandLine.appendSwitch(name, value);
}

let services: Services | null = null;
let window: BrowserWindow | null = null;
let disposeIpc: (() => void) | null = null;
let powerBlockerId: number | null = null;
let shutdown: Promise<void> | null = null;
let shutdownDone = false;

if (!app.requestSingleInstanceLock()) {
  // A second start (a double tap on a launcher, a supervisor race) must not open a second kiosk.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (shutdownDone) return;
    event.preventDefault();
    shutdown ??= closeEverything().finally(() => {
      shutdownDone = true;
      app.quit();
    });
  });
  process.on('SIGTERM', () => app.quit());
  process.on('SIGINT', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => fatal('startup failed', err));
}

async function start(): Promise<void> {
  const rt = resolveRuntimeOptions(flags, process.env, { dataDir: app.getPath('userData') });
  const logger = createLogger({ dir: join(rt.dataDir, 'logs') });
  const log = logger.child('main');

  let config;
  try {
    config = loadConfig({ file: rt.configFile, required: rt.configRequired });
  } catch (err) {
    if (err instanceof ConfigError) {
      log.error(`configuration error in ${err.file ?? 'config'}`, { problems: err.problems });
      const text = configErrorText(err.file, err.problems);
      dialog.showErrorBox(text.title, text.body);
      app.exit(2);
      return;
    }
    throw err;
  }

  const native = findNativeBinding(projectRoot(), {
    electron: process.versions.electron ?? 'unknown',
    platform: process.platform,
    arch: process.arch,
  });
  // Without it storage cannot open (unless node_modules was rebuilt for Electron); the kiosk
  // still starts and shows "out of service", and this line says how to fix it.
  if (!native.ok) log.error('no better-sqlite3 build for this Electron', { problem: native.problem });

  services = await composeServices({
    dataDir: rt.dataDir,
    config,
    host: 'electron',
    version: appVersion(),
    logger,
    nativeBinding: native.ok ? native.path : undefined,
    // The visitor-data key is sealed by the OS keychain where Electron can reach it.
    platform: { secretBox: safeStorage },
  });
  const svc = services;
  const recordFault = (code: string, message: string) => {
    try {
      svc.events?.append('app.fault', { where: 'electron-main', code, message: message.slice(0, 500) });
    } catch (err) {
      log.warn('cannot record a fault', { code, err });
    }
  };

  Menu.setApplicationMenu(null);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, log));
  guardSession(session.defaultSession, log);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(join(here, '..', 'renderer')));
  disposeIpc = registerIpc({ ipcMain, getWindow: () => window, services: svc, log });
  powerBlockerId = powerSaveBlocker.start('prevent-display-sleep');

  const relaunchesSoFar = relaunchesFrom(flags);
  window = createKioskWindow({
    kiosk: shell.kiosk,
    preloadPath: join(here, '..', 'preload', 'index.cjs'),
    relaunchesSoFar,
    log,
    onFault: recordFault,
    isQuitting: () => shutdown !== null,
    onFatal(action, reason) {
      if (action === 'relaunch') {
        log.error('relaunching the kiosk after repeated page crashes', { reason, relaunchesSoFar });
        app.relaunch({ args: relaunchArgs(process.argv.slice(1), relaunchesSoFar) });
        app.quit();
      } else {
        // Nobody at a kiosk can click a dialog: exit non-zero and let the venue's supervisor restart it.
        log.error('giving up after repeated page crashes and relaunches', { reason });
        closeEverything().finally(() => app.exit(1));
      }
    },
  });
  window.on('closed', () => {
    window = null;
  });
  log.info('kiosk started', { kiosk: shell.kiosk, dataDir: rt.dataDir, health: svc.health.current.status });
}

async function closeEverything(): Promise<void> {
  if (powerBlockerId !== null && powerSaveBlocker.isStarted(powerBlockerId)) powerSaveBlocker.stop(powerBlockerId);
  powerBlockerId = null;
  disposeIpc?.();
  disposeIpc = null;
  const s = services;
  services = null;
  if (!s) return;
  // The database closes cleanly (WAL checkpoint) unless a service hangs; never block quitting on it.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    s.close().catch((err: unknown) => s.logger.error('services did not close cleanly', { err })),
    new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        s.logger.error('services took too long to close; quitting anyway');
        resolve();
      }, 5_000);
    }),
  ]);
  clearTimeout(timer);
}

function fatal(what: string, err: unknown): void {
  process.stderr.write(`${what}: ${(err as Error)?.stack ?? String(err)}\n`);
  try {
    const text = startupFailureText(what, err);
    dialog.showErrorBox(text.title, text.body);
  } finally {
    app.exit(1);
  }
}
