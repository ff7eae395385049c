/**
 * Which runtime `npm start` uses: Electron when its binary is installed, else
 * the browser kiosk runtime when a Chromium-family browser is on the machine,
 * else the Electron start path (which may fetch the binary once, and
 * otherwise says in one sentence where the kiosk can be opened).
 * `--runtime electron|browser|none` forces one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type RuntimeKind = 'electron' | 'browser' | 'none';

export const RUNTIME_KINDS: readonly RuntimeKind[] = ['electron', 'browser', 'none'];

export interface RuntimeChoice {
  runtime: RuntimeKind;
  /** One line for the person who typed `npm start`. */
  why: string;
}

export function parseRuntimeFlag(value: string | undefined): RuntimeKind | null {
  if (value === undefined) return null;
  if ((RUNTIME_KINDS as readonly string[]).includes(value)) return value as RuntimeKind;
  throw new TypeError(`--runtime must be one of ${RUNTIME_KINDS.join(', ')}, got "${value}"`);
}

export function chooseRuntime(input: { forced: RuntimeKind | null; electronBinary: string | null; browser: string | null }): RuntimeChoice {
  if (input.forced) return { runtime: input.forced, why: `--runtime ${input.forced}` };
  if (input.electronBinary) return { runtime: 'electron', why: `the Electron binary is installed (${input.electronBinary})` };
  if (input.browser) return { runtime: 'browser', why: `the Electron binary is not installed; using the browser ${input.browser}` };
  // Electron's own start path tries to fetch its binary once and otherwise names the URL.
  return { runtime: 'electron', why: 'neither the Electron binary nor a Chromium-family browser is installed' };
}

/**
 * The Electron binary when it is already on disk, without the download the
 * `electron` package starts on first use (that is the Electron path's job).
 */
export function installedElectron(projectRoot: string, env: NodeJS.ProcessEnv, exists: (p: string) => boolean = existsSync): string | null {
  const pkg = join(projectRoot, 'node_modules', 'electron');
  let executable = 'electron';
  try {
    executable = readFileSync(join(pkg, 'path.txt'), 'utf8').trim() || executable;
  } catch {
    if (!env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  }
  const full = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, executable) : join(pkg, 'dist', executable);
  return exists(full) ? full : null;
}
