// `npm start [-- --runtime electron|browser|none ...]`: builds out/ when it is stale, then lets the
// start chooser (electron/runtime/runtime-cli.ts, built to out/node/kiosk-runtime.js) show the kiosk
// with Electron, a full-screen Chromium, or the web host alone. See README "Which runtime npm start uses".
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = spawnSync(process.execPath, [join(root, 'scripts', 'ensure-build.mjs')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) {
  process.stderr.write('The kiosk could not be built (see the errors above); fix them and run `npm start` again.\n');
  process.exit(1);
}
const child = spawn(process.execPath, [join(root, 'out', 'node', 'kiosk-runtime.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
