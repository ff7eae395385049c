/**
 * Referrals from counseling: a counselor records, for a visitor who agreed
 * to be recognised, where they were referred (a program or a district
 * centre), when to follow up, and a short note. That is personal data, kept
 * under the visitor's rules: each row hangs off `store_visitors` with
 * `ON DELETE CASCADE`, so erasure on request and the retention purge remove
 * a visitor's referrals with them. Events carry the referral id only.
 */
import type { Db } from '../storage/database';
import { ulid } from '../storage/ids';
import type { ReferralRow } from '../../contract/coupons-api';
import { KioskError } from '../../contract/errors';
import type { ReferralsErrorCode } from '../../contract/error-codes';
import { addDays } from './seoul-time';

export class ReferralError extends KioskError {
  constructor(code: ReferralsErrorCode, message: string) {
    super(code, message);
    this.name = 'ReferralError';
  }
}

export interface NewReferral {
  from: { entryId: string } | { bookingId: string };
  kind: 'program' | 'centre';
  programId?: string;
  target: string;
  referredOn: string;
  followUpOn: string;
  note: string;
}

interface Row {
  id: string;
  nickname: string;
  kind: 'program' | 'centre';
  program_id: string | null;
  target: string;
  referred_on: string;
  follow_up_on: string;
  note: string;
  done_at: string | null;
}

const SELECT = `SELECT r.id, v.nickname, r.kind, r.program_id, r.target, r.referred_on, r.follow_up_on, r.note, r.done_at
  FROM store_referrals r JOIN store_visitors v ON v.id = r.visitor_id`;

/** The longest a follow-up may be set ahead: a referral is a near next step, not a file. */
export const MAX_FOLLOW_UP_DAYS = 180;

export class Referrals {
  constructor(private readonly db: Db) {}

  /** The recognised visitor behind a queue entry or a booking, or null (no consent, or erased). */
  visitorOf(from: NewReferral['from']): string | null {
    const sql =
      'entryId' in from
        ? 'SELECT v.visitor_id FROM store_queue q JOIN store_visits v ON v.id = q.visit_id WHERE q.id = ?'
        : 'SELECT visitor_id FROM store_bookings WHERE id = ?';
    return (this.db.prepare(sql).pluck().get('entryId' in from ? from.entryId : from.bookingId) as string | null | undefined) ?? null;
  }

  add(r: NewReferral, by: string, at: Date, today: string): ReferralRow {
    if (r.followUpOn < r.referredOn || r.followUpOn > addDays(today, MAX_FOLLOW_UP_DAYS) || r.referredOn > addDays(today, 1)) {
      throw new ReferralError('referrals.bad_dates', 'the follow-up must come on or after the referral, within 180 days');
    }
    const visitorId = this.visitorOf(r.from);
    if (!visitorId) throw new ReferralError('referrals.not_recognised', 'this visitor did not agree to be recognised (or was erased)');
    const id = ulid(at.getTime());
    this.db
      .prepare(
        `INSERT INTO store_referrals (id, visitor_id, kind, program_id, target, referred_on, follow_up_on, note, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, visitorId, r.kind, r.programId ?? null, r.target, r.referredOn, r.followUpOn, r.note, at.toISOString(), by);
    return this.get(id, today)!;
  }

  get(id: string, today: string): ReferralRow | undefined {
    const r = this.db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as Row | undefined;
    return r ? toRow(r, today) : undefined;
  }

  /** Open referrals, due ones first (by follow-up day); with `all`, also those done in the last 30 days. */
  list(today: string, all: boolean): ReferralRow[] {
    const rows = this.db
      .prepare(`${SELECT} WHERE r.done_at IS NULL OR (? AND r.done_at >= ?) ORDER BY (r.done_at IS NOT NULL), r.follow_up_on, r.id`)
      .all(all ? 1 : 0, `${addDays(today, -30)}T00:00:00.000Z`) as Row[];
    return rows.map((r) => toRow(r, today));
  }

  markDone(id: string, by: string, at: Date, today: string): ReferralRow {
    // Already done: the row as it is (a second tap changes nothing).
    this.db.prepare('UPDATE store_referrals SET done_at = ?, done_by = ? WHERE id = ? AND done_at IS NULL').run(at.toISOString(), by, id);
    const row = this.get(id, today);
    if (!row) throw new ReferralError('referrals.not_found', `no referral ${id}`);
    return row;
  }
}

function toRow(r: Row, today: string): ReferralRow {
  return {
    referralId: r.id,
    nickname: r.nickname,
    kind: r.kind,
    programId: r.program_id,
    target: r.target,
    referredOn: r.referred_on,
    followUpOn: r.follow_up_on,
    note: r.note,
    doneAt: r.done_at,
    due: r.done_at === null && r.follow_up_on <= today,
  };
}
