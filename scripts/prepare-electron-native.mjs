// Builds better-sqlite3 for Electron into `.electron-native/` (run by `npm start`).
//
// Electron's Node has another ABI than the system Node, so the addon npm
// built in node_modules (used by tests and the web host) cannot load in
// Electron's main. This builds a second copy from a scratch copy of the
// package's sources against Electron's headers, leaving node_modules alone,
// and stamps it with what it was built for. It does nothing when the stamp
// already matches. Never a postinstall: `npm install` must work where
// Electron's headers cannot be fetched.
//
//   node scripts/prepare-electron-native.mjs [--force]
//   ITDA_ELECTRON_HEADERS=DIR   use unpacked Electron headers (offline machines) instead of downloading
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, '.electron-native');
const addon = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'build-info.json');
const HEADERS_URL = 'https://electronjs.org/headers';
// Headers are a few MB; a longer wait means the network is closed, not slow.
const HEADERS_TIMEOUT_MS = 120_000;
// Compiling SQLite's amalgamation takes a few minutes on two cores.
const BUILD_TIMEOUT_MS = 20 * 60_000;

function packageVersion(name) {
  const file = join(root, 'node_modules', name, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : null;
}

function fail(sentence, detail) {
  process.stderr.write(`${sentence}\n`);
  if (detail) process.stderr.write(`${detail.trim().split('\n').slice(-15).join('\n')}\n`);
  process.exit(1);
}

/** node-gyp from the project, else the one bundled with npm (how npm builds addons). */
function findNodeGyp() {
  const candidates = [];
  try {
    candidates.push(createRequire(join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // Not a project dependency; fall back to npm's own copy.
  }
  if (process.env.npm_execpath) candidates.push(join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  candidates.push(join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates.find((c) => existsSync(c)) ?? null;
}

/**
 * npm passes its config to scripts as npm_config_*; a `nodedir` there (this
 * machine's .npmrc sets it to build against the system Node) would make
 * node-gyp ignore Electron's headers and build the wrong ABI.
 */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|build_from_source|devdir)$/i.test(key)) delete env[key];
  }
  return env;
}

const electron = packageVersion('electron');
const betterSqlite3 = packageVersion('better-sqlite3');
if (!electron) fail('The electron package is not installed (node_modules/electron); run `npm install` first.');
if (!betterSqlite3) fail('The better-sqlite3 package is not installed; run `npm install` first.');

const want = { electron, betterSqlite3, platform: process.platform, arch: process.arch };
if (!process.argv.includes('--force') && existsSync(addon) && existsSync(stampFile)) {
  try {
    const have = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (Object.entries(want).every(([k, v]) => have[k] === v)) process.exit(0);
  } catch {
    // An unreadable stamp means rebuild.
  }
}

const nodeGyp = findNodeGyp();
if (!nodeGyp) {
  fail('Cannot build better-sqlite3 for Electron: node-gyp was not found (it ships with npm; or `npm install -g node-gyp`).');
}

process.stderr.write(`Building better-sqlite3 ${betterSqlite3} for Electron ${electron} (once per Electron version; a few minutes)...\n`);
const work = join(outDir, 'build-src');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const source = join(root, 'node_modules', 'better-sqlite3');
for (const part of ['package.json', 'binding.gyp', 'src', 'deps']) cpSync(join(source, part), join(work, part), { recursive: true });

const headers = process.env.ITDA_ELECTRON_HEADERS;
const gypArgs = [`--target=${electron}`, `--arch=${process.arch}`, '--runtime=electron', '--release'];
gypArgs.push(headers ? `--nodedir=${headers}` : `--dist-url=${HEADERS_URL}`);
const env = cleanEnv();

function gyp(command, timeout) {
  const r = spawnSync(process.execPath, [nodeGyp, command, ...gypArgs], { cwd: work, env, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, timedOut: r.error?.code === 'ETIMEDOUT', output: `${r.stdout ?? ''}\n${r.stderr ?? ''}` };
}

if (!headers) {
  // Fetch the headers first with a short time limit: a closed network should fail in minutes, not hang a start.
  const got = gyp('install', HEADERS_TIMEOUT_MS);
  if (!got.ok) {
    rmSync(work, { recursive: true, force: true });
    fail(
      `Cannot build better-sqlite3 for Electron ${electron}: Electron's headers could not be downloaded from ${HEADERS_URL}` +
        `${got.timedOut ? ' (timed out)' : ''}; allow that address, or set ITDA_ELECTRON_HEADERS to unpacked headers, then run \`npm start\` again.`,
      got.output,
    );
  }
}

const built = gyp('rebuild', BUILD_TIMEOUT_MS);
const result = join(work, 'build', 'Release', 'better_sqlite3.node');
if (!built.ok || !existsSync(result)) {
  rmSync(work, { recursive: true, force: true });
  fail(
    `Cannot build better-sqlite3 for Electron ${electron}${built.timedOut ? ' (the build timed out)' : ''}: ` +
      'check that python3, make and g++ are installed (Debian: `apt-get install python3 make g++`), then run `npm start` again.',
    built.output,
  );
}

// Copy then rename, so a crash mid-way never leaves a half-written addon that main would load.
cpSync(result, `${addon}.tmp`);
renameSync(`${addon}.tmp`, addon);
writeFileSync(stampFile, `${JSON.stringify({ ...want, builtAt: new Date().toISOString() }, null, 2)}\n`);
rmSync(work, { recursive: true, force: true });
process.stderr.write(`Built ${addon}\n`);
