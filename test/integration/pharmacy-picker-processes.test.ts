import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../electron/services/app/project-paths';
import { openDatabase } from '../../electron/services/storage/database';
import type { PrescriptionPick } from '../../electron/services/pharmacy/prescription-picker';

/**
 * The web host and the Electron main process may both run against one
 * itda.db. Two real processes picking at the same moment must still hand out
 * each prescription once per cycle: the read-modify-write is one
 * BEGIN IMMEDIATE transaction, so neither can act on a stale cycle. (With
 * a deferred transaction instead, one worker fails on SQLITE_BUSY at its
 * first contended write, and this test fails.)
 */
describe('prescription picker shared by two processes', () => {
  let dir: string | undefined;
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null) c.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function startWorker(dataDir: string, count: number, n: number) {
    const child = spawn(process.execPath, ['--import', 'tsx', join('test', 'integration', 'pharmacy-picker-worker.ts'), dataDir, String(count), String(n)], {
      cwd: projectRoot(),
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    children.push(child);
    let out = '';
    let onReady: () => void;
    const ready = new Promise<void>((resolve) => (onReady = resolve));
    const done = new Promise<PrescriptionPick[]>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.startsWith('ready\n')) onReady();
      });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.slice('ready\n'.length)) as PrescriptionPick[]) : reject(new Error(`worker exited ${code}`))));
    });
    return { child, ready, done };
  }

  it('never gives a prescription twice in one cycle', async () => {
    const dataDir = (dir = mkdtempSync(join(tmpdir(), 'itda-picker-procs-')));
    // Migrate once up front, as the app does before a second process attaches.
    openDatabase({ dataDir }).close();
    const n = 6;
    const perWorker = 150;
    const workers = [startWorker(dataDir, perWorker, n), startWorker(dataDir, perWorker, n)];
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.child.stdin!.write('go\n');
    const picks = (await Promise.all(workers.map((w) => w.done))).flat();

    expect(picks).toHaveLength(2 * perWorker);
    const byCycle = new Map<number, string[]>();
    for (const p of picks) byCycle.set(p.cycle, [...(byCycle.get(p.cycle) ?? []), p.prescriptionId]);
    const fullCycles = Math.floor((2 * perWorker) / n);
    expect(byCycle.size).toBe(Math.ceil((2 * perWorker) / n));
    for (const [cycle, given] of byCycle) {
      expect(new Set(given).size, `cycle ${cycle}`).toBe(given.length);
      if (cycle <= fullCycles) expect(given.length, `cycle ${cycle}`).toBe(n);
    }
    // The stored cycle agrees with what the two processes handed out.
    const db = openDatabase({ dataDir });
    try {
      const state = db.prepare("SELECT cycle, json_array_length(given) AS given FROM pharmacy_rx_cycles WHERE symptom_id = 'loneliness'").get();
      expect(state).toEqual({ cycle: fullCycles, given: n });
    } finally {
      db.close();
    }
  });
});
