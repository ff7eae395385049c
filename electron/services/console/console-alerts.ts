/**
 * Alerts as the console shows them: each stored row with its catalog entry's
 * words in Korean and English, filled from the detail (slot numbers, item
 * names looked up by id: the detail itself holds ids only). Open alerts come
 * first, crisis before action before notice, newest first within each.
 */
import type { Db } from '../storage/database';
import { alertSeverity, alertTypeOf, alertWords, severityRank } from '../../contract/alert-catalog';
import type { ConsoleAlert } from '../../contract/console-api';
import type { RawAlertRow } from '../app/staff-alerts';

/** Names of things an alert's detail points to by id, per language. */
export interface AlertNames {
  gift(slot: number): { ko: string; en: string } | null;
  snack(itemId: string): { ko: string; en: string } | null;
  pinLabel(pinId: string): string | null;
}

export function toConsoleAlert(r: RawAlertRow, names: AlertNames): ConsoleAlert {
  const detail = JSON.parse(r.detail) as Record<string, string | number | boolean | null>;
  const type = alertTypeOf(r.kind, detail);
  const params = (lang: 'ko' | 'en') => {
    const p: Record<string, string | number | boolean | null> = { ...detail };
    if (type === 'low_stock') {
      const name = typeof detail.itemId === 'string' ? names.snack(detail.itemId) : typeof detail.slot === 'number' ? names.gift(detail.slot) : null;
      p.item = name?.[lang] ?? (lang === 'ko' ? `${detail.slot ?? ''}번 칸` : `slot ${detail.slot ?? ''}`);
      p.count = (detail.count ?? detail.stock ?? null) as number | null;
    }
    return p;
  };
  const pinId = r.acknowledged_by?.split(':')[1] ?? null;
  return {
    id: r.id,
    kind: r.kind,
    type,
    severity: alertSeverity(type),
    count: r.repeat_count,
    at: r.at,
    lastAt: r.last_at ?? r.at,
    closedAt: r.closed_at,
    closedReason: (r.closed_reason as ConsoleAlert['closedReason']) ?? null,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by,
    acknowledgedLabel: pinId ? names.pinLabel(pinId) : null,
    words: { ko: alertWords(type, 'ko', params('ko')), en: alertWords(type, 'en', params('en')) },
  };
}

export function sortAlerts(a: ConsoleAlert[]): ConsoleAlert[] {
  return [...a].sort(
    (x, y) =>
      Number(x.closedAt !== null) - Number(y.closedAt !== null) ||
      severityRank[x.severity] - severityRank[y.severity] ||
      (x.lastAt < y.lastAt ? 1 : x.lastAt > y.lastAt ? -1 : 0),
  );
}

export function listConsoleAlerts(db: Db, names: AlertNames, opts: { history: boolean; limit: number }): { alerts: ConsoleAlert[]; open: number } {
  const open = db.prepare('SELECT COUNT(*) FROM staff_alerts WHERE closed_at IS NULL').pluck().get() as number;
  const rows = (
    opts.history
      ? db.prepare('SELECT * FROM staff_alerts ORDER BY closed_at IS NOT NULL, COALESCE(last_at, at) DESC LIMIT ?').all(opts.limit)
      : db.prepare('SELECT * FROM staff_alerts WHERE closed_at IS NULL ORDER BY COALESCE(last_at, at) DESC LIMIT ?').all(opts.limit)
  ) as RawAlertRow[];
  return { alerts: sortAlerts(rows.map((r) => toConsoleAlert(r, names))), open };
}

export function alertRow(db: Db, id: string): RawAlertRow | undefined {
  return db.prepare('SELECT * FROM staff_alerts WHERE id = ?').get(id) as RawAlertRow | undefined;
}
