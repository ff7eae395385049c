/**
 * What must hold after any run, whatever was injected, read from what the
 * kiosk left (its SQLite file, opened read-only after it stopped) and from
 * what the hardware recorded (the paper the printer simulator cut, the
 * motors the board ran), never from what the kiosk says about itself:
 *  - no TXN ran its motor twice, and no motor ran for a vend the kiosk did not log;
 *  - every prescription: exactly one whole slip, or one reprint marked as
 *    such, or a staff case open for it; never two whole slips; never
 *    "printed" in the books with no whole slip on paper;
 *  - every gift delivered, or owed with a staff alert (or a vend to resolve);
 *  - `PRAGMA integrity_check` is ok;
 *  - stock and event counts agree with the tables;
 *  - no visitor got an `internal` error, and the host stopped cleanly.
 */
import Database from 'better-sqlite3';
import type { MotorRun } from '../services/vending/sim/vmc-board';
import type { PaperSlip } from './chaos-rig';
import type { VisitOutcome } from './chaos-visits';

export interface InvariantResult {
  name: string;
  held: boolean;
  detail?: string;
}

export interface InvariantInput {
  dbPath: string;
  paper: PaperSlip[];
  motorRuns: MotorRun[];
  visits: VisitOutcome[];
  cleanStop: boolean;
  /** How the stop went, when it was not clean (exit code, signal, the host's last words). */
  stopDetail?: string;
}

export const INVARIANTS = [
  'motor once per TXN',
  'slip once or reprint or staff case',
  'no false printed',
  'gift delivered or owed',
  'integrity_check',
  'stock and events agree',
  'no internal error',
  'clean stop',
] as const;

/** The word a reprinted slip carries on paper (the print service's marking). */
export const REPRINT_MARK = '재발행';

interface Rx {
  id: string;
  rx_number: string;
  print_job_id: string | null;
  job_state: string | null;
  vend_state: string | null;
}

export function checkInvariants(input: InvariantInput): InvariantResult[] {
  const db = new Database(input.dbPath, { readonly: true, fileMustExist: true });
  try {
    const out: InvariantResult[] = [];
    const one = (sql: string, ...args: unknown[]) => db.prepare(sql).pluck().get(...args) as number;
    const alerts = db.prepare('SELECT kind, detail, acknowledged_at FROM staff_alerts').all() as { kind: string; detail: string; acknowledged_at: string | null }[];
    const openAlert = (kinds: string[], match: (d: Record<string, unknown>) => boolean) =>
      alerts.some((a) => a.acknowledged_at === null && kinds.includes(a.kind) && match(JSON.parse(a.detail)));

    // Motors: the board's own log.
    const seen = new Map<number, number>();
    for (const r of input.motorRuns) seen.set(r.txn, (seen.get(r.txn) ?? 0) + 1);
    const twice = [...seen].filter(([, n]) => n > 1).map(([t]) => t);
    const logged = new Set((db.prepare('SELECT txn FROM vends').pluck().all() as number[]).map(Number));
    const ghosts = input.motorRuns.filter((r) => !logged.has(r.txn)).map((r) => r.txn);
    out.push(result('motor once per TXN', twice.length === 0 && ghosts.length === 0, `ran twice: ${twice.join(',')}; not in the vend log: ${ghosts.join(',')}`));

    // Slips: what came out of the printer, per prescription number.
    const rxs = db
      .prepare(
        `SELECT p.id, p.rx_number, p.print_job_id, j.state AS job_state, p.vend_state
         FROM prescriptions_issued p LEFT JOIN print_jobs j ON j.id = p.print_job_id WHERE p.request_id IS NOT NULL`,
      )
      .all() as Rx[];
    const slipProblems: string[] = [];
    const falsePrinted: string[] = [];
    for (const rx of rxs) {
      const { whole, reprints } = slipsOf(input.paper, rx.rx_number);
      const staffCase =
        openAlert(['print_job_unknown', 'print_job_failed'], (d) => d.jobId === rx.print_job_id || d.rxNumber === rx.rx_number) ||
        openAlert(['printer_fault'], (d) => d.rxNumber === rx.rx_number);
      if (whole > 1) slipProblems.push(`${rx.rx_number}: ${whole} whole slips`);
      else if (reprints > 1) slipProblems.push(`${rx.rx_number}: ${reprints} reprints`);
      else if (whole + reprints === 0 && !staffCase) slipProblems.push(`${rx.rx_number}: no slip and no staff case (job ${rx.print_job_id ?? 'none'}: ${rx.job_state ?? '-'})`);
      if (rx.job_state === 'printed' && whole + reprints === 0) falsePrinted.push(`${rx.rx_number} (job ${rx.print_job_id})`);
    }
    out.push(result('slip once or reprint or staff case', slipProblems.length === 0, slipProblems.join('; ')));
    out.push(result('no false printed', falsePrinted.length === 0, `printed in the books, no whole slip on paper: ${falsePrinted.join(', ')}`));

    // Gifts: the vend log per prescription, or staff told.
    const giftProblems: string[] = [];
    for (const rx of rxs) {
      const req = db.prepare('SELECT state, txn FROM vend_requests WHERE request_id = ?').get(rx.id) as { state: string; txn: number | null } | undefined;
      if (req?.state === 'delivered') {
        if (!input.motorRuns.some((m) => m.txn === Number(req.txn) && m.kind === 'dispense')) giftProblems.push(`${rx.rx_number}: delivered with no motor run`);
        continue;
      }
      const owed = openAlert(['gift_owed'], (d) => d.rxNumber === rx.rx_number);
      const toResolve = req?.txn != null && openAlert(['vend_to_resolve'], (d) => Number(d.txn) === Number(req.txn));
      if (!owed && !toResolve) giftProblems.push(`${rx.rx_number}: gift ${req?.state ?? 'never asked'}, no alert`);
    }
    out.push(result('gift delivered or owed', giftProblems.length === 0, giftProblems.join('; ')));

    const integrity = db.prepare('PRAGMA integrity_check').pluck().all() as string[];
    out.push(result('integrity_check', integrity.length === 1 && integrity[0] === 'ok', integrity.join('; ')));

    // Counts: tables against each other and against the append-only events.
    const ev = (type: string) => one('SELECT COUNT(*) FROM events WHERE type = ?', type);
    const checks: [string, number, number][] = [
      ['pharmacy.prescribed events vs prescriptions', ev('pharmacy.prescribed'), rxs.length],
      ['print.job_queued events vs print jobs', ev('print.job_queued'), one('SELECT COUNT(*) FROM print_jobs')],
      ['print.job_printed events vs printed jobs', ev('print.job_printed'), one("SELECT COUNT(*) FROM print_jobs WHERE state = 'printed'")],
      ['vend.sending events vs vends', ev('vend.sending'), one('SELECT COUNT(*) FROM vends')],
      ['delivered dispense vends vs motor runs that delivered', one("SELECT COUNT(*) FROM vends WHERE state = 'delivered' AND kind = 'dispense'"), one("SELECT COUNT(*) FROM events WHERE type = 'vend.completed' AND json_extract(payload, '$.state') = 'delivered'")],
      ['vending stock vs capacity minus delivered', one('SELECT SUM(count) FROM vending_slots'), one('SELECT SUM(capacity) FROM vending_slots') - one("SELECT COUNT(*) FROM vends WHERE state = 'delivered'")],
      ['store.snack_taken minus store.snack_released events vs snacks taken', ev('store.snack_taken') - ev('store.snack_released'), one('SELECT COUNT(*) FROM store_snacks_taken')],
      ['vends still in flight', one("SELECT COUNT(*) FROM vends WHERE state IN ('sending', 'accepted')"), 0],
      ['gift requests still pending', one("SELECT COUNT(*) FROM vend_requests WHERE state = 'pending'"), 0],
    ];
    const bad = checks.filter(([, a, b]) => a !== b).map(([what, a, b]) => `${what}: ${a} ≠ ${b}`);
    out.push(result('stock and events agree', bad.length === 0, bad.join('; ')));

    const internal = input.visits.flatMap((v) => v.errors.filter((e) => e.code === 'internal').map((e) => `${v.requestId} ${e.method}`));
    out.push(result('no internal error', internal.length === 0, internal.join(', ')));
    out.push(result('clean stop', input.cleanStop, `the host did not exit cleanly on SIGTERM${input.stopDetail ? `: ${input.stopDetail}` : ''}`));
    return out;
  } finally {
    db.close();
  }
}

function result(name: (typeof INVARIANTS)[number], held: boolean, detail: string): InvariantResult {
  return held ? { name, held } : { name, held, detail };
}

/**
 * Whole slips and marked reprints of one prescription on the paper. A slip
 * is whole when its number is followed by the slip's last line before the
 * next slip begins: a job cut short by a dropped connection runs into the
 * next job on the simulator's paper, and must not count as printed.
 */
export function slipsOf(paper: PaperSlip[], rxNumber: string): { whole: number; reprints: number } {
  let whole = 0;
  let reprints = 0;
  const text = paper.map((p) => p.text).join('');
  // Each slip starts at the venue's name line; split there and look at each piece.
  for (const piece of splitSlips(text)) {
    if (!piece.includes(rxNumber)) continue;
    if (!isWhole(piece)) continue;
    if (piece.includes(REPRINT_MARK)) reprints++;
    else whole++;
  }
  return { whole, reprints };
}

/** A slip ends with a cut; text after the last cut belongs to the next slip or to nothing. */
function splitSlips(text: string): string[] {
  return text.split(/(?<=--- (?:partial )?cut ---\n)/);
}

function isWhole(piece: string): boolean {
  return /--- (?:partial )?cut ---\n$/.test(piece);
}
