/**
 * Today's queue to talk with a counselor. Numbers restart each Seoul day and
 * are unique per day across every kiosk on the venue's database: the number
 * is taken inside an IMMEDIATE transaction (one writer at a time, across
 * processes) and `UNIQUE (day, number)` backs it up.
 */
import { StoreError } from './store-errors';
import { KioskError } from '../../contract/errors';
import type { Db } from '../storage/database';
import { ulid } from '../storage/ids';
import { seoulDay } from './seoul-time';

/** The queue's order: staff's position, else the ticket number. */
const ORDER = 'COALESCE(position, number)';

export type QueueState = 'waiting' | 'called' | 'talked' | 'no_show';

export interface QueueEntry {
  entryId: string;
  number: number;
  state: QueueState;
  joinedAt: string;
  calledAt: string | null;
  doneAt: string | null;
  kioskId: string;
  nickname: string | null;
  /** The ticket as printed, with a venue hub ("37", or "B-2" from this kiosk's offline block); absent without one. */
  label?: string;
}

interface Row {
  id: string;
  number: number;
  state: QueueState;
  joined_at: string;
  called_at: string | null;
  done_at: string | null;
  kiosk_id: string;
  nickname: string | null;
  ticket_label: string | null;
}

export class TalkQueue {
  constructor(private readonly db: Db) {}

  /** Joins the visit to today's queue (once: a second call returns the same entry). */
  join(visitId: string, kioskId: string, now = new Date()): { entryId: string; number: number; day: string } {
    const day = seoulDay(now);
    return this.db.transaction(() => {
      const existing = this.db.prepare('SELECT id, number, day FROM store_queue WHERE visit_id = ?').get(visitId) as
        | { id: string; number: number; day: string }
        | undefined;
      if (existing) return { entryId: existing.id, number: existing.number, day: existing.day };
      const number = (this.db.prepare('SELECT COALESCE(MAX(number), 0) + 1 FROM store_queue WHERE day = ?').pluck().get(day) as number);
      const id = ulid(now.getTime());
      this.db
        .prepare("INSERT INTO store_queue (id, day, number, visit_id, kiosk_id, state, joined_at) VALUES (?, ?, ?, ?, ?, 'waiting', ?)")
        .run(id, day, number, visitId, kioskId, now.toISOString());
      return { entryId: id, number, day };
    }).immediate();
  }

  /** People still waiting before this number today (the one being called counts too: they are still talking). */
  ahead(day: string, number?: number): number {
    // "Before" is the order staff set (see `move`), not the printed number.
    const sql =
      number === undefined
        ? "SELECT COUNT(*) FROM store_queue WHERE day = ? AND state IN ('waiting', 'called')"
        : `SELECT COUNT(*) FROM store_queue WHERE day = ? AND state IN ('waiting', 'called')
           AND ${ORDER} < (SELECT ${ORDER} FROM store_queue WHERE day = ? AND number = ?)`;
    const args = number === undefined ? [day] : [day, day, number];
    return this.db.prepare(sql).pluck().get(...args) as number;
  }

  list(day: string): QueueEntry[] {
    const rows = this.db
      .prepare(
        `SELECT q.id, q.number, q.state, q.joined_at, q.called_at, q.done_at, q.kiosk_id, q.ticket_label, v.nickname
         FROM store_queue q JOIN store_visits s ON s.id = q.visit_id LEFT JOIN store_visitors v ON v.id = s.visitor_id
         WHERE q.day = ? ORDER BY COALESCE(q.position, q.number)`,
      )
      .all(day) as Row[];
    return rows.map(toEntry);
  }

  /** Staff: calls the lowest waiting number; null when no one waits. */
  callNext(day: string, now = new Date()): QueueEntry | null {
    const id = this.db.transaction(() => {
      const next = this.db.prepare(`SELECT id FROM store_queue WHERE day = ? AND state = 'waiting' ORDER BY ${ORDER} LIMIT 1`).pluck().get(day) as
        | string
        | undefined;
      if (!next) return null;
      this.db.prepare("UPDATE store_queue SET state = 'called', called_at = ? WHERE id = ?").run(now.toISOString(), next);
      return next;
    }).immediate();
    return id ? this.get(id) : null;
  }

  /**
   * Staff: moves a waiting entry one place up or down among today's waiting
   * entries (a visitor who stepped out, someone who cannot wait). The two
   * entries swap places; their ticket numbers stay. One IMMEDIATE
   * transaction, so two consoles pressing at once see each other's move.
   * False when the entry is already first (up) or last (down).
   */
  move(entryId: string, direction: 'up' | 'down'): boolean {
    return this.db.transaction(() => {
      const me = this.db.prepare(`SELECT id, day, state, ${ORDER} AS pos FROM store_queue WHERE id = ?`).get(entryId) as
        | { id: string; day: string; state: QueueState; pos: number }
        | undefined;
      if (!me) throw new StoreError('store.unknown_queue_entry', `no queue entry ${entryId}`);
      if (me.state !== 'waiting') throw new StoreError('store.queue_not_waiting', `queue entry ${entryId} is ${me.state}`);
      const neighbour = this.db
        .prepare(
          direction === 'up'
            ? `SELECT id, ${ORDER} AS pos FROM store_queue WHERE day = ? AND state = 'waiting' AND ${ORDER} < ? ORDER BY ${ORDER} DESC LIMIT 1`
            : `SELECT id, ${ORDER} AS pos FROM store_queue WHERE day = ? AND state = 'waiting' AND ${ORDER} > ? ORDER BY ${ORDER} LIMIT 1`,
        )
        .get(me.day, me.pos) as { id: string; pos: number } | undefined;
      if (!neighbour) return false;
      const set = this.db.prepare('UPDATE store_queue SET position = ? WHERE id = ?');
      set.run(neighbour.pos, me.id);
      set.run(me.pos, neighbour.id);
      return true;
    }).immediate();
  }

  /** Staff: the talk happened, or the visitor did not come when called. */
  mark(entryId: string, outcome: 'talked' | 'no_show', now = new Date()): QueueEntry {
    const changed = this.db
      .prepare('UPDATE store_queue SET state = ?, done_at = ?, called_at = COALESCE(called_at, ?) WHERE id = ?')
      .run(outcome, now.toISOString(), now.toISOString(), entryId).changes;
    if (changed === 0) throw new StoreError('store.unknown_queue_entry', `no queue entry ${entryId}`);
    return this.get(entryId)!;
  }

  /**
   * Takes a state the venue hub decided (another console called or marked
   * this kiosk's ticket). Null when the entry is unknown here or already in
   * that state; the caller records the change.
   */
  applyDecision(entryId: string, state: QueueState, calledAt: string | null, doneAt: string | null): QueueEntry | null {
    const changed = this.db
      .prepare('UPDATE store_queue SET state = ?, called_at = COALESCE(?, called_at), done_at = ? WHERE id = ? AND state <> ?')
      .run(state, calledAt, doneAt, entryId, state).changes;
    return changed > 0 ? this.get(entryId) : null;
  }

  get(entryId: string): QueueEntry | null {
    const row = this.db
      .prepare(
        `SELECT q.id, q.number, q.state, q.joined_at, q.called_at, q.done_at, q.kiosk_id, q.ticket_label, v.nickname
         FROM store_queue q JOIN store_visits s ON s.id = q.visit_id LEFT JOIN store_visitors v ON v.id = s.visitor_id WHERE q.id = ?`,
      )
      .get(entryId) as Row | undefined;
    return row ? toEntry(row) : null;
  }
}

function toEntry(r: Row): QueueEntry {
  return {
    entryId: r.id,
    number: r.number,
    state: r.state,
    joinedAt: r.joined_at,
    calledAt: r.called_at,
    doneAt: r.done_at,
    kioskId: r.kiosk_id,
    nickname: r.nickname,
    ...(r.ticket_label ? { label: r.ticket_label } : {}),
  };
}
