/**
 * Builds out/ once when a browser test needs the renderer and the build is
 * missing or older than its sources. A lock file keeps two vitest workers
 * from building at the same time.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hostBuildIsStale, rendererBuildIsStale } from '../../scripts/build-freshness';

const root = join(import.meta.dirname, '..', '..');

export async function ensureRendererBuilt(): Promise<string> {
  const out = join(root, 'out', 'renderer');
  if (process.env.ITDA_SKIP_BUILD === '1' || !rendererBuildIsStale(root)) return out;
  await withBuildLock('.build.lock', () => {
    if (rendererBuildIsStale(root)) {
      execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
    }
  });
  return out;
}

/**
 * Builds out/ whole (renderer, then the bundled Node host in out/node) for tests that start
 * the built host or the kiosk runtime as a process, as production does.
 */
export async function ensureHostBuilt(): Promise<string> {
  await ensureRendererBuilt();
  const out = join(root, 'out', 'node');
  if (process.env.ITDA_SKIP_BUILD === '1' || !hostBuildIsStale(root)) return out;
  await withBuildLock('.build-node.lock', () => {
    // The bundled host alone takes about a second; the renderer was built above.
    if (hostBuildIsStale(root)) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--node-only'], { cwd: root, stdio: 'inherit' });
  });
  return out;
}

/** Runs `build` holding `out/<name>`, so two vitest workers never build at once; a lock older than 5 minutes is stale. */
async function withBuildLock(name: string, build: () => void): Promise<void> {
  const lock = join(root, 'out', name);
  mkdirSync(join(root, 'out'), { recursive: true });
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch {
      // Another worker builds.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { force: true });
      } catch {
        // Gone already.
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    build();
  } finally {
    rmSync(lock, { force: true });
  }
}
