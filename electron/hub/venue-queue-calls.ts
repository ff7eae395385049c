/**
 * Calling the venue's queue: "call next" from any kiosk's console or from the
 * hub's own `/staff` calls the venue's earliest waiting ticket, whichever
 * kiosk issued it. One statement picks and calls it; `FOR UPDATE SKIP LOCKED`
 * makes two consoles pressing at the same moment call two different tickets,
 * never one twice. Marking a ticket talked or no-show goes the same way.
 *
 * Every decision is kept twice: on the ticket (`state_by`, `state_at`) and in
 * `ticket_changes`. The kiosk that issued a ticket hears decisions made
 * elsewhere with its next heartbeat (`decidedTickets`) and records them in
 * its own event log. A kiosk's own decisions made while the hub was away
 * arrive with its events (`applyKioskQueueChange`): they move a ticket
 * forward, never back over what the hub decided (the hub's decision wins).
 */
import type pg from 'pg';
import { HubError } from './hub-errors';

export type TicketState = 'waiting' | 'called' | 'talked' | 'no_show';
export const TICKET_STATES = ['waiting', 'called', 'talked', 'no_show'] as const;

export interface VenueQueueTicket {
  kioskId: string;
  entryId: string;
  /** The venue's number; null for a ticket from a kiosk's offline block (its label says "B-2"). */
  number: number | null;
  label: string;
  state: TicketState;
  source: 'hub' | 'offline';
  joinedAt: string;
  calledAt: string | null;
  doneAt: string | null;
}

type Row = {
  kiosk_id: string;
  entry_id: string;
  number: number | null;
  label: string;
  state: TicketState;
  source: 'hub' | 'offline';
  joined_at: Date;
  called_at: Date | null;
  done_at: Date | null;
};

const COLUMNS = 'kiosk_id, entry_id, number, label, state, source, joined_at, called_at, done_at';
/** Called is further than waiting; talked and no-show are both the end. */
const RANK = (col: string) => `(CASE ${col} WHEN 'waiting' THEN 0 WHEN 'called' THEN 1 ELSE 2 END)`;

function toTicket(r: Row): VenueQueueTicket {
  return {
    kioskId: r.kiosk_id,
    entryId: r.entry_id,
    number: r.number,
    label: r.label,
    state: r.state,
    source: r.source,
    joinedAt: r.joined_at.toISOString(),
    calledAt: r.called_at?.toISOString() ?? null,
    doneAt: r.done_at?.toISOString() ?? null,
  };
}

/** The venue's tickets of a day in queue order (arrival), every kiosk's. */
export async function venueTickets(pool: pg.Pool, venue: string, day: string): Promise<VenueQueueTicket[]> {
  const r = await pool.query<Row>(`SELECT ${COLUMNS} FROM tickets WHERE venue = $1 AND day = $2 ORDER BY joined_at, kiosk_id, entry_id`, [venue, day]);
  return r.rows.map(toTicket);
}

/**
 * Calls the venue's earliest waiting ticket of the day; null when nobody waits.
 * `by` is who pressed: a kiosk id, or `hub:<device name>`.
 */
export async function callNextTicket(pool: pg.Pool, venue: string, day: string, by: string, now: Date): Promise<VenueQueueTicket | null> {
  const r = await pool.query<Row>(
    `WITH next AS (
       SELECT kiosk_id, entry_id FROM tickets WHERE venue = $1 AND day = $2 AND state = 'waiting'
       ORDER BY joined_at, kiosk_id, entry_id LIMIT 1 FOR UPDATE SKIP LOCKED
     ), called AS (
       UPDATE tickets t SET state = 'called', called_at = $3, state_by = $4, state_at = $3
       FROM next WHERE t.kiosk_id = next.kiosk_id AND t.entry_id = next.entry_id
       RETURNING t.venue, ${COLUMNS.split(', ').map((col) => `t.${col}`).join(', ')}
     ), logged AS (
       INSERT INTO ticket_changes (venue, kiosk_id, entry_id, state, at, by, via) SELECT venue, kiosk_id, entry_id, 'called', $3, $4, 'hub' FROM called
     )
     SELECT ${COLUMNS} FROM called`,
    [venue, day, now, by.slice(0, 80)],
  );
  return r.rows[0] ? toTicket(r.rows[0]) : null;
}

/** Staff say how a called (or waiting) ticket ended: talked, or the visitor did not come. */
export async function markTicket(pool: pg.Pool, venue: string, kioskId: string, entryId: string, outcome: 'talked' | 'no_show', by: string, now: Date): Promise<VenueQueueTicket> {
  const r = await pool.query<Row>(
    `WITH marked AS (
       UPDATE tickets SET state = $4, done_at = $5, called_at = COALESCE(called_at, $5), state_by = $6, state_at = $5
       WHERE venue = $1 AND kiosk_id = $2 AND entry_id = $3
       RETURNING venue, ${COLUMNS}
     ), logged AS (
       INSERT INTO ticket_changes (venue, kiosk_id, entry_id, state, at, by, via) SELECT venue, kiosk_id, entry_id, $4, $5, $6, 'hub' FROM marked
     )
     SELECT ${COLUMNS} FROM marked`,
    [venue, kioskId, entryId, outcome, now, by.slice(0, 80)],
  );
  if (!r.rows[0]) throw new HubError('hub.not_found', `the venue has no ticket ${entryId} from ${kioskId}`);
  return toTicket(r.rows[0]);
}

/**
 * A kiosk's own queue decision arriving with its events (made at its console
 * while the hub was away). It moves the ticket forward; it may change the
 * kiosk's own earlier decision (staff correcting talked to no-show); it never
 * undoes what the hub or another kiosk decided at the same step or further.
 */
export async function applyKioskQueueChange(c: pg.PoolClient, kioskId: string, entryId: string, state: TicketState, at: Date): Promise<boolean> {
  const r = await c.query<{ venue: string }>(
    `UPDATE tickets SET state = $3, state_by = $1, state_at = $4,
       called_at = CASE WHEN $3 <> 'waiting' THEN COALESCE(called_at, $4) ELSE called_at END,
       done_at = CASE WHEN $3 IN ('talked', 'no_show') THEN $4 ELSE done_at END
     WHERE kiosk_id = $1 AND entry_id = $2 AND state <> $3
       AND (${RANK('state')} < ${RANK('$3::text')} OR state_by IS NULL OR state_by = $1)
     RETURNING venue`,
    [kioskId, entryId, state, at],
  );
  if (!r.rows[0]) return false;
  await c.query(`INSERT INTO ticket_changes (venue, kiosk_id, entry_id, state, at, by, via) VALUES ($1, $2, $3, $4, $5, $2, 'kiosk')`, [r.rows[0].venue, kioskId, entryId, state, at]);
  return true;
}

export interface DecidedTicket {
  entryId: string;
  state: TicketState;
  calledAt: string | null;
  doneAt: string | null;
  /** Decided by this kiosk itself (through the hub): its own later decision may still stand over it. */
  byThisKiosk: boolean;
}

/** This kiosk's tickets decided in the last day (the heartbeat's reply: the kiosk applies what it does not have yet). */
export async function decidedTickets(pool: pg.Pool, kioskId: string, now: Date): Promise<DecidedTicket[]> {
  const r = await pool.query<{ entry_id: string; state: TicketState; called_at: Date | null; done_at: Date | null; state_by: string | null }>(
    `SELECT entry_id, state, called_at, done_at, state_by FROM tickets
     WHERE kiosk_id = $1 AND state <> 'waiting' AND state_at > $2::timestamptz - interval '1 day' ORDER BY state_at LIMIT 500`,
    [kioskId, now],
  );
  return r.rows.map((t) => ({ entryId: t.entry_id, state: t.state, calledAt: t.called_at?.toISOString() ?? null, doneAt: t.done_at?.toISOString() ?? null, byThisKiosk: t.state_by === kioskId }));
}
