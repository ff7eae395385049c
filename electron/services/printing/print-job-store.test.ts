import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../storage/database';
import { EventLog } from '../storage/event-log';
import { z } from 'zod';
import { PrintJobStore } from './print-job-store';

describe('print job store: a state change and its event land together', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('keeps the job "printing" (so a restart makes it unknown) when its "printed" event cannot be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'itda-job-store-'));
    dirs.push(dir);
    const db = openDatabase({ dataDir: dir });
    const events = new EventLog(db, 'k1', { 'print.job_printed': z.object({ jobId: z.string() }) });
    const store = new PrintJobStore(db);
    const job = store.insert({ kind: 'prescription', mode: 'text', document: { blocks: [{ type: 'text', text: 'Rx', align: 'left', bold: false, size: 'normal' }], footer: [], cut: true }, failAfterSeconds: 60 });
    expect(store.startPrinting(job.jobId)).toBe(true);

    // The event write fails (a full disk, a kill mid-write): the row change goes back with it.
    expect(() =>
      store.atomically(() => {
        store.markPrinted(job.jobId, true);
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(store.get(job.jobId)!.state).toBe('printing');

    store.atomically(() => {
      store.markPrinted(job.jobId, true);
      events.append('print.job_printed', { jobId: job.jobId });
    });
    expect(store.get(job.jobId)!.state).toBe('printed');
    expect(events.recent({ limit: 5 }).map((e) => e.type)).toContain('print.job_printed');
    db.close();
  });
});
