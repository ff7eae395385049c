// Builds out/ (main, preload, renderer, and the Node entry points in out/node) when it is missing
// or older than its sources, so `npm run start:web`, the CLIs and the bench work right after `npm ci`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['renderer', 'electron', 'resources', 'electron.vite.config.ts', 'vite.node.config.ts', 'package.json'];
const MARKERS = [join('out', 'renderer', 'index.html'), join('out', 'node', 'webhost.js')];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) if (name !== 'node_modules') max = Math.max(max, newest(join(path, name)));
  return max;
}

const sourcesAt = Math.max(...SOURCES.map((s) => newest(join(root, s))));
const stale = MARKERS.some((m) => !existsSync(join(root, m)) || sourcesAt > statSync(join(root, m)).mtimeMs);
if (stale) {
  process.stderr.write('Building the kiosk (npm run build)...\n');
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
}
