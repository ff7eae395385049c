import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../storage/database';
import { createLogger } from '../app/logger';
import { printerConfigSchema } from './printer-config';
import { parsePrinterUri } from './printer-uri';
import { createPrintingRuntime, type PrintingRuntime } from './printing-service';
import { PrinterSimCore, type SimJob } from './sim/printer-sim-core';
import { SimTransport } from './transports/sim-transport';
import { PrintJobStore } from './print-job-store';
import { paperText } from './paper-model';

const slip = { blocks: [{ type: 'text' as const, text: '마음 처방전 #1' }] };

describe('print queue worker (fake timers, in-memory simulator)', () => {
  let dir: string;
  let db: Db;
  let events: { type: string; payload: any }[];
  let alerts: { kind: string; detail: any }[];
  let pushes: any[];
  let printed: SimJob[];
  let core: PrinterSimCore;
  let runtimes: PrintingRuntime[];

  const config = printerConfigSchema.parse({ statusPollMs: 1000, statusTimeoutMs: 500, jobFailAfterSeconds: 60 });
  const target = parsePrinterUri('sim?mode=text', config);

  /** A runtime on the simulator; `record` replaces the event log (a test that makes it fail). */
  function runtime(transport = new SimTransport(core), record: (type: string, payload: unknown) => void = (type, payload) => events.push({ type, payload })): PrintingRuntime {
    const rt = createPrintingRuntime({
      db,
      config,
      target,
      dataDir: dir,
      logger: createLogger({ dir: null, echo: false }),
      record,
      alert: (kind, detail) => alerts.push({ kind, detail }),
      pushStatus: (s) => pushes.push(s),
      connection: { transport },
    });
    runtimes.push(rt);
    return rt;
  }
  const types = () => events.map((e) => e.type);

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    dir = mkdtempSync(join(tmpdir(), 'itda-print-worker-'));
    db = openDatabase({ dataDir: dir });
    events = [];
    alerts = [];
    pushes = [];
    printed = [];
    runtimes = [];
    core = new PrinterSimCore({ onJob: (j) => printed.push(j) });
  });

  afterEach(async () => {
    for (const rt of runtimes) await rt.stop();
    vi.useRealTimers();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a submitted slip exactly once and logs queued → printing → printed', async () => {
    const rt = runtime();
    rt.start();
    const job = rt.service.submit(slip, { kind: 'prescription', ref: 'rx-1' });
    expect(job.state).toBe('queued');
    await vi.advanceTimersByTimeAsync(10);
    const done = await rt.service.waitForJob(job.jobId, 5000);
    expect(done).toMatchObject({ state: 'printed', attempts: 1, ref: 'rx-1', lastError: null });
    expect(printed).toHaveLength(1);
    expect(paperText(printed[0].items)).toContain('마음 처방전 #1');
    expect(types()).toEqual(['print.job_queued', 'printer.status_changed', 'print.job_printing', 'print.job_printed']);
    expect(pushes.at(-1)).toMatchObject({ state: 'ok' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(printed).toHaveLength(1);
  });

  it('holds a job while paper is out, sends nothing, and prints it once when paper is loaded', async () => {
    core.setFaults({ paperOut: true });
    const rt = runtime();
    rt.start();
    const job = rt.service.submit(slip, { kind: 'checkin' });
    await vi.advanceTimersByTimeAsync(10);
    const waiting = await rt.service.waitForJob(job.jobId, 1000);
    expect(waiting).toMatchObject({ state: 'queued', waitingOn: 'printer.paper_out', attempts: 0 });
    expect(rt.service.ready()).toBe(false);
    expect(alerts.map((a) => a.kind)).toEqual(['printer_fault']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(printed).toHaveLength(0);

    core.setFaults({ paperOut: false });
    await vi.advanceTimersByTimeAsync(1000);
    expect(rt.service.job(job.jobId)).toMatchObject({ state: 'printed', attempts: 1, waitingOn: null });
    expect(printed).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(printed).toHaveLength(1);
  });

  it('marks a job unknown when no acknowledgement comes in time, then reprints it once, marked, when the printer is back', async () => {
    const transport = new SimTransport(core);
    const write = transport.write.bind(transport);
    let jobWrites = 0;
    transport.write = async (data: Buffer) => {
      const isStatus = data.length === 12 && data[0] === 0x10;
      if (!isStatus && ++jobWrites === 1) core.setFaults({ paperOut: true }); // paper runs out mid-slip
      return write(data);
    };
    const rt = runtime(transport);
    rt.start();
    const job = rt.service.submit(slip, { kind: 'prescription' });
    await vi.advanceTimersByTimeAsync(10);
    // The printer holds the job (and its GS r 1) while paper is out: no acknowledgement, never "printed".
    expect(rt.service.job(job.jobId)!.state).toBe('printing');
    await vi.advanceTimersByTimeAsync(8_000);
    expect(rt.service.job(job.jobId)).toMatchObject({ state: 'unknown', lastError: 'printer.no_ack' });
    expect(alerts.find((a) => a.kind === 'print_job_unknown')!.detail).toMatchObject({ jobId: job.jobId, willReprint: true });
    expect(types()).toContain('print.job_unknown');

    // Loading paper lets the printer finish what it holds; then the kiosk prints it once more, marked.
    core.setFaults({ paperOut: false });
    await vi.advanceTimersByTimeAsync(5000);
    expect(printed).toHaveLength(2);
    expect(paperText(printed[0].items)).not.toContain('재발행');
    expect(paperText(printed[1].items)).toContain('재발행 / REPRINT');
    expect(paperText(printed[1].items)).toContain('마음 처방전 #1');
    const again = rt.service.jobs().find((j) => j.reprintOf === job.jobId)!;
    expect(again).toMatchObject({ state: 'printed', reprintReason: 'auto', confirmed: true });
    expect(events.find((e) => e.type === 'print.job_auto_reprint')!.payload).toMatchObject({ jobId: job.jobId, reprintJobId: again.jobId });
    expect(rt.service.job(job.jobId)!.state).toBe('unknown');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(printed).toHaveLength(2);
  });

  it('a connection dropped part-way through a job is unknown, never printed; the reprint is marked and happens once', async () => {
    core.setFaults({ dropAfterBytes: 300 });
    const rt = runtime();
    rt.start();
    const long = { blocks: Array.from({ length: 20 }, (_, i) => ({ type: 'text' as const, text: `마음 처방전 줄 ${i + 1}` })) };
    const job = rt.service.submit(long, { kind: 'prescription', ref: 'rx-drop' });
    await vi.advanceTimersByTimeAsync(10);
    expect(rt.service.job(job.jobId)).toMatchObject({ state: 'unknown', lastError: 'printer.connection_lost' });
    expect(printed).toHaveLength(1);
    expect(printed[0].uncut).toBe(true);
    expect(paperText(printed[0].items)).not.toContain('줄 20');
    // The reprint is dropped too while the knob is on: it is not reprinted again (staff have the case).
    await vi.advanceTimersByTimeAsync(1000);
    const reprints = rt.service.jobs().filter((j) => j.reprintOf === job.jobId);
    expect(reprints).toHaveLength(1);
    expect(reprints[0].state).toBe('unknown');
    core.setFaults({ dropAfterBytes: null });
    await vi.advanceTimersByTimeAsync(5000);
    expect(rt.service.jobs().filter((j) => j.reprintOf !== null)).toHaveLength(1);
    expect(types().filter((t) => t === 'print.job_printed')).toHaveLength(0);
  });

  it('gives up after jobFailAfterSeconds and tells staff', async () => {
    core.setFaults({ coverOpen: true });
    const rt = runtime();
    rt.start();
    const job = rt.service.submit(slip, { kind: 'checkin' });
    await vi.advanceTimersByTimeAsync(59_000);
    expect(rt.service.job(job.jobId)!.state).toBe('queued');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(rt.service.job(job.jobId)).toMatchObject({ state: 'failed', lastError: 'printer.cover_open' });
    expect(alerts.map((a) => a.kind)).toEqual(['printer_fault', 'print_job_failed']);
    core.setFaults({ coverOpen: false });
    await vi.advanceTimersByTimeAsync(5000);
    expect(printed).toHaveLength(0);
  });

  it('calls a silent printer "not responding" and keeps the job queued', async () => {
    core.setFaults({ noResponse: true });
    const rt = runtime();
    rt.start();
    const job = rt.service.submit(slip, { kind: 'checkin' });
    await vi.advanceTimersByTimeAsync(600);
    expect(rt.service.status()).toMatchObject({ state: 'not_responding', faults: ['printer.not_responding'] });
    expect(rt.service.job(job.jobId)).toMatchObject({ state: 'queued', waitingOn: 'printer.not_responding' });
    expect(printed).toHaveLength(0);
  });

  it('after a restart, marks a job left mid-send unknown and resumes the queued ones', async () => {
    const store = new PrintJobStore(db);
    const mid = store.insert({ kind: 'prescription', mode: 'text', document: { blocks: [{ type: 'feed', lines: 1 }], footer: [], cut: true }, failAfterSeconds: 60 });
    store.startPrinting(mid.jobId);
    const waiting = store.insert({ kind: 'checkin', mode: 'text', document: { blocks: [{ type: 'feed', lines: 1 }], footer: [], cut: true }, failAfterSeconds: 60 });
    const rt = runtime();
    rt.start();
    await vi.advanceTimersByTimeAsync(10);
    expect(rt.service.job(mid.jobId)).toMatchObject({ state: 'unknown', lastError: 'app.restarted', attempts: 1 });
    expect(rt.service.job(waiting.jobId)!.state).toBe('printed');
    // The waiting job, and the interrupted one reprinted once, marked.
    expect(printed).toHaveLength(2);
    expect(printed.filter((j) => paperText(j.items).includes('재발행'))).toHaveLength(1);
    expect(alerts.map((a) => a.kind)).toContain('print_job_unknown');
    expect(events.find((e) => e.type === 'print.job_unknown')!.payload).toMatchObject({ jobId: mid.jobId, interruptedByRestart: true });
  });

  it('reprints only on request, as a new job linked to the old one', async () => {
    const rt = runtime();
    rt.start();
    const job = rt.service.submit(slip, { kind: 'prescription', ref: 'rx-9' });
    expect(() => rt.service.reprint(job.jobId)).toThrow(expect.objectContaining({ code: 'printer.job_not_reprintable' }));
    await vi.advanceTimersByTimeAsync(10);
    const again = rt.service.reprint(job.jobId);
    expect(again).toMatchObject({ reprintOf: job.jobId, kind: 'prescription', ref: 'rx-9', state: 'queued' });
    expect(again.jobId).not.toBe(job.jobId);
    await vi.advanceTimersByTimeAsync(10);
    expect(printed).toHaveLength(2);
    expect(() => rt.service.reprint('nope')).toThrow(expect.objectContaining({ code: 'printer.job_not_found' }));
  });

  it('refuses a bad slip document with field paths', () => {
    const rt = runtime();
    expect(() => rt.service.submit({ blocks: [{ type: 'qr', data: '' }] } as never, { kind: 'x' })).toThrow(
      expect.objectContaining({ code: 'printer.invalid_document', details: [expect.stringContaining('blocks.0.data')] }),
    );
  });

  it('a job and its queued event land together: when the event cannot be written, no job is left the books never saw (chaos seed 29)', () => {
    const rt = runtime(new SimTransport(core), (type, payload) => {
      if (type === 'print.job_queued') throw new Error('killed mid-write');
      events.push({ type, payload });
    });
    expect(() => rt.service.submit(slip, { kind: 'prescription', ref: 'rx-29' })).toThrow('killed mid-write');
    expect(db.prepare('SELECT COUNT(*) FROM print_jobs').pluck().get()).toBe(0);
  });

  it('waitForJob returns the job as it is at the timeout', async () => {
    const rt = runtime();
    const job = rt.service.submit(slip, { kind: 'x' }); // worker not started: stays queued
    const p = rt.service.waitForJob(job.jobId, 2000);
    await vi.advanceTimersByTimeAsync(2000);
    await expect(p).resolves.toMatchObject({ state: 'queued', waitingOn: null });
  });
});
