import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../app/logger';
import { openDatabase, type Db } from '../storage/database';
import { EventLog } from '../storage/event-log';
import { bookedOutcome, firstJobOf, followSlipOutcomes, slipOutcome } from './print-books';
import { PrintJobStore } from './print-job-store';
import { printingEventSchemas } from './printing-events';

const doc = { blocks: [{ type: 'text' as const, text: 'Rx', align: 'left' as const, bold: false, size: 'normal' as const }], footer: [], cut: true };

describe('print books: a slip counts its reprints', () => {
  let dir: string;
  let db: Db;
  afterEach(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const setUp = () => {
    dir = mkdtempSync(join(tmpdir(), 'itda-print-books-'));
    db = openDatabase({ dataDir: dir });
    const store = new PrintJobStore(db);
    const events = new EventLog(db, 'k1', printingEventSchemas);
    const job = (reprintOf: string | null = null) => store.insert({ kind: 'prescription', ref: 'rx-1', mode: 'text', document: doc, reprintOf, reprintReason: reprintOf ? 'auto' : null, failAfterSeconds: 60 });
    return { store, events, job };
  };

  it('an unknown first print that a marked reprint printed is printed; waiting, failed and unknown are told apart', () => {
    const { store, job } = setUp();
    const first = job();
    expect(slipOutcome(db, first.jobId)).toBe('waiting');
    store.startPrinting(first.jobId);
    store.markUnknown(first.jobId, 'printer.connection_lost');
    expect(slipOutcome(db, first.jobId)).toBe('unknown');
    const again = job(first.jobId);
    expect(firstJobOf(db, again.jobId)).toBe(first.jobId);
    // The reprint waits: the slip may still have come out the first time.
    expect(slipOutcome(db, first.jobId)).toBe('unknown');
    store.startPrinting(again.jobId);
    store.markPrinted(again.jobId, true);
    expect(slipOutcome(db, first.jobId)).toBe('printed');
    // A staff reprint of the reprint still belongs to the first job's slip.
    expect(firstJobOf(db, job(again.jobId).jobId)).toBe(first.jobId);

    const lost = job();
    store.markFailed(lost.jobId, 'printer.timeout');
    expect(slipOutcome(db, lost.jobId)).toBe('failed');
    expect(slipOutcome(db, 'no-such-job')).toBeNull();
    expect(bookedOutcome(db, { jobId: null, outcome: 'failed' })).toBe('failed');
    expect(bookedOutcome(db, { jobId: 'no-such-job', outcome: 'waiting' })).toBe('waiting');
    expect(bookedOutcome(db, { jobId: first.jobId, outcome: 'unknown' })).toBe('printed');
  });

  it('calls back with the first job and the new outcome when a reprint prints, in the writer\'s transaction', () => {
    const { store, events, job } = setUp();
    const seen: [string, string][] = [];
    const off = followSlipOutcomes({ db, events, logger: createLogger({ dir: null, echo: false }) }, (first, outcome) => seen.push([first, outcome]));
    const first = job();
    store.startPrinting(first.jobId);
    store.markUnknown(first.jobId, 'printer.connection_lost');
    events.append('print.job_unknown', { jobId: first.jobId, code: 'printer.connection_lost', interruptedByRestart: false });
    const again = job(first.jobId);
    store.startPrinting(again.jobId);
    store.atomically(() => {
      store.markPrinted(again.jobId, true);
      events.append('print.job_printed', { jobId: again.jobId, attempt: 1, confirmed: true });
    });
    expect(seen).toEqual([
      [first.jobId, 'unknown'],
      [first.jobId, 'printed'],
    ]);
    // Events about jobs not in the queue and other event types are ignored.
    events.append('print.job_printing', { jobId: again.jobId, attempt: 2, bytes: 10 });
    expect(seen).toHaveLength(2);
    off();
  });
});
