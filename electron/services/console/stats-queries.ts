/**
 * The statistics screen's aggregates for today, this week (7 days) or this
 * month (30 days): visits per day and by hour of day (Seoul), prescriptions
 * by symptom, self-check result bands, queue waits. Counts only: nothing
 * here names or links a visitor. Built on the dashboard's own per-day query.
 */
import type { Db } from '../storage/database';
import { dashboard, seoulDayStart } from '../staff/dashboard-queries';
import type { ConsoleStats } from '../../contract/console-api';

export const RANGE_DAYS = { today: 1, week: 7, month: 30 } as const;

export function consoleStats(db: Db, opts: { range: keyof typeof RANGE_DAYS; now: number }): ConsoleStats {
  const days = RANGE_DAYS[opts.range];
  const d = dashboard(db, { days, now: opts.now });
  const start = seoulDayStart(opts.now, days - 1).toISOString();
  const hours = Array.from({ length: 24 }, () => 0);
  const byHour = db
    .prepare("SELECT CAST(strftime('%H', at, '+9 hours') AS INTEGER) AS h, COUNT(*) AS n FROM events WHERE type = 'visitor.session_started' AND at >= ? GROUP BY h")
    .all(start) as { h: number; n: number }[];
  for (const r of byHour) hours[r.h] = r.n;
  const bandRows = db
    .prepare("SELECT json_extract(payload, '$.level') AS level, COUNT(*) AS n FROM events WHERE type = 'store.self_checked' AND at >= ? GROUP BY level")
    .all(start) as { level: string; n: number }[];
  const band = (l: string) => bandRows.find((r) => r.level === l)?.n ?? 0;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    range: opts.range,
    days: d.days,
    series: { visitors: d.series.visitors, prescriptions: d.series.prescriptions, checkins: d.series.checkins, gifts: d.series.gifts, snacks: d.series.snacks },
    totals: {
      visitors: sum(d.series.visitors),
      prescriptions: sum(d.series.prescriptions),
      checkins: sum(d.series.checkins),
      gifts: sum(d.series.gifts),
      snacks: sum(d.series.snacks),
    },
    visitsByHour: hours,
    prescriptionsBySymptom: d.prescriptionsBySymptom,
    selfCheckBands: { gentle: band('gentle'), lonely: band('lonely'), talk: band('talk') },
    queueWait: d.queueWait,
    generatedAt: d.generatedAt,
  };
}

/** The same numbers as CSV (UTF-8 with BOM so a spreadsheet opens Korean correctly). */
export function consoleStatsCsv(s: ConsoleStats): string {
  const lines = ['section,key,value'];
  s.days.forEach((day, i) => {
    for (const [name, values] of Object.entries(s.series)) lines.push(`daily_${name},${day},${values[i]}`);
  });
  s.visitsByHour.forEach((n, h) => lines.push(`visits_by_hour,${String(h).padStart(2, '0')},${n}`));
  for (const r of s.prescriptionsBySymptom) lines.push(`prescriptions_by_symptom,${/[",\r\n]/.test(r.symptomId) ? `"${r.symptomId.replace(/"/g, '""')}"` : r.symptomId},${r.count}`);
  for (const [band, n] of Object.entries(s.selfCheckBands)) lines.push(`self_check_band,${band},${n}`);
  lines.push(`queue_wait,count,${s.queueWait.count}`);
  lines.push(`queue_wait,median_minutes,${s.queueWait.medianMinutes ?? ''}`);
  lines.push(`queue_wait,p90_minutes,${s.queueWait.p90Minutes ?? ''}`);
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
