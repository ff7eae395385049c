/**
 * What the check-in asks of the venue to recognise a visitor first seen at
 * another kiosk (`venue-crypto.ts` for the keys, `hub-sync/venue-visitor-link.ts`
 * for the hub's side), and the queue of what this kiosk owes the hub.
 *
 * The queue (`hub_venue_visitors`, migration 18) is written in the same
 * SQLite transaction as the visitor row it follows, so a visitor erased here
 * is always, sooner or later, forgotten at the hub too, however the network
 * and the kiosk fail. It holds keyed hashes and visitor ids, never a nickname
 * or a number; a record is sealed only when it is sent, from the row as it
 * then is (a visitor erased meanwhile is not sent at all).
 *
 * Without a hub the store has no `VenueRecognition`: the columns stay empty,
 * the queue stays empty, the kiosk is what it always was.
 */
import type { Db } from '../storage/database';
import type { VenueVisitorRecord } from './venue-crypto';
import { seoulDay } from './seoul-time';

export interface VenueKeys {
  lookup: string;
  erase: string;
}

export interface VenueRecognition {
  /** The visitor's venue keys, or null while this kiosk holds no venue key (not paired yet, or not given one yet). */
  keysFor(nickname: string, phone: string): VenueKeys | null;
  /** The erase key of a number (a visitor asking at the desk gives only that), or null without a venue key. */
  eraseKeyFor(phone: string): string | null;
  /** The venue's record of this look-up key, opened; null when unknown, offline, slow (about a second at most) or unreadable. */
  recall(lookup: string): Promise<VenueVisitorRecord | null>;
  /** Something was queued: send it soon (never waits, never throws). */
  changed(): void;
}

export type VenueOp = 'put' | 'forget' | 'expire';

export interface QueuedVenueOp {
  id: number;
  op: VenueOp;
  visitorId: string | null;
  lookup: string | null;
  eraseKey: string | null;
}

/** Share (or refresh) this visitor's record with the venue, when the visitor row carries venue keys. */
export function queueVenuePut(db: Db, visitorId: string, now: Date): void {
  db.prepare(
    `INSERT INTO hub_venue_visitors (op, visitor_id, lookup, queued_at)
     SELECT 'put', id, venue_lookup, ? FROM store_visitors WHERE id = ? AND venue_lookup IS NOT NULL`,
  ).run(now.toISOString(), visitorId);
}

/** A visitor asked to be forgotten: every record of their number goes, at the hub and at every kiosk. */
export function queueVenueForget(db: Db, eraseKey: string, now: Date): void {
  // What was still waiting to go up for that number goes nowhere now.
  db.prepare("DELETE FROM hub_venue_visitors WHERE op = 'put' AND visitor_id IN (SELECT id FROM store_visitors WHERE venue_erase = ?)").run(eraseKey);
  db.prepare("INSERT INTO hub_venue_visitors (op, erase_key, queued_at) VALUES ('forget', ?, ?)").run(eraseKey, now.toISOString());
}

/**
 * This kiosk's retention ended for a visitor: the hub drops its record only if
 * no kiosk has refreshed it within the retention (a visitor who came to
 * another kiosk last week is still that kiosk's returning visitor).
 */
export function queueVenueExpire(db: Db, lookup: string, now: Date): void {
  db.prepare("INSERT INTO hub_venue_visitors (op, lookup, queued_at) VALUES ('expire', ?, ?)").run(lookup, now.toISOString());
}

export function pendingVenueOps(db: Db, limit = 200): QueuedVenueOp[] {
  const rows = db.prepare('SELECT id, op, visitor_id, lookup, erase_key FROM hub_venue_visitors ORDER BY id LIMIT ?').all(limit) as {
    id: number;
    op: VenueOp;
    visitor_id: string | null;
    lookup: string | null;
    erase_key: string | null;
  }[];
  return rows.map((r) => ({ id: r.id, op: r.op, visitorId: r.visitor_id, lookup: r.lookup, eraseKey: r.erase_key }));
}

/** The hub holds everything up to `id`. */
export function settleVenueOps(db: Db, upToId: number): void {
  db.prepare('DELETE FROM hub_venue_visitors WHERE id <= ?').run(upToId);
}

/** The record to seal for a queued put, from the visitor row as it is now; null when the visitor is gone or has no venue keys. */
export function venueRecordOf(db: Db, visitorId: string): { lookup: string; eraseKey: string; record: VenueVisitorRecord } | null {
  const row = db
    .prepare(
      `SELECT v.venue_lookup, v.venue_erase, v.first_visit_at, v.last_visit_at,
        (SELECT MAX(x) FROM (SELECT MAX(at) AS x FROM store_self_checks WHERE visitor_id = v.id UNION ALL SELECT v.venue_self_check_at)) AS self_check
       FROM store_visitors v WHERE v.id = ?`,
    )
    .get(visitorId) as { venue_lookup: string | null; venue_erase: string | null; first_visit_at: string; last_visit_at: string; self_check: string | null } | undefined;
  if (!row?.venue_lookup || !row.venue_erase) return null;
  return {
    lookup: row.venue_lookup,
    eraseKey: row.venue_erase,
    record: {
      firstVisitDay: seoulDay(new Date(row.first_visit_at)),
      lastVisitDay: seoulDay(new Date(row.last_visit_at)),
      lastSelfCheckDay: row.self_check ? seoulDay(new Date(row.self_check)) : null,
    },
  };
}

/** Another kiosk's desk forgot these numbers: this kiosk forgets them too (no new queue entry: the hub knows). Returns how many rows went. */
export function applyVenueForgotten(db: Db, eraseKeys: string[]): number {
  let n = 0;
  const del = db.prepare('DELETE FROM store_visitors WHERE venue_erase = ?');
  db.transaction(() => {
    for (const k of eraseKeys) n += del.run(k).changes;
  }).immediate();
  return n;
}

export function venueForgottenSeen(db: Db): number {
  return (db.prepare('SELECT forgotten_seen FROM hub_venue_cursor WHERE id = 1').pluck().get() as number | undefined) ?? 0;
}

export function setVenueForgottenSeen(db: Db, id: number): void {
  db.prepare('INSERT INTO hub_venue_cursor (id, forgotten_seen) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET forgotten_seen = MAX(forgotten_seen, excluded.forgotten_seen)').run(id);
}

/**
 * The venue key changed (the hub lost its key file and made a new one, which
 * dropped every record sealed under the old): this kiosk's venue keys and
 * queued work under the old key mean nothing any more. Its visitors stay
 * known here and are shared again at their next visit.
 */
export function resetVenueKeys(db: Db): void {
  db.transaction(() => {
    db.prepare('UPDATE store_visitors SET venue_lookup = NULL, venue_erase = NULL WHERE venue_lookup IS NOT NULL OR venue_erase IS NOT NULL').run();
    db.prepare('DELETE FROM hub_venue_visitors').run();
  }).immediate();
}

/** The venue knew this visitor from earlier (another kiosk's first visit or self-check): the row here learns it. */
export function learnVenueRecord(db: Db, lookup: string, record: VenueVisitorRecord): void {
  const first = new Date(`${record.firstVisitDay}T00:00:00+09:00`).toISOString();
  const selfCheck = record.lastSelfCheckDay ? new Date(`${record.lastSelfCheckDay}T00:00:00+09:00`).toISOString() : null;
  db.prepare(
    `UPDATE store_visitors SET first_visit_at = MIN(first_visit_at, ?),
       venue_self_check_at = CASE WHEN ? IS NULL THEN venue_self_check_at WHEN venue_self_check_at IS NULL OR venue_self_check_at < ? THEN ? ELSE venue_self_check_at END
     WHERE venue_lookup = ?`,
  ).run(first, selfCheck, selfCheck, selfCheck, lookup);
}
