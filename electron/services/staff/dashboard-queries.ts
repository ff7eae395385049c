/**
 * The staff dashboard's aggregates: counts per Seoul calendar day over the
 * event log (index `events_type_at`) and, once the check-in flow's tables
 * exist, over them. Aggregates only: no row that names a visitor leaves here.
 * Korea has no daylight saving, so a Seoul day is UTC+9 all year.
 */
import type { Db } from '../storage/database';
import type { Dashboard } from '../../contract/staff-api';

const SEOUL_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

export function seoulDay(ms: number): string {
  return new Date(ms + SEOUL_MS).toISOString().slice(0, 10);
}

/** The UTC instant at which the Seoul day `daysBack` before today began. */
export function seoulDayStart(now: number, daysBack: number): Date {
  const local = now + SEOUL_MS;
  return new Date(local - (local % DAY_MS) - SEOUL_MS - daysBack * DAY_MS);
}

function hasTable(db: Db, name: string): boolean {
  return Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name));
}

type DayCounts = Map<string, number>;

function perDay(rows: { d: string; n: number }[]): DayCounts {
  return new Map(rows.map((r) => [r.d, r.n]));
}

export function dashboard(db: Db, opts: { days: number; now?: number }): Dashboard {
  const now = opts.now ?? Date.now();
  const start = seoulDayStart(now, opts.days - 1).toISOString();
  const days = Array.from({ length: opts.days }, (_, i) => seoulDay(now - (opts.days - 1 - i) * DAY_MS));
  const eventsPerDay = (type: string, where = '') =>
    perDay(
      db
        .prepare(`SELECT date(at, '+9 hours') AS d, COUNT(*) AS n FROM events WHERE type = ? AND at >= ? ${where} GROUP BY d`)
        .all(type, start) as { d: string; n: number }[],
    );

  const visitors = eventsPerDay('visitor.session_started');
  const prescriptions = eventsPerDay('pharmacy.prescribed');
  const gifts = eventsPerDay('vend.completed', "AND json_extract(payload, '$.kind') = 'dispense' AND json_extract(payload, '$.state') = 'delivered'");
  const bySymptom = db
    .prepare(
      `SELECT json_extract(payload, '$.symptomId') AS symptomId, COUNT(*) AS count FROM events
       WHERE type = 'pharmacy.prescribed' AND at >= ? GROUP BY symptomId ORDER BY count DESC, symptomId`,
    )
    .all(start) as { symptomId: string; count: number }[];

  let checkins: DayCounts = new Map();
  let snacks: DayCounts = new Map();
  let selfCheckScores: { score: number; count: number }[] = [];
  let waits: number[] = [];
  if (hasTable(db, 'store_visits')) {
    checkins = perDay(db.prepare("SELECT date(at, '+9 hours') AS d, COUNT(*) AS n FROM store_visits WHERE at >= ? GROUP BY d").all(start) as { d: string; n: number }[]);
  }
  if (hasTable(db, 'store_snacks_taken')) {
    snacks = perDay(db.prepare("SELECT date(at, '+9 hours') AS d, COUNT(*) AS n FROM store_snacks_taken WHERE at >= ? GROUP BY d").all(start) as { d: string; n: number }[]);
  }
  if (hasTable(db, 'store_self_checks')) {
    selfCheckScores = db
      .prepare('SELECT ucla_score AS score, COUNT(*) AS count FROM store_self_checks WHERE at >= ? GROUP BY ucla_score ORDER BY ucla_score')
      .all(start) as { score: number; count: number }[];
  }
  if (hasTable(db, 'store_queue')) {
    waits = (
      db
        .prepare('SELECT (julianday(called_at) - julianday(joined_at)) * 1440.0 FROM store_queue WHERE called_at IS NOT NULL AND joined_at >= ? ORDER BY 1')
        .pluck()
        .all(start) as number[]
    ).map((m) => Math.max(0, m));
  }

  // Coupons per shop from their events (shop ids only), so the figures match the city roll-up's.
  const couponsByShop = new Map<string, { shopId: string; issued: number; redeemed: number }>();
  for (const r of db
    .prepare(`SELECT type, json_extract(payload, '$.shopId') AS shopId, COUNT(*) AS n FROM events WHERE type IN ('coupon.issued', 'coupon.redeemed') AND at >= ? GROUP BY type, shopId ORDER BY shopId`)
    .all(start) as { type: string; shopId: string; n: number }[]) {
    const c = couponsByShop.get(r.shopId) ?? { shopId: String(r.shopId), issued: 0, redeemed: 0 };
    if (r.type === 'coupon.issued') c.issued = r.n;
    else c.redeemed = r.n;
    couponsByShop.set(r.shopId, c);
  }

  const series = (m: DayCounts) => days.map((d) => m.get(d) ?? 0);
  const today = days[days.length - 1];
  const pct = (p: number) => (waits.length ? Math.round(waits[Math.min(waits.length - 1, Math.floor(p * (waits.length - 1) + 0.5))] * 10) / 10 : null);
  return {
    days,
    series: { visitors: series(visitors), prescriptions: series(prescriptions), gifts: series(gifts), snacks: series(snacks), checkins: series(checkins) },
    today: {
      visitors: visitors.get(today) ?? 0,
      prescriptions: prescriptions.get(today) ?? 0,
      gifts: gifts.get(today) ?? 0,
      snacks: snacks.get(today) ?? 0,
      checkins: checkins.get(today) ?? 0,
    },
    prescriptionsBySymptom: bySymptom.map((r) => ({ symptomId: String(r.symptomId), count: r.count })),
    selfCheckScores,
    queueWait: { count: waits.length, medianMinutes: pct(0.5), p90Minutes: pct(0.9) },
    couponsByShop: [...couponsByShop.values()],
    generatedAt: new Date(now).toISOString(),
  };
}

/** The same aggregates as CSV (UTF-8 with BOM so a spreadsheet opens Korean correctly). */
export function dashboardCsv(d: Dashboard): string {
  const lines = ['section,key,value'];
  d.days.forEach((day, i) => {
    for (const [name, values] of Object.entries(d.series)) lines.push(`daily_${name},${day},${values[i]}`);
  });
  for (const r of d.prescriptionsBySymptom) lines.push(`prescriptions_by_symptom,${csvCell(r.symptomId)},${r.count}`);
  for (const r of d.selfCheckScores) lines.push(`self_check_score,${r.score},${r.count}`);
  lines.push(`queue_wait,count,${d.queueWait.count}`);
  lines.push(`queue_wait,median_minutes,${d.queueWait.medianMinutes ?? ''}`);
  lines.push(`queue_wait,p90_minutes,${d.queueWait.p90Minutes ?? ''}`);
  for (const c of d.couponsByShop ?? []) {
    lines.push(`coupons_issued,${csvCell(c.shopId)},${c.issued}`);
    lines.push(`coupons_redeemed,${csvCell(c.shopId)},${c.redeemed}`);
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
