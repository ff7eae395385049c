/**
 * When the data dir's disk runs low, make room in what can be lost: rotated
 * logs first (oldest first), then printer preview files (simulated slips,
 * oldest first), and as a last resort the live logs are emptied. The
 * database, its WAL, the keys and the config are never touched: a full disk
 * must cost diagnostics, never a visitor's record.
 */
import { readdirSync, rmSync, statSync, statfsSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { rotatedLogs } from './log-files';

export function diskFreeBytes(dir: string): number {
  const s = statfsSync(dir);
  return Number(s.bavail) * Number(s.bsize);
}

export interface DiskGuardInput {
  logsDir: string;
  /** Folders of printer preview files (`.png`, `.txt`). */
  previewDirs: string[];
  minFreeBytes: number;
  /** Free bytes now (injected so tests can play a full disk). */
  freeBytes(): number;
}

export interface DiskTrimResult {
  removedFiles: number;
  freedBytes: number;
  freeAfter: number;
}

interface Candidate {
  path: string;
  size: number;
  mtimeMs: number;
}

function previewFiles(dirs: string[]): Candidate[] {
  const out: Candidate[] = [];
  for (const dir of dirs) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const n of names) {
      if (!/\.(png|txt|bin)$/.test(n)) continue;
      try {
        const st = statSync(join(dir, n));
        if (st.isFile()) out.push({ path: join(dir, n), size: st.size, mtimeMs: st.mtimeMs });
      } catch {
        // Removed meanwhile.
      }
    }
  }
  return out.sort((a, b) => a.mtimeMs - b.mtimeMs);
}

function liveLogs(dir: string): Candidate[] {
  try {
    return readdirSync(dir)
      .filter((n) => n.endsWith('.log'))
      .map((n) => {
        const st = statSync(join(dir, n));
        return { path: join(dir, n), size: st.size, mtimeMs: st.mtimeMs };
      });
  } catch {
    return [];
  }
}

/** Frees space until `minFreeBytes` is free again (or nothing trimmable is left). */
export function trimForSpace(input: DiskGuardInput): DiskTrimResult {
  let free = input.freeBytes();
  let removedFiles = 0;
  let freedBytes = 0;
  if (free >= input.minFreeBytes) return { removedFiles, freedBytes, freeAfter: free };
  for (const f of [...rotatedLogs(input.logsDir), ...previewFiles(input.previewDirs)]) {
    if (free >= input.minFreeBytes) break;
    try {
      rmSync(f.path, { force: true });
      removedFiles++;
      freedBytes += f.size;
    } catch {
      continue;
    }
    free = input.freeBytes();
  }
  for (const f of liveLogs(input.logsDir)) {
    if (free >= input.minFreeBytes) break;
    try {
      truncateSync(f.path, 0);
      freedBytes += f.size;
    } catch {
      continue;
    }
    free = input.freeBytes();
  }
  return { removedFiles, freedBytes, freeAfter: free };
}

/** Preview files older than `days` (the nightly trim keeps recent ones for staff to look at). */
export function trimOldPreviews(dirs: string[], olderThanMs: number): number {
  let removed = 0;
  for (const f of previewFiles(dirs)) {
    if (f.mtimeMs >= olderThanMs) break;
    rmSync(f.path, { force: true });
    removed++;
  }
  return removed;
}
