// `npm run build`: the Electron app (main, preload, renderer: electron-vite) and the Node entry
// points (web host, kiosk runtime, technician CLIs: vite.node.config.ts) into out/.
// `--node-only` rebuilds out/node alone (a service changed, the renderer did not).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
try {
  if (!process.argv.includes('--node-only')) run([join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
  run([join(root, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.node.config.ts']);
} catch {
  process.exit(1);
}
