/** The alerts staff see first: open ones newest first, then (on request) acknowledged ones; acknowledging writes who and when. */
import type { Db } from '../storage/database';
import { StaffError } from './staff-errors';

export interface StaffAlertRow {
  id: string;
  kind: string;
  at: string;
  detail: Record<string, string | number | boolean | null>;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  /** Taps joined into this alert (a crisis tapped again within the visit). */
  count: number;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
const toAlert = (r: any): StaffAlertRow => ({
  id: r.id,
  kind: r.kind,
  at: r.at,
  detail: JSON.parse(r.detail),
  acknowledgedAt: r.acknowledged_at,
  acknowledgedBy: r.acknowledged_by,
  count: r.repeat_count ?? 1,
});

export function listAlerts(db: Db, opts: { includeAcknowledged: boolean; limit: number }): { alerts: StaffAlertRow[]; open: number } {
  // Open: neither acknowledged nor closed by its cause clearing (migration 13).
  const open = db.prepare('SELECT COUNT(*) FROM staff_alerts WHERE closed_at IS NULL').pluck().get() as number;
  const rows = opts.includeAcknowledged
    ? db.prepare('SELECT * FROM staff_alerts ORDER BY closed_at IS NOT NULL, at DESC LIMIT ?').all(opts.limit)
    : db.prepare('SELECT * FROM staff_alerts WHERE closed_at IS NULL ORDER BY at DESC LIMIT ?').all(opts.limit);
  return { alerts: rows.map(toAlert), open };
}

/** `by` is the role and PIN id (`staff:01J...`), never a name. Acknowledging closes the alert; twice keeps the first. */
export function acknowledgeAlert(db: Db, alertId: string, by: string, at: string): StaffAlertRow {
  db.prepare("UPDATE staff_alerts SET acknowledged_at = ?, acknowledged_by = ?, closed_at = COALESCE(closed_at, ?), closed_reason = COALESCE(closed_reason, 'acknowledged') WHERE id = ? AND acknowledged_at IS NULL").run(at, by, at, alertId);
  const r = db.prepare('SELECT * FROM staff_alerts WHERE id = ?').get(alertId);
  if (!r) throw new StaffError('staff.alert_not_found', `no alert ${alertId}`);
  return toAlert(r);
}
