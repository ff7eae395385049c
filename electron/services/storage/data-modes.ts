/**
 * Who may read the kiosk's data on this machine: its own user only. The
 * database holds nicknames, self-check answers and PIN hashes; the logs hold
 * peer addresses; `keys/` the visitor-data key. Before, `itda.db`, its WAL and
 * the log were 0644, readable by every local account.
 *
 * New files are private from the start (umask 077 for the kiosk process, and
 * explicit modes where we create them); at start every existing file is
 * checked and a loosened one is reported with the command that fixes it.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../app/logger';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Everything this process creates from now on is readable by its user only. */
export function restrictNewFiles(): void {
  process.umask(0o077);
}

/** Creates the data dir private, or leaves an existing one as it is (its mode is checked below). */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

export interface LoosenedPath {
  path: string;
  mode: string;
  want: string;
}

/** The data dir, its database files, `logs/` and `keys/`: any open to group or others. */
export function findLoosened(dataDir: string): LoosenedPath[] {
  const out: LoosenedPath[] = [];
  const check = (path: string, want: number) => {
    let st;
    try {
      st = lstatSync(path);
    } catch {
      return;
    }
    if (st.isSymbolicLink()) return;
    if ((st.mode & 0o077) !== 0) out.push({ path, mode: (st.mode & 0o777).toString(8).padStart(4, '0'), want: want.toString(8).padStart(4, '0') });
  };
  check(dataDir, PRIVATE_DIR_MODE);
  for (const f of ['itda.db', 'itda.db-wal', 'itda.db-shm']) check(join(dataDir, f), PRIVATE_FILE_MODE);
  for (const sub of ['logs', 'keys']) {
    const dir = join(dataDir, sub);
    if (!existsSync(dir)) continue;
    check(dir, PRIVATE_DIR_MODE);
    for (const f of readdirSync(dir)) check(join(dir, f), PRIVATE_FILE_MODE);
  }
  return out;
}

/** Logs one warning per loosened path, naming the fix; returns them (tests, diagnostics). */
export function warnIfLoosened(dataDir: string, logger: Logger): LoosenedPath[] {
  const loose = findLoosened(dataDir);
  for (const l of loose) {
    logger.warn(`data readable by other users: ${l.path} is ${l.mode}; run chmod ${l.want.slice(1)} '${l.path}'`, { path: l.path, mode: l.mode });
  }
  return loose;
}
