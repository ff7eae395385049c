import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../storage/database';
import { EventLog } from '../storage/event-log';
import { z } from 'zod';
import { PrintJobStore, SEALED_MARK } from './print-job-store';

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

describe('print job store: sealed jobs (a coupon code kept off the database)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('stores the document with its secrets sealed, prints the whole one, reseals a reprint, and will not print a sealed job a restart forgot', () => {
    const dir = mkdtempSync(join(tmpdir(), 'itda-job-sealed-'));
    dirs.push(dir);
    const db = openDatabase({ dataDir: dir });
    const store = new PrintJobStore(db);
    const doc = {
      blocks: [
        { type: 'text' as const, text: 'ABCDE-FGHJK-LMNPQ', align: 'center' as const, bold: true, size: 'large' as const },
        { type: 'qr' as const, data: 'https://k.lan/redeem#ABCDE-FGHJK-LMNPQ', module: 4 },
      ],
      footer: [],
      cut: true,
    };
    const secrets = ['ABCDEFGHJKLMNPQ', 'ABCDE-FGHJK-LMNPQ', 'https://k.lan/redeem#ABCDE-FGHJK-LMNPQ'];
    const job = store.insert({ kind: 'coupon', mode: 'text', document: doc, failAfterSeconds: 60, secrets });
    const stored = db.prepare('SELECT document FROM print_jobs WHERE id = ?').pluck().get(job.jobId) as string;
    expect(stored).not.toContain('FGHJK');
    expect(store.document(job.jobId)!.blocks[0]).toMatchObject({ text: SEALED_MARK });
    expect(store.printable(job.jobId)).toMatchObject({ blocks: [{ text: 'ABCDE-FGHJK-LMNPQ' }, { data: 'https://k.lan/redeem#ABCDE-FGHJK-LMNPQ' }] });

    const again = store.insert({ kind: 'coupon', mode: 'text', document: store.printable(job.jobId)!, reprintOf: job.jobId, failAfterSeconds: 60 });
    expect(db.prepare('SELECT document FROM print_jobs WHERE id = ?').pluck().get(again.jobId)).not.toContain('FGHJK');
    expect(store.printable(again.jobId)!.blocks[0]).toMatchObject({ text: 'ABCDE-FGHJK-LMNPQ' });

    // A restart: a new store knows nothing of the whole document; the job must not print masked.
    expect(new PrintJobStore(db).printable(job.jobId)).toBeUndefined();
    // Printed: the whole document is let go.
    store.startPrinting(job.jobId);
    store.markPrinted(job.jobId);
    expect(store.printable(job.jobId)).toBeUndefined();
    db.close();
  });
});
