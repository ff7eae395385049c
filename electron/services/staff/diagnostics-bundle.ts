/**
 * The diagnostics bundle a technician downloads: versions, configuration,
 * database integrity and row counts, event counts by type, open alerts,
 * device status and the end of the log, as one JSON file.
 *
 * No personal data: no table rows are copied (counts only); log lines are
 * parsed and fields that could hold a person's data are dropped; phone-like
 * digit runs and every nickname the check-in flow stores are blanked out of
 * what remains, in case a message carried one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../storage/database';

const PERSONAL_KEY = /phone|nickname|name_?ko|visitor(?!_?id)|pin|token|salt|hash|answer/i;
const PHONE = /(?:\+?82[- ]?)?0?1[016789][- .]?\d{3,4}[- .]?\d{4}|\b0\d{1,2}[- .]\d{3,4}[- .]\d{4}\b/g;
const LOG_LINES = 400;

function scrubValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(scrubValue);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = PERSONAL_KEY.test(k) ? '[removed]' : scrubValue(x);
    return out;
  }
  return v;
}

export function scrubText(text: string, nicknames: string[]): string {
  let out = text.replace(PHONE, '[phone removed]');
  for (const n of nicknames) if (n.length >= 2) out = out.split(n).join('[name removed]');
  return out;
}

function tableNames(db: Db): string[] {
  return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
}

function knownNicknames(db: Db): string[] {
  if (!tableNames(db).includes('store_visitors')) return [];
  return (db.prepare('SELECT DISTINCT nickname FROM store_visitors LIMIT 100000').pluck().all() as string[]).filter(Boolean);
}

function tailLog(dataDir: string): unknown[] {
  const file = join(dataDir, 'logs', 'itda.log');
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-LOG_LINES);
  return lines.map((l) => {
    try {
      return scrubValue(JSON.parse(l));
    } catch {
      return { unparsed: l.slice(0, 500) };
    }
  });
}

export interface BundleInputs {
  db: Db;
  dataDir: string;
  kioskId: string;
  appVersion: string;
  config: unknown;
  devices: Record<string, unknown>;
  now?: Date;
}

export function diagnosticsBundle(i: BundleInputs): { filename: string; content: string } {
  const now = i.now ?? new Date();
  const integrity = (i.db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[]).map((r) => r.integrity_check);
  const counts: Record<string, number> = {};
  for (const t of tableNames(i.db)) counts[t] = i.db.prepare(`SELECT COUNT(*) FROM "${t.replace(/"/g, '""')}"`).pluck().get() as number;
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  const bundle = {
    kind: 'itda-kiosk-diagnostics',
    generatedAt: now.toISOString(),
    kioskId: i.kioskId,
    versions: {
      app: i.appVersion,
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      sqlite: i.db.prepare('SELECT sqlite_version()').pluck().get(),
      platform: `${process.platform} ${process.arch}`,
    },
    config: scrubValue(i.config),
    database: {
      integrity,
      migrations: i.db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all(),
      rowCounts: counts,
    },
    eventsLast7Days: i.db.prepare('SELECT type, COUNT(*) AS n FROM events WHERE at >= ? GROUP BY type ORDER BY type').all(weekAgo),
    openAlerts: i.db.prepare('SELECT id, kind, at, detail FROM staff_alerts WHERE acknowledged_at IS NULL ORDER BY at DESC LIMIT 200').all(),
    devices: scrubValue(i.devices),
    log: tailLog(i.dataDir),
  };
  const content = scrubText(JSON.stringify(bundle, null, 2), knownNicknames(i.db));
  const stamp = now.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  return { filename: `itda-diagnostics-${i.kioskId}-${stamp}.json`, content };
}
