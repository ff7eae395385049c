// `npm start [-- --no-kiosk --data DIR --config FILE]`: builds and launches the Electron kiosk.
//
//   1. find the Electron binary (electron >= 45 fetches it on first use: tried once, at most 60 s);
//      without it, one sentence pointing at the web host, exit 1;
//   2. build better-sqlite3 for this Electron into .electron-native/ when missing or stale;
//   3. build out/ when it is missing or older than its sources;
//   4. launch Electron on the project (package.json "main": out/main/index.js).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const userArgs = process.argv.slice(2);
const WEB_HINT = 'run `npm run start:web` and open http://127.0.0.1:5180 instead.';
const FETCH_LIMIT_MS = 60_000;

function fail(sentence, code = 1) {
  process.stderr.write(`${sentence}\n`);
  process.exit(code);
}

/**
 * Asks the electron package for its binary in a child process: on first use
 * it downloads the binary itself, synchronously and without a time limit, so
 * the child is killed (with its downloader) after FETCH_LIMIT_MS.
 */
function locateElectron() {
  return new Promise((resolveLocate) => {
    const marker = 'ITDA_ELECTRON_PATH=';
    const child = spawn(process.execPath, ['-e', `process.stdout.write('\\n${marker}' + require('electron'))`], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', () => {});
    const notice = setTimeout(() => process.stderr.write(`Fetching the Electron binary (at most ${FETCH_LIMIT_MS / 1000} s)...\n`), 2_000);
    const limit = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, FETCH_LIMIT_MS);
    child.on('error', () => finish(null));
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(marker));
      finish(code === 0 && line ? line.slice(marker.length).trim() : null);
    });
    function finish(path) {
      clearTimeout(notice);
      clearTimeout(limit);
      resolveLocate({ path: path && existsSync(path) ? path : null, timedOut });
    }
  });
}

const located = await locateElectron();
if (!located.path) {
  fail(
    `The Electron binary is not installed on this machine (it could not be downloaded${located.timedOut ? ' within 60 s' : ''}); ${WEB_HINT}`,
  );
}

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail(`No display to show the kiosk on ($DISPLAY is not set): start it from the kiosk's desktop session, or ${WEB_HINT}`);
}
if (typeof process.getuid === 'function' && process.getuid() === 0 && !userArgs.includes('--no-sandbox')) {
  // Chromium refuses root with its sandbox on; turning the sandbox off is not for a venue machine.
  fail('Electron will not run as root with its sandbox on: start the kiosk as a normal user (for a throwaway test only: `npm start -- --no-sandbox`).');
}

const native = spawnSync(process.execPath, [join(root, 'scripts', 'prepare-electron-native.mjs')], { cwd: root, stdio: 'inherit' });
if (native.status !== 0) fail(`The kiosk needs its database driver built for Electron (see above); meanwhile you can ${WEB_HINT}`);

const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const allBuilt = () => outputs.every((f) => existsSync(join(root, f)));
let builtOk = spawnSync(process.execPath, [join(root, 'scripts', 'ensure-build.mjs')], { cwd: root, stdio: 'inherit' }).status === 0;
if (builtOk && !allBuilt()) {
  // The freshness check looks at the renderer; main or preload alone may be missing.
  const vite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  builtOk = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' }).status === 0;
}
if (!builtOk || !allBuilt()) fail('The kiosk could not be built (see the errors above); fix them and run `npm start` again.');

// Electron is started on the project folder, not on out/main/index.js, so it reads package.json:
// the app's name (and with it the userData folder, the default data dir) is "itda-kiosk", not "Electron".
const child = spawn(located.path, [root, ...userArgs], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('error', (err) => fail(`Electron could not be started (${err.message}); ${WEB_HINT}`));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
