/**
 * Log rotation and trimming for `<dataDir>/logs`. The kiosk's own `itda.log`
 * rotates itself (the logger renames it to `itda.log.1` … by size); the other
 * logs (the browser's `browser.log`) are rotated here: a log over its size
 * limit is copied aside and truncated in place (copy-truncate), because its
 * writer keeps the file open in append mode (Chromium holds it for its whole
 * life). Only files named `*.log` and their rotated copies are ever touched;
 * the database never is.
 */
import { copyFileSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';

export interface LogFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** `browser.log.20261205T030000Z(-1)` (rotated here) or `itda.log.3` (rotated by the logger). */
const ROTATED = /^(.+\.log)\.(\d{8}T\d{6}Z(?:-\d+)?|\d{1,3})$/;
const STAMPED = /\.\d{8}T\d{6}Z(?:-\d+)?$/;

/** Logs that rotate themselves (see `app/logger.ts`). */
export const SELF_ROTATING_LOGS = ['itda.log'];

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Rotated copies (`itda.log.20261205T030000Z`), oldest first. */
export function rotatedLogs(dir: string): LogFile[] {
  return list(dir)
    .filter((n) => ROTATED.test(n))
    .map((n) => {
      const st = statSync(join(dir, n));
      return { path: join(dir, n), size: st.size, mtimeMs: st.mtimeMs };
    })
    .sort((a, b) => a.mtimeMs - b.mtimeMs || a.path.localeCompare(b.path));
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** Rotates every other `*.log` larger than `maxBytes`, then keeps the newest `keep` copies of each. */
export function rotateLogs(dir: string, opts: { maxBytes: number; keep: number; now?: Date }): { rotated: number; removed: number } {
  let rotated = 0;
  for (const name of list(dir).filter((n) => n.endsWith('.log') && !SELF_ROTATING_LOGS.includes(n))) {
    const path = join(dir, name);
    let size = 0;
    try {
      size = statSync(path).size;
    } catch {
      continue;
    }
    if (size <= opts.maxBytes) continue;
    let target = `${path}.${stamp(opts.now ?? new Date())}`;
    for (let n = 1; list(dir).includes(target.slice(dir.length + 1)); n++) target = `${path}.${stamp(opts.now ?? new Date())}-${n}`;
    try {
      copyFileSync(path, target);
      truncateSync(path, 0);
      rotated++;
    } catch {
      // A full disk can fail the copy: the disk guard frees space, the next round tries again.
      rmSync(target, { force: true });
    }
  }
  let removed = 0;
  const byBase = new Map<string, LogFile[]>();
  for (const f of rotatedLogs(dir).filter((r) => STAMPED.test(r.path))) {
    const base = ROTATED.exec(f.path.slice(dir.length + 1))![1]!;
    byBase.set(base, [...(byBase.get(base) ?? []), f]);
  }
  for (const files of byBase.values()) {
    for (const f of files.slice(0, Math.max(0, files.length - opts.keep))) {
      rmSync(f.path, { force: true });
      removed++;
    }
  }
  return { rotated, removed };
}
