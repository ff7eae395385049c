/**
 * The queue worker and status poller, on the injected device clock. Each tick: fail
 * jobs past their time, ask the printer's status, then send queued jobs in
 * order while it is ready. A fault before sending leaves the job queued and
 * waiting (safe: nothing was sent); a fault after sending makes it
 * "unknown" for staff. A restart turns jobs left mid-send into "unknown".
 * Once the printer is back (status clear), a visitor's slip whose print is
 * unknown is reprinted once, marked as a reprint on the paper; staff are
 * alerted when it goes unknown and the reprint is an event.
 */
import type { PrintJobSummary } from '../../contract/printing-api';
import type { StaffAlertKind } from '../app/staff-alerts';
import type { Logger } from '../app/logger';
import type { PrintJobStore } from './print-job-store';
import type { PrintMode } from './printer-config';
import { statusChanged, unknownStatus, type PrinterStatus } from './printer-status';
import { isReady, type ReceiptPrinter } from './receipt-printer';
import { markReprint } from './reprint-mark';
import type { SlipDocument } from './slip-document';
import type { Clock } from '../devices/device-clock';

export interface PrintWorkerDeps {
  store: PrintJobStore;
  /** A queued job not printed within this long fails (also for automatic reprints). */
  failAfterSeconds: number;
  printer: ReceiptPrinter;
  clock: Clock;
  pollMs: number;
  encode(doc: SlipDocument, mode: PrintMode): Buffer;
  record(type: string, payload: unknown): void;
  alert(kind: StaffAlertKind, detail: Record<string, string | number | boolean | null>): void;
  /** The status changed (state, faults or warnings). */
  onStatus(status: PrinterStatus): void;
  logger: Logger;
}

export class PrintWorker {
  private current: PrinterStatus;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private readonly jobListeners = new Set<(job: PrintJobSummary) => void>();

  constructor(private readonly d: PrintWorkerDeps) {
    this.current = unknownStatus(d.printer.label);
  }

  get status(): PrinterStatus {
    return this.current;
  }

  ready(): boolean {
    return isReady(this.current, this.d.printer.transport.canRead);
  }

  /** Marks jobs a previous run left mid-send as unknown, then starts ticking. */
  start(): void {
    for (const job of this.d.store.interrupted()) {
      const marked = this.d.store.atomically(() => {
        if (!this.d.store.markUnknown(job.jobId, 'app.restarted')) return false;
        this.d.record('print.job_unknown', { jobId: job.jobId, code: 'app.restarted', interruptedByRestart: true });
        this.d.alert('print_job_unknown', { jobId: job.jobId, code: 'app.restarted', willReprint: willReprint(job) });
        return true;
      });
      if (marked) this.jobChanged(job.jobId);
    }
    this.stopped = false;
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) this.d.clock.clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Runs a tick soon (a job was queued, faults changed). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  /** One tick now; resolves when it is done (tests, `refreshStatus`). */
  async tickNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      await this.running;
    }
    await this.runTick();
  }

  onJob(listener: (job: PrintJobSummary) => void): () => void {
    this.jobListeners.add(listener);
    return () => this.jobListeners.delete(listener);
  }

  /** Records a status read elsewhere (a `refreshStatus`), with the same change handling. */
  noteStatus(next: PrinterStatus): void {
    const prev = this.current;
    this.current = next;
    if (this.ready()) {
      // The fault cleared: those jobs are no longer waiting, they are next to print.
      for (const j of this.d.store.queued()) if (j.waitingOn !== null && this.d.store.setWaiting(j.jobId, null)) this.jobChanged(j.jobId);
    }
    if (!statusChanged(prev, next)) return;
    this.d.record('printer.status_changed', { state: next.state, faults: next.faults, warnings: next.warnings, printer: next.printer });
    const fresh = next.faults.filter((f) => !prev.faults.includes(f));
    if (fresh.length) this.d.alert('printer_fault', { fault: fresh[0], printer: next.printer });
    this.d.onStatus(next);
  }

  jobChanged(jobId: string): void {
    const job = this.d.store.get(jobId);
    if (job) for (const l of this.jobListeners) l(job);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer !== null) this.d.clock.clearTimeout(this.timer);
    this.timer = this.d.clock.setTimeout(() => {
      this.timer = null;
      void this.runTick();
    }, ms);
  }

  private runTick(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.tick()
      .catch((err) => this.d.logger.error('print worker tick failed', { err }))
      .finally(() => {
        this.running = null;
        const soon = this.again;
        this.again = false;
        this.schedule(soon ? 0 : this.d.pollMs);
      });
    return this.running;
  }

  private async tick(): Promise<void> {
    for (const job of this.d.store.overdue()) {
      const code = job.waitingOn ?? job.lastError ?? 'printer.timeout';
      if (this.d.store.markFailed(job.jobId, code)) {
        this.d.record('print.job_failed', { jobId: job.jobId, code });
        this.d.alert('print_job_failed', { jobId: job.jobId, code });
        this.jobChanged(job.jobId);
      }
    }
    this.noteStatus(await this.d.printer.status());
    if (this.ready()) this.reprintUnknown();
    for (const job of this.d.store.queued()) {
      if (this.stopped) return;
      if (!this.ready()) {
        this.markWaiting(job.jobId, this.current.faults[0] ?? 'printer.not_responding');
        continue;
      }
      await this.send(job);
    }
  }

  /** One marked reprint for each visitor slip whose print is unknown; queued behind nothing, sent this tick. */
  private reprintUnknown(): void {
    for (const job of this.d.store.unknownAwaitingReprint()) {
      const doc = this.d.store.printable(job.jobId);
      if (!doc) continue;
      // The reprint job and its events land together (a SIGKILL between them left a job the event log never saw).
      const again = this.d.store.atomically(() => {
        const j = this.d.store.insert({
          kind: job.kind,
          ref: job.ref,
          mode: job.mode,
          document: markReprint(doc),
          reprintOf: job.jobId,
          reprintReason: 'auto',
          failAfterSeconds: this.d.failAfterSeconds,
        });
        this.d.record('print.job_queued', { jobId: j.jobId, kind: j.kind, ref: j.ref, mode: j.mode, reprintOf: job.jobId, reprintReason: 'auto' });
        this.d.record('print.job_auto_reprint', { jobId: job.jobId, reprintJobId: j.jobId, kind: job.kind, ref: job.ref });
        return j;
      });
      this.d.logger.info('reprinting a slip whose first print is unknown, marked as a reprint', { jobId: job.jobId, reprintJobId: again.jobId });
      this.jobChanged(again.jobId);
    }
  }

  private markWaiting(jobId: string, code: string): void {
    if (this.d.store.setWaiting(jobId, code)) {
      this.d.record('print.job_waiting', { jobId, waitingOn: code });
      this.jobChanged(jobId);
    }
  }

  private async send(job: PrintJobSummary): Promise<void> {
    let bytes: Buffer;
    try {
      const doc = this.d.store.printable(job.jobId);
      // A sealed job (a coupon) whose whole document a restart forgot: failing beats printing a slip without its code.
      if (!doc) throw new Error('the document of this sealed job was not kept across a restart');
      bytes = this.d.encode(doc, job.mode);
    } catch (err) {
      this.d.logger.error('cannot render a print job', { jobId: job.jobId, err });
      if (this.d.store.markFailed(job.jobId, 'printer.render_failed')) {
        this.d.record('print.job_failed', { jobId: job.jobId, code: 'printer.render_failed' });
        this.d.alert('print_job_failed', { jobId: job.jobId, code: 'printer.render_failed' });
        this.jobChanged(job.jobId);
      }
      return;
    }
    // Intent before the side effect, the state and its event together: a crash from here on leaves the job 'printing' → 'unknown' at restart.
    const started = this.d.store.atomically(() => {
      if (!this.d.store.startPrinting(job.jobId)) return false;
      this.d.record('print.job_printing', { jobId: job.jobId, attempt: job.attempts + 1, bytes: bytes.length });
      return true;
    });
    if (!started) return;
    this.jobChanged(job.jobId);
    const outcome = await this.d.printer.print(bytes);
    this.noteStatus(outcome.status);
    if (outcome.kind === 'printed') {
      this.d.store.atomically(() => {
        this.d.store.markPrinted(job.jobId, outcome.confirmed);
        this.d.record('print.job_printed', { jobId: job.jobId, attempt: job.attempts + 1, confirmed: outcome.confirmed, ms: Math.round(outcome.ms) });
      });
    } else if (outcome.kind === 'not_sent') {
      this.d.store.atomically(() => {
        this.d.store.requeue(job.jobId, outcome.error);
        this.d.record('print.job_requeued', { jobId: job.jobId, code: outcome.error });
        this.d.record('print.job_waiting', { jobId: job.jobId, waitingOn: outcome.error });
      });
    } else {
      // The unknown state, its event and the staff case land together: staff must never miss a slip that may not have come out.
      this.d.store.atomically(() => {
        this.d.store.markUnknown(job.jobId, outcome.error);
        this.d.record('print.job_unknown', {
          jobId: job.jobId,
          code: outcome.error,
          interruptedByRestart: false,
          ms: Math.round(outcome.ms),
          budgetMs: Math.round(outcome.budgetMs),
        });
        this.d.alert('print_job_unknown', { jobId: job.jobId, code: outcome.error, willReprint: willReprint(job) });
      });
    }
    this.jobChanged(job.jobId);
  }
}

/** Whether the kiosk reprints this job itself once the printer is back (a visitor's first print, not a test page). */
export function willReprint(job: Pick<PrintJobSummary, 'kind' | 'reprintOf'>): boolean {
  return job.reprintOf === null && job.kind !== 'test';
}
