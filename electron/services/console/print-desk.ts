/**
 * Print jobs as the front desk handles them: every job with its state; a
 * visitor's slip the printer failed (or may not have printed) is "owed"
 * until staff reprint or cancel it, and that choice is kept with who made
 * it (`print_job_resolutions`). Job states themselves belong to the printing
 * service and its job store: this desk only reads them, cancels a job still
 * queued through the store's own guarded transition, and asks for reprints.
 */
import type { Db } from '../storage/database';
import type { PrintJobSummary } from '../../contract/printing-api';
import type { ConsoleJob } from '../../contract/console-api';
import { PrintJobStore } from '../printing/print-job-store';
import type { PrintingService } from '../printing/printing-service';
import { ConsoleError } from './console-errors';

/** Slips a visitor was meant to take home (not tests or samples). */
export const VISITOR_SLIP_KINDS = new Set(['prescription', 'crisis', 'store-ticket']);

interface Resolution {
  job_id: string;
  resolution: 'cancelled' | 'reprinted';
  new_job_id: string | null;
  by: string;
}

export class PrintDesk {
  private readonly store: PrintJobStore;
  constructor(
    private readonly db: Db,
    private readonly printing: PrintingService,
    now: () => Date,
  ) {
    this.store = new PrintJobStore(db, now);
  }

  private resolutions(ids: string[]): Map<string, Resolution> {
    if (ids.length === 0) return new Map();
    const rows = this.db.prepare(`SELECT * FROM print_job_resolutions WHERE job_id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Resolution[];
    return new Map(rows.map((r) => [r.job_id, r]));
  }

  private view(j: PrintJobSummary, r: Resolution | undefined): ConsoleJob {
    const troubled = j.state === 'failed' || j.state === 'unknown';
    return {
      ...j,
      owed: VISITOR_SLIP_KINDS.has(j.kind) && troubled && !r,
      resolution: r?.resolution ?? null,
      resolvedBy: r?.by ?? null,
      canCancel: !r && (j.state === 'queued' || troubled),
      canReprint: !r && (j.state === 'printed' || troubled),
    };
  }

  jobs(limit: number): { jobs: ConsoleJob[]; owed: ConsoleJob[] } {
    const recent = this.printing.jobs({ limit });
    // Owed slips stay listed however old, until someone resolves them.
    const troubled = this.printing.jobs({ limit: 200, states: ['failed', 'unknown'] }).filter((j) => VISITOR_SLIP_KINDS.has(j.kind));
    const all = [...recent, ...troubled];
    const res = this.resolutions([...new Set(all.map((j) => j.jobId))]);
    return {
      jobs: recent.map((j) => this.view(j, res.get(j.jobId))),
      owed: troubled.map((j) => this.view(j, res.get(j.jobId))).filter((j) => j.owed),
    };
  }

  job(jobId: string): ConsoleJob {
    const j = this.printing.job(jobId);
    if (!j) throw new ConsoleError('console.job_not_found', `no print job ${jobId}`);
    return this.view(j, this.resolutions([jobId]).get(jobId));
  }

  /** A queued job stops (the store's guarded queued → failed), a failed one is settled: either way nobody is owed it any more. */
  cancel(jobId: string, by: string, at: string): ConsoleJob {
    const before = this.job(jobId);
    if (!before.canCancel) throw new ConsoleError('console.job_not_cancellable', `job ${jobId} is ${before.state}${before.resolution ? `, ${before.resolution}` : ''}`);
    if (before.state === 'queued' && !this.store.markFailed(jobId, 'printer.cancelled')) {
      // It started printing a moment ago: it is no longer the desk's to stop.
      throw new ConsoleError('console.job_not_cancellable', `job ${jobId} started printing`);
    }
    this.db.prepare("INSERT INTO print_job_resolutions (job_id, resolution, new_job_id, at, by) VALUES (?, 'cancelled', NULL, ?, ?)").run(jobId, at, by);
    return this.job(jobId);
  }

  reprint(jobId: string, by: string, at: string): { old: ConsoleJob; next: ConsoleJob } {
    const before = this.job(jobId);
    if (!before.canReprint) throw new ConsoleError('console.job_not_reprintable', `job ${jobId} is ${before.state}`);
    const next = this.printing.reprint(jobId);
    // A printed slip reprinted (a visitor lost theirs) was never owed: only troubled ones are settled by it.
    if (before.state !== 'printed') {
      this.db.prepare("INSERT INTO print_job_resolutions (job_id, resolution, new_job_id, at, by) VALUES (?, 'reprinted', ?, ?, ?)").run(jobId, next.jobId, at, by);
    }
    return { old: this.job(jobId), next: this.job(next.jobId) };
  }
}
