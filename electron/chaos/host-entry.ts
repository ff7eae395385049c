/**
 * Which file the campaign starts as the kiosk host: the bundled
 * `out/node/chaos-host.js` (vite.node.config.ts) when it is newer than every
 * source it was built from, else the TypeScript entry through tsx. On a busy
 * machine the bundle starts in about half tsx's time, and a run starts the
 * host once or twice, so a 500-run campaign is hours shorter. A stale bundle
 * is never used: the campaign must test the code in the tree.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const HOST_SOURCE = 'electron/chaos/chaos-host.ts';
export const HOST_BUNDLE = 'out/node/chaos-host.js';
/** What the bundle is built from (its own config and the npm packages it leaves external count too). */
const SOURCES = ['electron', 'resources', 'vite.node.config.ts', 'package.json'];

const fresh = new Map<string, boolean>();

/** Node arguments that start the host from `root`: the bundle when fresh, else tsx. */
export function hostArgs(root: string): string[] {
  return bundleIsFresh(root) ? [join(root, HOST_BUNDLE)] : ['--import', 'tsx', join(root, HOST_SOURCE)];
}

export function bundleIsFresh(root: string): boolean {
  let known = fresh.get(root);
  if (known === undefined) {
    const bundle = join(root, HOST_BUNDLE);
    known = existsSync(bundle) && newest(root, SOURCES) <= statSync(bundle).mtimeMs;
    fresh.set(root, known);
  }
  return known;
}

function newest(root: string, paths: string[]): number {
  let max = 0;
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    max = Math.max(max, st.mtimeMs);
    if (st.isDirectory()) for (const name of readdirSync(p)) if (name !== 'node_modules') walk(join(p, name));
  };
  for (const p of paths) walk(join(root, p));
  return max;
}

/** Builds the Node entry points (`npm run build -- --node-only`) when the host bundle is missing or stale. */
export function ensureHostBundle(root: string, build: () => void): boolean {
  if (bundleIsFresh(root)) return true;
  build();
  fresh.delete(root);
  return bundleIsFresh(root);
}
