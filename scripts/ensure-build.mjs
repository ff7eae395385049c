// Builds out/ (main, preload, renderer) when it is missing or older than its sources,
// so `npm run start:web`, the CLIs and the bench work right after `npm ci`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['renderer', 'electron', 'resources', 'electron.vite.config.ts', 'package.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

const marker = join('out', 'renderer', 'index.html');
const stale = !existsSync(marker) || SOURCES.some((s) => newest(s) > statSync(marker).mtimeMs);
if (stale) {
  process.stderr.write('Building the kiosk (electron-vite build)...\n');
  execFileSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], { stdio: 'inherit' });
}
