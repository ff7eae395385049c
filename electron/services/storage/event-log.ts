/**
 * The append-only event log: every visitor action, print job, vend, fault and
 * staff action. Each event type has one zod schema; an unknown type or a bad
 * payload is a programming error and throws before anything is written.
 *
 * Events carry ids and categories, never personal data (names, phone
 * numbers): those live in their own tables and are purged on schedule.
 */
import type { z } from 'zod';
import type { Db } from './database';
import { ulid } from './ids';
import { classifySqliteError } from './storage-errors';

export type EventSchemas = Record<string, z.ZodType>;

export interface LoggedEvent {
  seq: number;
  /** Per kiosk, gap-free, given in the event's own INSERT: the hub outbox's order (migration 12). */
  kioskSeq: number;
  id: string;
  at: string;
  kioskId: string;
  type: string;
  payload: unknown;
}

export interface AppendInput {
  type: string;
  payload: unknown;
  /** Override the time (tests, replays). */
  at?: Date;
}

export class EventLog {
  private readonly insert;
  private readonly schemas: Map<string, z.ZodType>;
  private readonly listeners = new Set<(e: LoggedEvent) => void>();

  constructor(
    private readonly db: Db,
    readonly kioskId: string,
    schemas: EventSchemas,
  ) {
    this.schemas = new Map(Object.entries(schemas));
    // MAX+1 inside the INSERT itself: SQLite has one writer at a time, so two processes on one
    // file never take the same number, and a rolled-back event leaves no gap.
    this.insert = db.prepare(
      `INSERT INTO events (id, at, kiosk_id, type, payload, kiosk_seq)
       SELECT ?, ?, ?, ?, ?, COALESCE(MAX(kiosk_seq), 0) + 1 FROM events WHERE kiosk_id = ?
       RETURNING seq, kiosk_seq`,
    );
  }

  /** Adds schemas of a domain (printing, vending, ...). A type may be defined once. */
  register(schemas: EventSchemas): void {
    for (const [type, schema] of Object.entries(schemas)) {
      if (this.schemas.has(type)) throw new TypeError(`event type ${type} is already registered`);
      this.schemas.set(type, schema);
    }
  }

  knows(type: string): boolean {
    return this.schemas.has(type);
  }

  /** Appends one event; returns it as stored. Throws StorageError on a full or unwritable disk. */
  append(type: string, payload: unknown = {}, at: Date = new Date()): LoggedEvent {
    const checked = this.check(type, payload);
    const event = { id: ulid(at.getTime()), at: at.toISOString(), kioskId: this.kioskId, type, payload: checked };
    let r: { seq: number; kiosk_seq: number };
    try {
      r = this.insert.get(event.id, event.at, event.kioskId, type, JSON.stringify(checked), event.kioskId) as typeof r;
    } catch (err) {
      throw classifySqliteError(err);
    }
    const logged = { seq: r.seq, kioskSeq: r.kiosk_seq, ...event };
    for (const l of this.listeners) l(logged);
    return logged;
  }

  /** Appends many events in one transaction: all or none. */
  appendMany(items: AppendInput[]): LoggedEvent[] {
    const prepared = items.map((i) => ({ ...i, payload: this.check(i.type, i.payload) }));
    const out: LoggedEvent[] = [];
    try {
      this.db.transaction(() => {
        for (const i of prepared) {
          const at = i.at ?? new Date();
          const id = ulid(at.getTime());
          const r = this.insert.get(id, at.toISOString(), this.kioskId, i.type, JSON.stringify(i.payload), this.kioskId) as { seq: number; kiosk_seq: number };
          out.push({ seq: r.seq, kioskSeq: r.kiosk_seq, id, at: at.toISOString(), kioskId: this.kioskId, type: i.type, payload: i.payload });
        }
      })();
    } catch (err) {
      throw classifySqliteError(err);
    }
    for (const e of out) for (const l of this.listeners) l(e);
    return out;
  }

  /** Most recent events first, optionally of some types. */
  recent(opts: { limit?: number; types?: string[]; sinceSeq?: number } = {}): LoggedEvent[] {
    const limit = Math.min(Math.max(opts.limit ?? 100, 1), 10_000);
    const where: string[] = [];
    const args: unknown[] = [];
    if (opts.types?.length) {
      where.push(`type IN (${opts.types.map(() => '?').join(',')})`);
      args.push(...opts.types);
    }
    if (opts.sinceSeq !== undefined) {
      where.push('seq > ?');
      args.push(opts.sinceSeq);
    }
    const sql = `SELECT seq, kiosk_seq, id, at, kiosk_id, type, payload FROM events ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY seq DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...args, limit) as EventRow[]).map(fromRow);
  }

  /** This kiosk's events after `kioskSeq`, oldest first (the hub outbox reads its batches here). */
  after(kioskSeq: number, limit: number): LoggedEvent[] {
    const rows = this.db
      .prepare('SELECT seq, kiosk_seq, id, at, kiosk_id, type, payload FROM events WHERE kiosk_id = ? AND kiosk_seq > ? ORDER BY kiosk_seq LIMIT ?')
      .all(this.kioskId, kioskSeq, limit) as EventRow[];
    return rows.map(fromRow);
  }

  /** The last `kioskSeq` this kiosk has written (0 before its first event). */
  lastKioskSeq(): number {
    return this.db.prepare('SELECT COALESCE(MAX(kiosk_seq), 0) FROM events WHERE kiosk_id = ?').pluck().get(this.kioskId) as number;
  }

  count(type?: string): number {
    const row = (type
      ? this.db.prepare('SELECT COUNT(*) AS n FROM events WHERE type = ?').get(type)
      : this.db.prepare('SELECT COUNT(*) AS n FROM events').get()) as { n: number };
    return row.n;
  }

  /** Called after each append commits (for push events to screens). */
  subscribe(listener: (e: LoggedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private check(type: string, payload: unknown): unknown {
    const schema = this.schemas.get(type);
    if (!schema) throw new TypeError(`unknown event type ${type}`);
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new TypeError(`bad payload for event ${type}: ${parsed.error.message}`);
    return parsed.data;
  }
}

interface EventRow {
  seq: number;
  kiosk_seq: number;
  id: string;
  at: string;
  kiosk_id: string;
  type: string;
  payload: string;
}

function fromRow(r: EventRow): LoggedEvent {
  return { seq: r.seq, kioskSeq: r.kiosk_seq, id: r.id, at: r.at, kioskId: r.kiosk_id, type: r.type, payload: JSON.parse(r.payload) };
}
