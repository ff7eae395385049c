/**
 * Hub migration 6, "venue": what staff decide about the venue's queue and
 * snack count.
 * - `tickets`: when a ticket was called and finished, and who decided its
 *   state last (`state_by`: a kiosk id, or `hub:<device>` for the hub's own
 *   console), so the kiosk that issued a ticket hears decisions made
 *   elsewhere and never mistakes its own echo for news.
 * - `ticket_changes`: every decision, in order, as the hub saw it (the
 *   kiosks record theirs in their own event logs).
 * - `snack_pool.deficit`: units the venue must still take back from kiosks'
 *   shares after staff counted fewer than the shares hold (snack-shares.ts).
 */
export const venueMigrationSql = `
ALTER TABLE tickets ADD COLUMN called_at timestamptz;
ALTER TABLE tickets ADD COLUMN done_at timestamptz;
ALTER TABLE tickets ADD COLUMN state_by text;
ALTER TABLE tickets ADD COLUMN state_at timestamptz;
CREATE INDEX tickets_waiting ON tickets (venue, day, joined_at, kiosk_id, entry_id) WHERE state = 'waiting';
CREATE INDEX tickets_decided ON tickets (kiosk_id, state_at);
CREATE TABLE ticket_changes (
  id       bigserial PRIMARY KEY,
  venue    text NOT NULL,
  kiosk_id text NOT NULL,
  entry_id text NOT NULL,
  state    text NOT NULL,
  at       timestamptz NOT NULL,
  by       text NOT NULL,
  -- 'hub': decided through the hub (a console's call or mark); 'kiosk': a kiosk's own decision arriving with its events
  via      text NOT NULL CHECK (via IN ('hub', 'kiosk'))
);
CREATE INDEX ticket_changes_ticket ON ticket_changes (kiosk_id, entry_id, id);
ALTER TABLE snack_pool ADD COLUMN deficit integer NOT NULL DEFAULT 0 CHECK (deficit >= 0);
`;
