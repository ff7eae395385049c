/**
 * The simulator's files: each printed job as `job-<time>-<seq>.txt` (decoded
 * text) and `.png` (what the paper shows), and injected faults in a JSON
 * state file (`{"paperOut": true}`) that tests, maintenance mode and a
 * technician can edit while it runs.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { simFaultsSchema, type SimFaults, type SimFaultsInput } from '../../../contract/printing-api';
import { paperText } from '../paper-model';
import { renderPaper } from '../paper-render';
import { noFaults, type SimJob } from './printer-sim-core';

export function writeSimJob(dir: string, job: SimJob, widthDots: number, at = new Date()): { txt: string; png: string } {
  mkdirSync(dir, { recursive: true });
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('.', '');
  const base = join(dir, `job-${stamp}-${String(job.seq).padStart(4, '0')}`);
  writeFileSync(`${base}.txt`, paperText(job.items));
  writeFileSync(`${base}.png`, renderPaper(job.items, widthDots));
  return { txt: `${base}.txt`, png: `${base}.png` };
}

/** Reads the state file when it changed; a missing or broken file means "no faults" (and says why once). */
export function simStateReader(file: string, warn: (msg: string) => void = () => {}): () => SimFaults | null {
  let lastKey = '';
  let last: SimFaults = { ...noFaults };
  let warned = '';
  return () => {
    let key: string;
    try {
      // A rename gives a new inode, so two writes within one clock tick still differ.
      const st = statSync(file);
      key = `${st.mtimeMs}:${st.ino}:${st.size}`;
    } catch {
      if (lastKey !== '') {
        lastKey = '';
        last = { ...noFaults };
      }
      return last;
    }
    if (key === lastKey) return last;
    lastKey = key;
    try {
      const parsed = simFaultsSchema.parse(JSON.parse(readFileSync(file, 'utf8') || '{}'));
      last = { ...noFaults, ...parsed };
      warned = '';
    } catch (err) {
      const msg = `printer simulator: ignoring ${file}: ${(err as Error).message}`;
      if (msg !== warned) warn(msg);
      warned = msg;
    }
    return last;
  };
}

/** Writes the faults atomically (rename), so a reader never sees half a file. */
export function writeSimState(file: string, faults: SimFaults | SimFaultsInput): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(faults, null, 2) + '\n');
  renameSync(tmp, file);
}
