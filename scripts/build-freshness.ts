/** Whether `out/` is older than the sources it is built from (build on demand). */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['renderer', 'electron/contract', 'electron/preload', 'electron/main', 'resources', 'electron.vite.config.ts', 'package.json'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules') continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

export function rendererBuildIsStale(root = process.cwd()): boolean {
  const built = join(root, 'out', 'renderer', 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return SOURCES.some((s) => newest(join(root, s)) > builtAt);
}

const HOST_SOURCES = ['electron', 'resources', 'vite.node.config.ts', 'package.json'];

/** Whether the bundled Node entry points (out/node: web host, kiosk runtime, CLIs) are missing or stale. */
export function hostBuildIsStale(root = process.cwd()): boolean {
  const built = join(root, 'out', 'node', 'webhost.js');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return HOST_SOURCES.some((s) => newest(join(root, s)) > builtAt);
}
