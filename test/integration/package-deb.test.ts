/**
 * `npm run package`: the Debian package of the browser kiosk runtime. Built
 * here with dpkg-deb (offline); its file list holds the units and the app;
 * extracted into a temp root it passes `--check` and serves the attract
 * screen; and (as root, when no itda-kiosk is installed already) `dpkg -i`
 * enables both units for boot (checked with systemctl offline and
 * `systemd-analyze verify`), then `dpkg -r` and `dpkg -P` leave nothing behind outside the package's
 * own paths while /var/lib/itda-kiosk, the kiosk's data, stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../support/temp-dir';

const root = join(import.meta.dirname, '..', '..');
const haveDpkg = spawnSync('dpkg-deb', ['--version']).status === 0;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const alreadyInstalled = () => spawnSync('dpkg-query', ['-W', '-f=${Status}', 'itda-kiosk'], { encoding: 'utf8' }).stdout.includes('installed');

let debFile = '';
let extracted: ReturnType<typeof makeTempDir>;

beforeAll(() => {
  if (!haveDpkg) return;
  const r = spawnSync(process.execPath, ['scripts/package-deb.mjs'], { cwd: root, encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`npm run package failed:\n${r.stderr}`);
  debFile = r.stdout.trim().split('\n').at(-1)!;
  expect(r.stderr).toContain('Electron packages skipped');
  extracted = makeTempDir('itda-deb-root-');
  execFileSync('dpkg-deb', ['-x', debFile, extracted.path]);
}, 660_000);

afterAll(() => extracted?.remove());

describe.skipIf(!haveDpkg)('the Debian package', () => {
  it('lists the systemd units, the launchers, the built app, its production modules and the config', () => {
    const list = execFileSync('dpkg-deb', ['-c', debFile], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    for (const path of [
      './lib/systemd/system/itda-host.service',
      './lib/systemd/system/itda-kiosk.service',
      './opt/itda-kiosk/bin/itda-host',
      './opt/itda-kiosk/bin/itda-kiosk',
      './opt/itda-kiosk/out/node/webhost.js',
      './opt/itda-kiosk/out/node/kiosk-runtime.js',
      './opt/itda-kiosk/out/renderer/index.html',
      './opt/itda-kiosk/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      './etc/itda-kiosk/config.json',
      './usr/bin/itda-host',
    ]) {
      expect(list, path).toContain(path);
    }
    // Dev tooling never ships.
    for (const dev of ['node_modules/electron/', 'node_modules/vite/', 'node_modules/tsx/', 'node_modules/vitest/']) expect(list).not.toContain(dev);
    const units = readdirSync(join(extracted.path, 'lib', 'systemd', 'system'));
    expect(units.sort()).toEqual(['itda-host.service', 'itda-kiosk.service']);
    const conffiles = execFileSync('dpkg-deb', ['-I', debFile, 'conffiles'], { encoding: 'utf8' });
    expect(conffiles).toContain('/etc/itda-kiosk/config.json');
  });

  it('declares a watchdog and restarts for the host, and the kiosk session on tty1', () => {
    const host = readUnit('itda-host.service');
    expect(host).toMatch(/^Type=notify$/m);
    expect(host).toMatch(/^Restart=always$/m);
    expect(host).toMatch(/^WatchdogSec=\d+$/m);
    expect(host).toMatch(/^User=itda$/m);
    const kiosk = readUnit('itda-kiosk.service');
    expect(kiosk).toMatch(/^ExecStart=\/usr\/bin\/cage .*itda-kiosk --runtime browser --host external/m);
    expect(kiosk).toMatch(/^TTYPath=\/dev\/tty1$/m);
  });

  it('runs itda-host --check from the extracted tree, then serves the attract screen', async () => {
    const app = join(extracted.path, 'opt', 'itda-kiosk');
    const data = makeTempDir('itda-deb-data-');
    const config = join(extracted.path, 'etc', 'itda-kiosk', 'config.json');
    try {
      const check = spawnSync(process.execPath, [join(app, 'out', 'node', 'webhost.js'), '--check', '--data', data.path, '--config', config], { encoding: 'utf8', timeout: 120_000 });
      expect(check.stdout).toContain('The kiosk host can start.');
      expect(check.status).toBe(0);
      const host = spawn(process.execPath, [join(app, 'out', 'node', 'webhost.js'), '--port', '0', '--data', data.path, '--config', config], {
        env: { ...process.env, ITDA_LOG_ECHO: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let out = '';
          host.stdout.on('data', (d: Buffer) => {
            out += d;
            const m = /ready at (\S+)/.exec(out);
            if (m) resolve(m[1]!);
          });
          host.once('exit', (code) => reject(new Error(`packaged host exited ${code}`)));
        });
        const page = await fetch(`${url}/`);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<div id="root">');
        const health = await fetch(`${url}/healthz`);
        expect(health.status).toBe(200);
      } finally {
        host.kill('SIGTERM');
        await new Promise((r) => host.once('exit', r));
      }
    } finally {
      data.remove();
    }
  }, 180_000);

  it.skipIf(!isRoot || alreadyInstalled())('installs and removes cleanly, keeping /var/lib/itda-kiosk', () => {
    const hadData = existsSync('/var/lib/itda-kiosk');
    const before = new Set(snapshot());
    try {
      execFileSync('dpkg', ['-i', debFile], { stdio: 'pipe' });
      expect(existsSync('/var/lib/itda-kiosk')).toBe(true);
      expect(execFileSync('stat', ['-c', '%a %U', '/var/lib/itda-kiosk'], { encoding: 'utf8' }).trim()).toBe('700 itda');
      const check = spawnSync('/usr/bin/itda-host', ['--check'], { encoding: 'utf8', timeout: 120_000 });
      expect(check.stdout).toContain('The kiosk host can start.');
      expect(check.status).toBe(0);
      // Started at boot: postinst enabled both units (systemctl works offline when systemd is not running).
      expect(lstatSync('/etc/systemd/system/multi-user.target.wants/itda-host.service').isSymbolicLink()).toBe(true);
      expect(lstatSync('/etc/systemd/system/graphical.target.wants/itda-kiosk.service').isSymbolicLink()).toBe(true);
      expect(spawnSync('systemctl', ['is-enabled', 'itda-host.service', 'itda-kiosk.service'], { encoding: 'utf8' }).stdout.trim().split('\n')).toEqual(['enabled', 'enabled']);
      // systemd would load both units as installed: no unknown keys, bad values or missing programs
      // (cage is only recommended, so a machine without it may lack that one program).
      expect(unitProblems(['/lib/systemd/system/itda-host.service', '/lib/systemd/system/itda-kiosk.service'])).toEqual([]);
      // An edited config survives a reinstall.
      writeFileSync('/etc/itda-kiosk/config.json', '{ "idleSeconds": 90 }\n');
      execFileSync('dpkg', ['-i', '--force-confold', debFile], { stdio: 'pipe' });
      expect(execFileSync('cat', ['/etc/itda-kiosk/config.json'], { encoding: 'utf8' })).toContain('"idleSeconds": 90');

      execFileSync('dpkg', ['-r', 'itda-kiosk'], { stdio: 'pipe' });
      expect(spawnSync('systemctl', ['is-enabled', 'itda-host.service'], { encoding: 'utf8' }).status).not.toBe(0);
      const afterRemove = snapshot().filter((p) => !before.has(p));
      // Removal keeps only the conffiles (Debian's "rc" state) and the data.
      expect(afterRemove.filter((p) => !CONFFILE_PATHS.some((c) => p === c || c.startsWith(`${p}/`)))).toEqual([]);
      expect(existsSync('/var/lib/itda-kiosk/itda.db')).toBe(true);

      execFileSync('dpkg', ['-P', 'itda-kiosk'], { stdio: 'pipe' });
      expect(snapshot().filter((p) => !before.has(p))).toEqual([]);
      expect(existsSync('/var/lib/itda-kiosk/itda.db')).toBe(true);
    } finally {
      if (alreadyInstalled()) spawnSync('dpkg', ['-P', 'itda-kiosk']);
      if (!hadData) rmSync('/var/lib/itda-kiosk', { recursive: true, force: true });
      rmSync('/var/lib/itda-kiosk-display', { recursive: true, force: true });
    }
  }, 300_000);
});

const CONFFILE_PATHS = ['/etc/itda-kiosk/config.json', '/etc/default/itda-kiosk', '/etc/chromium/policies/managed/itda-kiosk.json'];

function readUnit(name: string): string {
  return execFileSync('cat', [join(extracted.path, 'lib', 'systemd', 'system', name)], { encoding: 'utf8' });
}

/** What `systemd-analyze verify` finds wrong with installed units, one line each. */
function unitProblems(units: string[]): string[] {
  const r = spawnSync('systemd-analyze', ['verify', ...units], { encoding: 'utf8', timeout: 60_000 });
  const cageMissing = !existsSync('/usr/bin/cage');
  return `${r.stdout}${r.stderr}`
    .split('\n')
    .filter(Boolean)
    .filter((line) => !(cageMissing && line.includes('/usr/bin/cage is not executable')));
}

/** Every path under the system folders a package may touch, minus dpkg's own records and the kiosk's data. */
function snapshot(): string[] {
  const out = execFileSync(
    'find',
    ['/etc', '/opt', '/usr', '/lib', '/var/lib', '-xdev', '(', '-path', '/var/lib/dpkg', '-o', '-path', '/var/lib/apt', '-o', '-path', '/var/lib/systemd', '-o', '-path', '/var/lib/itda-kiosk', '-o', '-path', '/var/lib/itda-kiosk-display', ')', '-prune', '-o', '-print'],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  return out.split('\n').filter(Boolean);
}
