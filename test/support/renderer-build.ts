/**
 * Builds out/ once when a browser test needs the renderer and the build is
 * missing or older than its sources. A lock file keeps two vitest workers
 * from building at the same time.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hostBuildIsStale, rendererBuildIsStale } from '../../scripts/build-freshness';

const root = join(import.meta.dirname, '..', '..');

export async function ensureRendererBuilt(): Promise<string> {
  const out = join(root, 'out', 'renderer');
  if (process.env.ITDA_SKIP_BUILD === '1' || !rendererBuildIsStale(root)) return out;
  const lock = join(root, 'out', '.build.lock');
  execFileSync('mkdir', ['-p', join(root, 'out')]);
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch {
      // Another worker builds; a lock older than 5 minutes is stale.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { force: true });
      } catch {
        // Gone already.
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (rendererBuildIsStale(root)) {
      execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
    }
  } finally {
    rmSync(lock, { force: true });
  }
  return out;
}

/**
 * Builds out/ whole (renderer, then the bundled Node host in out/node) for tests that start
 * the built host or the kiosk runtime as a process, as production does.
 */
export async function ensureHostBuilt(): Promise<string> {
  await ensureRendererBuilt();
  if (process.env.ITDA_SKIP_BUILD === '1' || !hostBuildIsStale(root)) return join(root, 'out', 'node');
  const lock = join(root, 'out', '.build-node.lock');
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { force: true });
      } catch {
        // Gone already.
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    // The bundled host alone takes about a second; the renderer was built above.
    if (hostBuildIsStale(root)) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--node-only'], { cwd: root, stdio: 'inherit' });
  } finally {
    rmSync(lock, { force: true });
  }
  return join(root, 'out', 'node');
}
