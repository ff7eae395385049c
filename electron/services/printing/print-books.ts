/**
 * The outcome a slip has in the books (`prescriptions_issued.print_state`,
 * `store_visits.print_state`), as opposed to what the visitor's screen was
 * told while it waited. A slip is one job and the reprints linked to it
 * (`reprint_of`, staff or the kiosk's marked reprint after an unknown): the
 * books say `printed` once any of them printed, so an unknown first print
 * that a marked reprint resolved no longer counts as unknown, and a slip that
 * printed after the screen stopped waiting no longer counts as waiting.
 *
 * Each domain keeps its own table: `followSlipOutcomes` calls it back with
 * the first job of a slip and the slip's outcome whenever a job of it settles,
 * inside the transaction that wrote the job's state and event.
 */
import type { Db } from '../storage/database';
import type { EventLog } from '../storage/event-log';
import type { Logger } from '../app/logger';

export type SlipOutcome = 'printed' | 'waiting' | 'failed' | 'unknown';

/** Jobs whose new state can change a slip's outcome. */
const SETTLING = new Set(['print.job_printed', 'print.job_failed', 'print.job_unknown', 'print.job_queued']);

/** The first job of the slip a job belongs to (itself when it is no reprint; the oldest still kept if the first was pruned); null when the job is not in the queue. */
export function firstJobOf(db: Db, jobId: string): string | null {
  return (
    (db
      .prepare(
        `WITH RECURSIVE up(id, reprint_of, depth) AS (
           SELECT id, reprint_of, 0 FROM print_jobs WHERE id = ?
           UNION ALL SELECT j.id, j.reprint_of, up.depth + 1 FROM print_jobs j JOIN up ON j.id = up.reprint_of WHERE up.depth < 50
         )
         SELECT id FROM up ORDER BY depth DESC LIMIT 1`,
      )
      .pluck()
      .get(jobId) as string | undefined) ?? null
  );
}

/**
 * The slip's outcome from the job and every reprint of it: printed if any
 * printed; else unknown if any may have printed; else waiting while one is
 * still queued or printing; else failed. Null when the job is not in the queue.
 */
export function slipOutcome(db: Db, firstJobId: string): SlipOutcome | null {
  const states = db
    .prepare(
      `WITH RECURSIVE down(id, depth) AS (
         SELECT id, 0 FROM print_jobs WHERE id = ?
         UNION ALL SELECT j.id, down.depth + 1 FROM print_jobs j JOIN down ON j.reprint_of = down.id WHERE down.depth < 50
       )
       SELECT j.state FROM print_jobs j JOIN down ON j.id = down.id`,
    )
    .pluck()
    .all(firstJobId) as string[];
  if (states.length === 0) return null;
  if (states.includes('printed')) return 'printed';
  if (states.includes('unknown')) return 'unknown';
  if (states.some((s) => s === 'queued' || s === 'printing')) return 'waiting';
  return 'failed';
}

/** What the books keep for a slip when its flow ends: its jobs' outcome now, or what the screen was told when no job is in the queue. */
export function bookedOutcome(db: Db, print: { jobId: string | null; outcome: SlipOutcome }): SlipOutcome {
  return (print.jobId && slipOutcome(db, print.jobId)) || print.outcome;
}

/**
 * Calls `update(firstJobId, outcome)` whenever a job settles or is queued
 * again. The callback runs in the writer's transaction; a failure there is
 * logged, never thrown into the print worker.
 */
export function followSlipOutcomes(deps: { db: Db; events: EventLog; logger: Logger }, update: (firstJobId: string, outcome: SlipOutcome) => void): () => void {
  return deps.events.subscribe((e) => {
    if (!SETTLING.has(e.type)) return;
    try {
      const jobId = (e.payload as { jobId: string }).jobId;
      const first = firstJobOf(deps.db, jobId);
      if (!first) return;
      const outcome = slipOutcome(deps.db, first);
      if (outcome) update(first, outcome);
    } catch (err) {
      deps.logger.warn('cannot bring a slip outcome up to date in the books', { type: e.type, err });
    }
  });
}
