/**
 * The city's roll-up: per venue per Seoul day, counts only. Nothing in the
 * hub's events names a person, and counts from 1 to 4 are suppressed (null,
 * "<5" in the CSV): in a small venue a count of 1 can point at someone.
 */
import type pg from 'pg';
import { HubError } from './hub-errors';

export const SUPPRESS_BELOW = 5;
/** The longest range one fetch may ask for: a leap year, every day of it. */
export const MAX_ROLLUP_DAYS = 366;
const DAY_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface RollupRow {
  venue: string;
  day: string;
  metric: string;
  /** null: suppressed (1 to 4). */
  value: number | null;
}

/**
 * metric name ← which events, and what splits them: programmes by category,
 * coupons per shop (`coupon.issued:<shopId>`, `coupon.redeemed:<shopId>`: a
 * shop id, never a person); referrals are counted recorded and followed up,
 * nothing more.
 */
const METRICS = `
  SELECT venue, day, metric, COUNT(*) AS n FROM (
    SELECT k.venue, (e.at AT TIME ZONE 'Asia/Seoul')::date AS day,
      CASE
        WHEN e.type = 'visitor.session_started' THEN 'visits'
        WHEN e.type = 'store.visit_started' THEN 'check_ins'
        WHEN e.type = 'pharmacy.prescribed' THEN 'prescriptions:' || COALESCE(e.payload->>'symptomId', 'unknown')
        WHEN e.type = 'store.self_checked' THEN 'self_check:' || COALESCE(e.payload->>'level', 'unknown')
        WHEN e.type = 'store.snack_taken' THEN 'snacks'
        WHEN e.type = 'vend.completed' AND e.payload->>'state' = 'delivered' THEN 'gifts_vended'
        WHEN e.type = 'store.queue_changed' AND e.payload->>'state' = 'talked' THEN 'counseling_sessions'
        WHEN e.type = 'store.booked' THEN 'counseling_bookings'
        WHEN e.type IN ('store.crisis', 'pharmacy.crisis') THEN 'crisis_taps'
        WHEN e.type = 'connect.program_suggested' THEN 'programs_suggested:' || COALESCE(e.payload->>'category', 'unknown')
        WHEN e.type = 'connect.help_requested' THEN 'program_help:' || COALESCE(e.payload->>'category', 'unknown')
        WHEN e.type IN ('coupon.issued', 'coupon.redeemed') THEN e.type || ':' || COALESCE(e.payload->>'shopId', 'unknown')
        WHEN e.type IN ('referral.recorded', 'referral.done') THEN e.type
      END AS metric
    FROM events e JOIN kiosks k USING (kiosk_id)
    WHERE e.at >= ($1::date::timestamp AT TIME ZONE 'Asia/Seoul') AND e.at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Seoul')
  ) m WHERE metric IS NOT NULL
  GROUP BY venue, day, metric ORDER BY venue, day, metric`;

export async function cityRollup(pool: pg.Pool, from: string, to: string): Promise<RollupRow[]> {
  const r = await pool.query<{ venue: string; day: Date | string; metric: string; n: string }>(METRICS, [from, to]);
  return r.rows.map((x) => {
    const n = Number(x.n);
    return { venue: x.venue, day: dayText(x.day), metric: x.metric, value: n < SUPPRESS_BELOW ? null : n };
  });
}

export function rollupCsv(rows: RollupRow[]): string {
  const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ['venue,day,metric,value', ...rows.map((r) => [cell(r.venue), r.day, cell(r.metric), r.value === null ? `<${SUPPRESS_BELOW}` : String(r.value)].join(','))];
  return lines.join('\n') + '\n';
}

/** A CSV answer (the roll-up's), sent as a file rather than in the JSON envelope. */
export class CsvFile {
  constructor(
    readonly name: string,
    readonly text: string,
  ) {}
}

/** What `/v1/rollup` answers (JSON) and `/v1/rollup.csv` (a file named for its days). */
export function rollupAnswer(route: string, range: { from: string; to: string }, rows: RollupRow[]): unknown {
  if (route.endsWith('.csv')) return new CsvFile(`itda-rollup-${range.from}-${range.to}.csv`, rollupCsv(rows));
  return { suppressedBelow: SUPPRESS_BELOW, ...range, rows };
}

/**
 * `from` and `to` of a roll-up request: real calendar days as YYYY-MM-DD
 * (2026-02-30 is refused, not rolled over), `from` not after `to`, at most
 * `MAX_ROLLUP_DAYS` days; either one left out means `today` (Seoul).
 */
export function rollupRange(q: URLSearchParams, today: string): { from: string; to: string } {
  const from = calendarDay(q.get('from') ?? today, 'from');
  const to = calendarDay(q.get('to') ?? today, 'to');
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days < 1) throw new HubError('hub.bad_request', `from (${from}) is after to (${to})`);
  if (days > MAX_ROLLUP_DAYS) throw new HubError('hub.bad_request', `at most ${MAX_ROLLUP_DAYS} days a fetch; ${from} to ${to} is ${days}: ask in parts`);
  return { from, to };
}

function calendarDay(text: string, name: string): string {
  const m = DAY_SHAPE.exec(text);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3]) || Number(m[1]) < 2000) {
    throw new HubError('hub.bad_request', `${name}: a day as YYYY-MM-DD, such as 2026-12-06 (got "${text.slice(0, 20)}")`);
  }
  return text;
}

function dayText(d: Date | string): string {
  if (typeof d === 'string') return d.slice(0, 10);
  // pg parses a `date` as local midnight: read it back in local terms.
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
