/**
 * `npm start [-- --runtime electron|browser|none] [--port N] [--data DIR] [--config FILE]`,
 * and `itda-kiosk` in the Debian package: shows the kiosk wherever it can.
 *
 *   electron  the Electron app (scripts/start-electron.mjs), when its binary is installed;
 *   browser   the web host plus a full-screen Chromium, both supervised (kiosk-runtime.ts);
 *   none      the web host alone, and the URL to open.
 *
 * `--host external` (the packaged kiosk session): the host runs as its own
 * service (itda-host.service); only the browser is started and supervised.
 * `ITDA_DATA_DIR`, `ITDA_PORT`, `ITDA_CONFIG` and every other `ITDA_*`
 * override reach the host unchanged, as with `npm run start:web`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseFlags, resolveRuntimeOptions } from '../services/config/runtime-options';
import { projectRoot } from '../services/app/project-paths';
import { chooseRuntime, installedElectron, parseRuntimeFlag } from './runtime-choice';
import { findBrowser, parseScreenSize, parseXwininfo } from './browser-flags';
import { startKioskRuntime } from './kiosk-runtime';
import { InstanceLockedError } from './instance-lock';

const HOST_FLAGS = ['port', 'data', 'config', 'listen'];

function fail(sentence: string): never {
  process.stderr.write(`${sentence}\n`);
  process.exit(1);
}

/** The host's own flags from the command line, in `--flag value` form. */
function hostArgsFrom(flags: Record<string, string>): string[] {
  return HOST_FLAGS.filter((f) => flags[f] !== undefined).flatMap((f) => [`--${f}`, flags[f]]);
}

/** Runs a child with the terminal, passing on stop signals; exits with it. */
function runAttached(cmd: string, args: string[]): void {
  const child = spawn(cmd, args, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', (err) => fail(`${cmd} could not be started: ${err.message}`));
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** The screen to cover: ITDA_SCREEN_SIZE, else the X root window's size; none under Wayland (cage fills the screen). */
function screenSize(env: NodeJS.ProcessEnv): { width: number; height: number } | null {
  const named = parseScreenSize(env.ITDA_SCREEN_SIZE);
  if (named || env.WAYLAND_DISPLAY || !env.DISPLAY) return named;
  const r = spawnSync('xwininfo', ['-root'], { encoding: 'utf8', timeout: 5_000 });
  return r.status === 0 ? parseXwininfo(r.stdout) : null;
}

function main(): void {
  const argv = process.argv.slice(2);
  const flags = parseFlags(argv);
  if (flags.help) {
    process.stdout.write('usage: npm start -- [--runtime electron|browser|none] [--port N] [--data DIR] [--config FILE] [--host external] [--no-sandbox]\n');
    return;
  }
  const root = projectRoot();
  let forced;
  try {
    forced = parseRuntimeFlag(flags.runtime);
    resolveRuntimeOptions(flags, process.env, { dataDir: join(root, 'data') });
  } catch (err) {
    fail((err as Error).message);
  }
  const browserPath = flags.browser ?? findBrowser(process.env);
  const choice = chooseRuntime({ forced, electronBinary: forced ? null : installedElectron(root, process.env), browser: browserPath });
  const hostEntry = join(root, 'out', 'node', 'webhost.js');

  if (choice.runtime === 'electron') {
    const script = join(root, 'scripts', 'start-electron.mjs');
    if (!existsSync(script)) fail('This installation has no Electron app: start it with --runtime browser.');
    // Only Electron's own flags go on: --runtime is ours.
    const rest = argv.filter((a, i) => a !== '--runtime' && argv[i - 1] !== '--runtime' && !a.startsWith('--runtime='));
    runAttached(process.execPath, [script, ...rest]);
    return;
  }
  if (choice.runtime === 'none') {
    process.stderr.write(`Starting the web host only (${choice.why}): open the address below in a browser to see the kiosk.\n`);
    runAttached(process.execPath, [hostEntry, ...hostArgsFrom(flags)]);
    return;
  }

  if (!browserPath) fail('No Chromium-family browser found: install chromium, or name one with ITDA_BROWSER=/path/to/browser.');
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    fail('No display to show the kiosk on ($DISPLAY is not set): start it from the kiosk\'s desktop session, or use --runtime none and open the URL elsewhere.');
  }
  const noSandbox = flags['no-sandbox'] === 'true';
  if (typeof process.getuid === 'function' && process.getuid() === 0 && !noSandbox) {
    fail('The kiosk browser will not run as root with its sandbox on: start the kiosk as a normal user (for a throwaway test only: `npm start -- --no-sandbox`).');
  }
  const rt = resolveRuntimeOptions(flags, process.env, { dataDir: join(root, 'data') });
  const external = flags.host === 'external';
  process.stderr.write(`Itda Kiosk: browser kiosk runtime (${choice.why}).\n`);
  let runtime;
  try {
    runtime = startKioskRuntime({
      hostEntry,
      // The data dir is always passed on, so the host and this runtime agree on it.
      hostArgs: [...hostArgsFrom({ ...flags, data: rt.dataDir })],
      dataDir: rt.dataDir,
      externalHostUrl: external ? `http://127.0.0.1:${rt.port}/` : null,
      browser: browserPath,
      noSandbox,
      screen: screenSize(process.env),
      gpu: process.env.ITDA_BROWSER_GPU === '1' || (process.env.ITDA_BROWSER_GPU !== '0' && existsSync('/dev/dri')),
    });
  } catch (err) {
    if (err instanceof InstanceLockedError) fail(err.message);
    throw err;
  }
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void runtime.stop().then(() => process.exit(0));
    });
  }
}

main();
