/**
 * The print queue in SQLite: `queued → printing → printed | failed | unknown`.
 * Every transition names the state it leaves (`WHERE state = ?`), so a job
 * can never be taken twice or move backwards, whatever the worker does.
 */
import type { Db } from '../storage/database';
import { ulid } from '../storage/ids';
import type { PrintJobState, PrintJobSummary } from '../../contract/printing-api';
import type { PrintMode } from './printer-config';
import { slipDocumentSchema, type SlipDocument } from './slip-document';

interface Row {
  id: string;
  kind: string;
  ref: string | null;
  state: PrintJobState;
  waiting_on: string | null;
  mode: PrintMode;
  attempts: number;
  last_error: string | null;
  reprint_of: string | null;
  created_at: string;
  updated_at: string;
  printed_at: string | null;
  fail_after: string;
  confirmed: number | null;
  reprint_reason: 'auto' | 'staff' | null;
}

const COLUMNS = 'id, kind, ref, state, waiting_on, mode, attempts, last_error, reprint_of, created_at, updated_at, printed_at, fail_after, confirmed, reprint_reason';

function summary(r: Row): PrintJobSummary {
  return {
    jobId: r.id,
    kind: r.kind,
    ref: r.ref,
    state: r.state,
    waitingOn: r.waiting_on,
    attempts: r.attempts,
    lastError: r.last_error,
    mode: r.mode,
    reprintOf: r.reprint_of,
    reprintReason: r.reprint_reason,
    confirmed: r.confirmed === null ? null : r.confirmed === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    printedAt: r.printed_at,
  };
}

export interface NewJob {
  kind: string;
  ref?: string | null;
  mode: PrintMode;
  document: SlipDocument;
  reprintOf?: string | null;
  reprintReason?: 'auto' | 'staff' | null;
  failAfterSeconds: number;
  /**
   * Strings that must never reach the database (a coupon's code): the stored
   * document has each replaced by `SEALED_MARK`, the whole one is kept in
   * memory for the printer only, and a reprint of the job seals them again.
   */
  secrets?: string[];
}

/** What a sealed string reads as in the stored document (staff previews show it). */
export const SEALED_MARK = '[sealed]';

function sealDocument(doc: SlipDocument, secrets: string[]): SlipDocument {
  // Longest first: a grouped code contains none of the bare one, but a link contains the grouped code.
  const order = [...secrets].filter(Boolean).sort((a, b) => b.length - a.length);
  const seal = (v: unknown): unknown => {
    if (typeof v === 'string') return order.reduce((text, secret) => text.split(secret).join(SEALED_MARK), v);
    if (Array.isArray(v)) return v.map(seal);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, seal(x)]));
    return v;
  };
  return seal(doc) as SlipDocument;
}

export class PrintJobStore {
  /** Whole documents of sealed jobs (memory only: a restart forgets them, and such a job cannot print again). */
  private readonly sealed = new Map<string, { doc: SlipDocument; secrets: string[] }>();

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Runs `fn` in one transaction: a state change and its event land together or not at all (a SIGKILL between them left a 'printed' job with no event). */
  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  insert(job: NewJob): PrintJobSummary {
    const now = this.now();
    const at = now.toISOString();
    const id = ulid(now.getTime());
    const failAfter = new Date(now.getTime() + job.failAfterSeconds * 1000).toISOString();
    const secrets = job.secrets ?? (job.reprintOf ? this.sealed.get(job.reprintOf)?.secrets : undefined);
    const stored = secrets?.length ? sealDocument(job.document, secrets) : job.document;
    if (secrets?.length) this.sealed.set(id, { doc: job.document, secrets });
    this.db
      .prepare(
        `INSERT INTO print_jobs (id, kind, ref, state, mode, document, reprint_of, reprint_reason, created_at, updated_at, fail_after)
         VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, job.kind, job.ref ?? null, job.mode, JSON.stringify(stored), job.reprintOf ?? null, job.reprintReason ?? null, at, at, failAfter);
    return this.get(id)!;
  }

  get(id: string): PrintJobSummary | undefined {
    const r = this.db.prepare(`SELECT ${COLUMNS} FROM print_jobs WHERE id = ?`).get(id) as Row | undefined;
    return r ? summary(r) : undefined;
  }

  /** The document as stored: what previews show (a sealed job's secrets read `SEALED_MARK`). */
  document(id: string): SlipDocument | undefined {
    const r = this.db.prepare('SELECT document FROM print_jobs WHERE id = ?').get(id) as { document: string } | undefined;
    return r ? slipDocumentSchema.parse(JSON.parse(r.document)) : undefined;
  }

  /** The document to put on paper: a sealed job's whole one, or undefined when a restart lost it (it must not print masked). */
  printable(id: string): SlipDocument | undefined {
    const kept = this.sealed.get(id);
    if (kept) return kept.doc;
    const r = this.db.prepare('SELECT document FROM print_jobs WHERE id = ?').get(id) as { document: string } | undefined;
    if (!r || r.document.includes(SEALED_MARK)) return undefined;
    return slipDocumentSchema.parse(JSON.parse(r.document));
  }

  /** Oldest first: slips come out in the order visitors asked for them. */
  queued(): PrintJobSummary[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM print_jobs WHERE state = 'queued' ORDER BY created_at, id`).all() as Row[]).map(summary);
  }

  recent(limit: number, states?: PrintJobState[]): PrintJobSummary[] {
    const where = states?.length ? `WHERE state IN (${states.map(() => '?').join(',')})` : '';
    const rows = this.db.prepare(`SELECT ${COLUMNS} FROM print_jobs ${where} ORDER BY created_at DESC, id DESC LIMIT ?`).all(...(states ?? []), limit) as Row[];
    return rows.map(summary);
  }

  /** Records which fault a queued job waits on; returns whether it changed. */
  setWaiting(id: string, code: string | null): boolean {
    return (
      this.db
        .prepare(`UPDATE print_jobs SET waiting_on = ?, updated_at = ? WHERE id = ? AND state = 'queued' AND waiting_on IS NOT ?`)
        .run(code, this.stamp(), id, code).changes === 1
    );
  }

  /** queued → printing; false when another path already took or ended the job. */
  startPrinting(id: string): boolean {
    return (
      this.db
        .prepare(`UPDATE print_jobs SET state = 'printing', waiting_on = NULL, attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'queued'`)
        .run(this.stamp(), id).changes === 1
    );
  }

  /** `confirmed`: the printer acknowledged the last byte (false: a write-only device took the bytes). */
  markPrinted(id: string, confirmed = true): boolean {
    const at = this.stamp();
    // On paper now: the whole document is no longer needed (an unknown one is kept for its reprint).
    this.sealed.delete(id);
    return (
      this.db
        .prepare(`UPDATE print_jobs SET state = 'printed', last_error = NULL, confirmed = ?, printed_at = ?, updated_at = ? WHERE id = ? AND state = 'printing'`)
        .run(confirmed ? 1 : 0, at, at, id).changes === 1
    );
  }

  /**
   * Visitor slips whose print is unknown and that nothing has reprinted yet (neither the
   * kiosk nor staff): each gets one marked reprint. A reprint's own unknown end is left to staff.
   */
  unknownAwaitingReprint(): PrintJobSummary[] {
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS} FROM print_jobs j WHERE state = 'unknown' AND reprint_of IS NULL AND kind <> 'test'
           AND NOT EXISTS (SELECT 1 FROM print_jobs r WHERE r.reprint_of = j.id) ORDER BY created_at, id`,
      )
      .all() as Row[];
    return rows.map(summary);
  }

  /** printing → queued: nothing was sent, so sending later cannot duplicate. */
  requeue(id: string, error: string): boolean {
    return this.db.prepare(`UPDATE print_jobs SET state = 'queued', waiting_on = ?, last_error = ?, updated_at = ? WHERE id = ? AND state = 'printing'`).run(error, error, this.stamp(), id).changes === 1;
  }

  markUnknown(id: string, error: string): boolean {
    return this.db.prepare(`UPDATE print_jobs SET state = 'unknown', waiting_on = NULL, last_error = ?, updated_at = ? WHERE id = ? AND state = 'printing'`).run(error, this.stamp(), id).changes === 1;
  }

  /** queued → failed (given up after the configured time). */
  markFailed(id: string, error: string): boolean {
    this.sealed.delete(id);
    return this.db.prepare(`UPDATE print_jobs SET state = 'failed', waiting_on = NULL, last_error = ?, updated_at = ? WHERE id = ? AND state = 'queued'`).run(error, this.stamp(), id).changes === 1;
  }

  /** Queued jobs past their fail-after time. */
  overdue(): PrintJobSummary[] {
    const rows = this.db.prepare(`SELECT ${COLUMNS} FROM print_jobs WHERE state = 'queued' AND fail_after <= ? ORDER BY created_at`).all(this.stamp()) as Row[];
    return rows.map(summary);
  }

  /** Jobs a previous run left mid-send: the ids, before they are marked unknown by the caller. */
  interrupted(): PrintJobSummary[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM print_jobs WHERE state = 'printing' ORDER BY created_at`).all() as Row[]).map(summary);
  }

  /** Drops finished jobs (and their documents) older than the cutoff; events keep the history. */
  purgeFinished(olderThan: Date): number {
    return this.db
      .prepare(`DELETE FROM print_jobs WHERE state IN ('printed', 'failed') AND updated_at < ? AND id NOT IN (SELECT reprint_of FROM print_jobs WHERE reprint_of IS NOT NULL)`)
      .run(olderThan.toISOString()).changes;
  }

  private stamp(): string {
    return this.now().toISOString();
  }
}
