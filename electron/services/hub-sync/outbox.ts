/**
 * The kiosk's outbox to the venue hub. Nothing is copied: the outbox is the
 * event log itself read after a high-water mark (the last `kioskSeq` the hub
 * acknowledged), kept in `hub_outbox`. Because `kioskSeq` is gap-free and
 * given in commit order, "acknowledged up to N" says exactly which events
 * the hub holds. The outbox is bounded only by the disk: a hub away for days
 * costs lag, never events.
 */
import type { Db } from '../storage/database';
import type { EventLog, LoggedEvent } from '../storage/event-log';

export interface OutboxLag {
  /** Events written but not yet acknowledged by the hub. */
  events: number;
  /** When the oldest of them was written (null when none waits). */
  oldestAt: string | null;
  ackedSeq: number;
  ackedAt: string | null;
}

export class Outbox {
  constructor(
    private readonly db: Db,
    private readonly events: EventLog,
  ) {}

  get kioskId(): string {
    return this.events.kioskId;
  }

  ackedSeq(): number {
    return (this.db.prepare('SELECT acked_seq FROM hub_outbox WHERE kiosk_id = ?').pluck().get(this.kioskId) as number | undefined) ?? 0;
  }

  /** The next batch to send, oldest first. */
  next(limit: number): LoggedEvent[] {
    return this.events.after(this.ackedSeq(), limit);
  }

  /**
   * The hub holds everything up to `seq`. The mark only moves forward: a late
   * reply to an older batch must not make the kiosk send again what the hub has.
   */
  ack(seq: number, now = new Date()): void {
    if (!Number.isInteger(seq) || seq < 0) throw new TypeError(`bad acknowledged seq ${seq}`);
    const last = this.events.lastKioskSeq();
    if (seq > last) throw new TypeError(`the hub acknowledged seq ${seq} but this kiosk has written only ${last}`);
    this.db
      .prepare(
        `INSERT INTO hub_outbox (kiosk_id, acked_seq, acked_at) VALUES (?, ?, ?)
         ON CONFLICT (kiosk_id) DO UPDATE SET acked_seq = MAX(acked_seq, excluded.acked_seq), acked_at = excluded.acked_at`,
      )
      .run(this.kioskId, seq, now.toISOString());
  }

  /**
   * The hub says it holds less than we thought (its database was restored
   * from a backup): send again from its mark. Only the hub's word moves the
   * mark back; resent events are ignored by the hub if it has them.
   */
  rewind(seq: number, now = new Date()): void {
    if (!Number.isInteger(seq) || seq < 0 || seq >= this.ackedSeq()) return;
    this.db.prepare('UPDATE hub_outbox SET acked_seq = ?, acked_at = ? WHERE kiosk_id = ?').run(seq, now.toISOString(), this.kioskId);
  }

  lag(): OutboxLag {
    const row = this.db.prepare('SELECT acked_seq, acked_at FROM hub_outbox WHERE kiosk_id = ?').get(this.kioskId) as
      | { acked_seq: number; acked_at: string | null }
      | undefined;
    const ackedSeq = row?.acked_seq ?? 0;
    const last = this.events.lastKioskSeq();
    const oldest = this.events.after(ackedSeq, 1)[0];
    return { events: last - ackedSeq, oldestAt: oldest?.at ?? null, ackedSeq, ackedAt: row?.acked_at ?? null };
  }
}
