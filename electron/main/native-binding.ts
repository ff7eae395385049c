/**
 * Where the Electron build of better-sqlite3 lives. Electron's Node has its
 * own ABI, so the addon in node_modules (built for Node, used by tests and
 * the web host) cannot load in main. `scripts/prepare-electron-native.mjs`,
 * run by `npm start`, builds a second copy into `.electron-native/` and
 * stamps it; main hands that file to better-sqlite3's `nativeBinding`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const NATIVE_DIR = '.electron-native';
export const NATIVE_FILE = 'better_sqlite3.node';
/** Written by the prepare script beside the addon: what it was built for. */
export const NATIVE_STAMP = 'build-info.json';

export interface NativeStamp {
  electron: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}

export type NativeBindingLookup =
  | { ok: true; path: string }
  | { ok: false; path: string; problem: string };

export interface NativeFs {
  exists(path: string): boolean;
  read(path: string): string;
}

const realFs: NativeFs = { exists: existsSync, read: (p) => readFileSync(p, 'utf8') };

/**
 * Finds the addon for this Electron. A missing or mismatched build is not
 * fatal here: storage then fails to open and the kiosk shows its
 * out-of-service screen, with `problem` in the log saying how to fix it.
 */
export function findNativeBinding(
  projectRoot: string,
  running: { electron: string; platform: string; arch: string },
  fs: NativeFs = realFs,
): NativeBindingLookup {
  const dir = join(projectRoot, NATIVE_DIR);
  const path = join(dir, NATIVE_FILE);
  if (!fs.exists(path)) {
    return { ok: false, path, problem: `${path} is missing: run \`npm start\`, which builds it for Electron ${running.electron}` };
  }
  let stamp: Partial<NativeStamp> = {};
  try {
    stamp = JSON.parse(fs.read(join(dir, NATIVE_STAMP))) as Partial<NativeStamp>;
  } catch {
    return { ok: false, path, problem: `${join(dir, NATIVE_STAMP)} is missing or unreadable: delete ${dir} and run \`npm start\`` };
  }
  if (stamp.electron !== running.electron || stamp.platform !== running.platform || stamp.arch !== running.arch) {
    return {
      ok: false,
      path,
      problem: `${path} was built for Electron ${stamp.electron} ${stamp.platform}-${stamp.arch}, this is Electron ${running.electron} ${running.platform}-${running.arch}: run \`npm start\` to rebuild it`,
    };
  }
  return { ok: true, path };
}
