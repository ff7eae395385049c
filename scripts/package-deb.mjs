// `npm run package`: the Debian package of the browser kiosk runtime, built offline with dpkg-deb
// into dist/itda-kiosk_<version>_<arch>.deb. Contents: the built app (out/node, out/renderer,
// resources) and its production node_modules (copied from this checkout's node_modules, dev
// packages left out) under /opt/itda-kiosk; systemd units itda-host.service and
// itda-kiosk.service; /etc/itda-kiosk/config.json and /etc/default/itda-kiosk as conffiles;
// a Chromium policy. Electron packages are built only where electron-builder and the Electron
// binary are available; otherwise one sentence says they were skipped.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const deb = join(root, 'packaging', 'debian');
const arch = execFileSync('dpkg', ['--print-architecture'], { encoding: 'utf8' }).trim();
const name = `itda-kiosk_${pkg.version}_${arch}`;
const dist = join(root, 'dist');
const stage = join(dist, 'staging', name);
const opt = join(stage, 'opt', 'itda-kiosk');

function step(what) {
  process.stderr.write(`package: ${what}\n`);
}

step('build (npm run build when out/ is stale)');
execFileSync(process.execPath, [join(root, 'scripts', 'ensure-build.mjs')], { cwd: root, stdio: 'inherit' });

rmSync(stage, { recursive: true, force: true });
mkdirSync(opt, { recursive: true });

step('app: out/node, out/renderer, resources');
cpSync(join(root, 'out', 'node'), join(opt, 'out', 'node'), { recursive: true, filter: (src) => !src.endsWith('.map') });
cpSync(join(root, 'out', 'renderer'), join(opt, 'out', 'renderer'), { recursive: true });
cpSync(join(root, 'resources'), join(opt, 'resources'), { recursive: true });
cpSync(join(root, 'README.md'), join(opt, 'README.md'));
const { name: pkgName, version, description, type, engines, dependencies } = pkg;
writeFileSync(join(opt, 'package.json'), JSON.stringify({ name: pkgName, version, description, private: true, type, engines, dependencies }, null, 2) + '\n');

step('production node_modules (from this checkout, dev packages left out)');
// `npm ls --omit=dev` names every installed production package (nested ones too), offline.
const listed = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8' });
const dirs = listed.stdout
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && l !== root && l.includes(`${sep}node_modules${sep}`));
if (dirs.length === 0) throw new Error(`npm ls found no production packages: ${listed.stderr}`);
// Build leftovers and sources a running kiosk never loads.
const PRUNE = [
  /node_modules\/better-sqlite3\/(deps|src)(\/|$)/,
  /node_modules\/better-sqlite3\/build\/(?!Release(\/[^/]+\.node)?$)/,
  /node_modules\/pretendard\/(docs|subset|dist\/(?!public(\/static(\/Pretendard-(Regular|Bold)\.otf)?)?$))/,
  /node_modules\/@serialport\/bindings-cpp\/prebuilds\/(?!linux-x64)/,
];
const keepTs = /\.d\.ts$/;
for (const dir of dirs) {
  const rel = relative(root, dir);
  cpSync(dir, join(opt, rel), {
    recursive: true,
    dereference: true,
    filter: (src) => {
      const r = relative(root, src).split(sep).join('/');
      // Nested packages are listed (and copied) on their own.
      if (r !== rel.split(sep).join('/') && r.startsWith(`${rel.split(sep).join('/')}/node_modules`)) return false;
      if (/\.(md|markdown|map)$/i.test(r) && !/license/i.test(r)) return false;
      if (r.endsWith('.ts') && !keepTs.test(r)) return false;
      return !PRUNE.some((re) => re.test(r));
    },
  });
}

step('launchers, units, config');
mkdirSync(join(opt, 'bin'), { recursive: true });
for (const bin of ['itda-host', 'itda-kiosk']) {
  cpSync(join(deb, bin), join(opt, 'bin', bin));
  chmodSync(join(opt, 'bin', bin), 0o755);
}
mkdirSync(join(stage, 'usr', 'bin'), { recursive: true });
symlinkSync('/opt/itda-kiosk/bin/itda-host', join(stage, 'usr', 'bin', 'itda-host'));
symlinkSync('/opt/itda-kiosk/bin/itda-kiosk', join(stage, 'usr', 'bin', 'itda-kiosk'));
const units = join(stage, 'lib', 'systemd', 'system');
mkdirSync(units, { recursive: true });
cpSync(join(deb, 'itda-host.service'), join(units, 'itda-host.service'));
cpSync(join(deb, 'itda-kiosk.service'), join(units, 'itda-kiosk.service'));
mkdirSync(join(stage, 'etc', 'itda-kiosk'), { recursive: true });
cpSync(join(deb, 'config.json'), join(stage, 'etc', 'itda-kiosk', 'config.json'));
mkdirSync(join(stage, 'etc', 'default'), { recursive: true });
cpSync(join(deb, 'default'), join(stage, 'etc', 'default', 'itda-kiosk'));
mkdirSync(join(stage, 'etc', 'chromium', 'policies', 'managed'), { recursive: true });
cpSync(join(deb, 'chromium-policy.json'), join(stage, 'etc', 'chromium', 'policies', 'managed', 'itda-kiosk.json'));

step('control files');
const control = join(stage, 'DEBIAN');
mkdirSync(control);
const sizeKb = Number(execFileSync('du', ['-sk', '--exclude=DEBIAN', stage], { encoding: 'utf8' }).split('\t')[0]);
writeFileSync(
  join(control, 'control'),
  [
    'Package: itda-kiosk',
    `Version: ${pkg.version}`,
    `Architecture: ${arch}`,
    'Maintainer: Seoul Itda Place <itda@seoul.go.kr>',
    `Installed-Size: ${sizeKb}`,
    'Depends: nodejs (>= 20.19), chromium | google-chrome-stable | chromium-browser, systemd, passwd',
    'Recommends: cage, x11-utils, socat',
    'Section: misc',
    'Priority: optional',
    'Homepage: https://itda.seoul.go.kr',
    `Description: ${pkg.description}`,
    ' The browser kiosk runtime: the kiosk host (itda-host.service, with a systemd',
    ' watchdog) and a full-screen Chromium in cage on tty1 (itda-kiosk.service).',
    ' Data in /var/lib/itda-kiosk (kept on removal), config in /etc/itda-kiosk.',
    '',
  ].join('\n'),
);
writeFileSync(join(control, 'conffiles'), ['/etc/itda-kiosk/config.json', '/etc/default/itda-kiosk', '/etc/chromium/policies/managed/itda-kiosk.json', ''].join('\n'));
for (const script of ['postinst', 'prerm', 'postrm']) {
  cpSync(join(deb, script), join(control, script));
  chmodSync(join(control, script), 0o755);
}

step('dpkg-deb');
mkdirSync(dist, { recursive: true });
const out = join(dist, `${name}.deb`);
rmSync(out, { force: true });
// gzip -6: fast to build on CI and readable by every dpkg.
execFileSync('dpkg-deb', ['--root-owner-group', '-Zgzip', '-z6', '--build', stage, out], { stdio: ['ignore', 'ignore', 'inherit'] });
rmSync(join(dist, 'staging'), { recursive: true, force: true });
process.stdout.write(`${out}\n`);

// Electron packages: only where they can really be built (electron-builder installed, Electron binary present).
const builder = join(root, 'node_modules', '.bin', 'electron-builder');
const electronDist = join(root, 'node_modules', 'electron', 'dist');
if (existsSync(builder) && existsSync(electronDist) && readdirSync(electronDist).length > 0) {
  step('Electron packages (electron-builder: AppImage and deb for Linux, NSIS for Windows)');
  execFileSync(builder, ['--config', 'electron-builder.yml', '--linux', 'AppImage', 'deb', '--win', 'nsis'], { cwd: root, stdio: 'inherit' });
} else {
  process.stderr.write('Electron packages skipped: electron-builder and the Electron binary are not available on this machine (they need a download); the Debian package above runs the kiosk in Chromium.\n');
}
