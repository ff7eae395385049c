/**
 * Staff alerts: things a staff member must see (a visitor's staff call or
 * crisis button, device faults, vends and print jobs to resolve). Each alert
 * is a row plus an event, written together, and pushed to every screen so
 * the staff console updates at once.
 *
 * Three mechanisms keep alerts useful under pressure:
 * - one open alert per cause (`contract/alert-catalog.ts`): a device repeat
 *   while the alert is open raises its count and last time, and a repeat soon
 *   after the cause cleared reopens it, so a flapping cable is one alert
 *   saying how often it dropped; an alert closes when its cause clears
 *   (`closeStaffAlerts`) or a person acknowledges it, and closed rows stay as
 *   the history;
 * - join: a visitor's repeats with the same `joinKey` while the alert is open
 *   (and recently tapped) add to its count. Before, 50 crisis taps in 56 ms
 *   buried a real one under 50 rows;
 * - defer: when the disk is full a visitor's alert is pushed to every console
 *   at once and written when space returns (`ctx.defer`).
 */
import type { ServiceContext } from '../context';
import { ulid } from '../storage/ids';
import { classifySqliteError, StorageError } from '../storage/storage-errors';
import { alertCauseOf, alertSeverity, alertTypeOf } from '../../contract/alert-catalog';
import type { PushEventPayload } from '../../contract/events';

export type StaffAlertKind =
  | 'staff_call'
  | 'crisis'
  | 'printer_fault'
  | 'print_job_failed'
  | 'print_job_unknown'
  | 'vending_fault'
  | 'vend_to_resolve'
  | 'low_stock'
  | 'storage_fault'
  | 'gift_owed'
  /** Many events, or old ones, wait for the venue hub (hub-sync). */
  | 'hub_outbox_lag'
  /** The hub refused this kiosk's pairing code or credential: a technician must pair it again. */
  | 'hub_unpaired'
  /** A supervised process of the kiosk runtime (browser, host) keeps crashing. */
  | 'runtime_fault'
  /** The venue hub found a booking made offline clashes with another: staff call the visitor. */
  | 'booking_conflict'
  /** A visitor asked staff to help them join a 서울연결처방 programme (a notice, never a chime). */
  | 'program_help';

type AlertDetail = Record<string, string | number | boolean | null>;
type AlertCtx = Pick<ServiceContext, 'db' | 'kioskId' | 'push' | 'record'> & Partial<Pick<ServiceContext, 'defer' | 'health' | 'logger'>>;

/** Every crisis button (pharmacy, store) joins the one open crisis alert of this kiosk. */
export const CRISIS_JOIN_KEY = 'crisis';

/** A repeat joins an open alert tapped within this long: about one visit. */
export const ALERT_JOIN_WINDOW_MS = 15 * 60_000;

/** How long after its cause cleared a device alert is reopened by a repeat instead of a new alert. */
export const REJOIN_MS = 10 * 60_000;

/** A stored alert row (migrations 1, 10 and 13). */
export interface RawAlertRow {
  id: string;
  kind: string;
  at: string;
  detail: string;
  /** The cause repeats join (`alertCauseOf`), or a visitor alert's join key. */
  join_key: string | null;
  repeat_count: number;
  last_at: string | null;
  closed_at: string | null;
  closed_reason: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}

/** The push that tells every console an alert opened, repeated or closed, with its catalog type and severity. */
export function alertPush(row: {
  id: string;
  kind: string;
  at: string;
  detail: AlertDetail;
  cause: string | null;
  count: number;
  lastAt: string | null;
  closedAt: string | null;
  closedReason?: string | null;
  acknowledgedBy?: string | null;
}): PushEventPayload<'staff.alert'> {
  const type = alertTypeOf(row.kind, row.detail);
  return {
    id: row.id,
    kind: row.kind,
    at: row.at,
    type,
    severity: alertSeverity(type),
    cause: row.cause,
    count: row.count,
    lastAt: row.lastAt ?? row.at,
    closed: row.closedAt !== null,
    closedReason: (row.closedReason as 'cleared' | 'acknowledged' | null | undefined) ?? null,
    acknowledgedBy: row.acknowledgedBy ?? null,
  };
}

function rowPush(r: RawAlertRow): PushEventPayload<'staff.alert'> {
  return alertPush({
    id: r.id,
    kind: r.kind,
    at: r.at,
    detail: JSON.parse(r.detail),
    cause: r.join_key,
    count: r.repeat_count,
    lastAt: r.last_at,
    closedAt: r.closed_at,
    closedReason: r.closed_reason,
    acknowledgedBy: r.acknowledged_by,
  });
}

/** The push payload of a stored alert, by id (after an acknowledgement). */
export function alertPushOf(db: AlertCtx['db'], id: string): PushEventPayload<'staff.alert'> | null {
  const r = db.prepare('SELECT * FROM staff_alerts WHERE id = ?').get(id) as RawAlertRow | undefined;
  return r ? rowPush(r) : null;
}

/**
 * Raises an alert, or adds to the open one of the same cause. `detail` holds
 * ids and codes only (job id, slot, fault code), never personal data. Call
 * inside the same transaction as the domain change it reports when there is
 * one. Returns the alert's id (the open one's when it joined).
 */
export function raiseStaffAlert(ctx: AlertCtx, kind: StaffAlertKind, detail: AlertDetail = {}): string {
  const at = new Date().toISOString();
  const cause = alertCauseOf(kind, detail);
  const id = ctx.db.transaction(() => {
    const open = (ctx.db.prepare('SELECT id, repeat_count FROM staff_alerts WHERE join_key = ? AND closed_at IS NULL ORDER BY at DESC LIMIT 1').get(cause) ??
      // A cause that cleared a moment ago and is back (a loose cable) is the same trouble: its alert opens again.
      ctx.db
        .prepare("SELECT id, repeat_count FROM staff_alerts WHERE join_key = ? AND closed_reason = 'cleared' AND closed_at > ? ORDER BY closed_at DESC LIMIT 1")
        .get(cause, new Date(Date.parse(at) - REJOIN_MS).toISOString())) as { id: string; repeat_count: number } | undefined;
    if (open) {
      // The latest detail wins (a newer TXN, a lower count): the alert says what is true now.
      ctx.db
        .prepare('UPDATE staff_alerts SET repeat_count = repeat_count + 1, last_at = ?, detail = ?, closed_at = NULL, closed_reason = NULL WHERE id = ?')
        .run(at, JSON.stringify(detail), open.id);
      ctx.record('staff.alert_repeated', { alertId: open.id, kind, count: open.repeat_count + 1 });
      return open.id;
    }
    const fresh = ulid();
    insertAlert(ctx, fresh, kind, at, detail, cause);
    return fresh;
  })();
  const pushed = alertPushOf(ctx.db, id);
  if (pushed) ctx.push({ name: 'staff.alert', payload: pushed });
  return id;
}

export interface RaisedAlert {
  alertId: string;
  /** Taps this alert now counts (1 for a new one). */
  count: number;
  /** This call joined an open alert instead of raising one. */
  joined: boolean;
  /** Storage could not take it: pushed now, written when space returns. */
  deferred: boolean;
}

/**
 * An alert a visitor raised (staff call, crisis): it must reach staff even
 * when storage cannot take it. `joinKey` joins repeats (see above); `also`
 * writes the caller's own rows and events in the same transaction, with the
 * alert's id (it runs again, later, for a deferred alert).
 */
export function raiseVisitorAlert(
  ctx: AlertCtx,
  kind: 'staff_call' | 'crisis',
  detail: AlertDetail,
  opts: { joinKey?: string; also?: (alertId: string) => void; now?: Date } = {},
): RaisedAlert {
  const now = opts.now ?? new Date();
  const at = now.toISOString();
  const fresh = ulid(now.getTime());
  const write = (): RaisedAlert =>
    ctx.db.transaction((): RaisedAlert => {
      const open = opts.joinKey ? openJoinable(ctx, kind, opts.joinKey, now) : undefined;
      if (open) {
        const count = open.repeat_count + 1;
        ctx.db.prepare('UPDATE staff_alerts SET repeat_count = ?, last_at = ? WHERE id = ?').run(count, at, open.id);
        ctx.record('staff.alert_repeated', { alertId: open.id, kind, count });
        opts.also?.(open.id);
        return { alertId: open.id, count, joined: true, deferred: false };
      }
      insertAlert(ctx, fresh, kind, at, detail, opts.joinKey ?? null);
      opts.also?.(fresh);
      return { alertId: fresh, count: 1, joined: false, deferred: false };
    }).immediate();
  let raised: RaisedAlert;
  try {
    raised = write();
  } catch (err) {
    const storage = classifySqliteError(err);
    if (!(storage instanceof StorageError) || !ctx.defer) throw storage;
    // Staff hear it now; the row waits for space. Sessions, pushes and the console work without the disk.
    ctx.health?.fail(storage.code, storage.message);
    ctx.logger?.error(`${kind} alert kept in memory until storage works again`, { alertId: fresh, code: storage.code });
    ctx.defer(`${kind} alert ${fresh}`, write);
    raised = { alertId: fresh, count: 1, joined: false, deferred: true };
  }
  const stored = raised.deferred ? null : alertPushOf(ctx.db, raised.alertId);
  ctx.push({
    name: 'staff.alert',
    payload: stored ?? alertPush({ id: raised.alertId, kind, at, detail, cause: opts.joinKey ?? null, count: raised.count, lastAt: at, closedAt: null }),
  });
  return raised;
}

/**
 * Closes the open alerts whose cause is `cause` (or starts with `cause:` when
 * `prefix` is set, e.g. every low-stock alert of one slot): the paper is back,
 * the link came up. Returns how many closed.
 */
export function closeStaffAlerts(ctx: AlertCtx, cause: string, opts: { prefix?: boolean } = {}): number {
  const at = new Date().toISOString();
  const rows = ctx.db
    .prepare(`SELECT * FROM staff_alerts WHERE closed_at IS NULL AND (join_key = ? ${opts.prefix ? "OR join_key LIKE ? ESCAPE '\\'" : ''})`)
    .all(...(opts.prefix ? [cause, `${cause.replace(/[\\%_]/g, (c) => `\\${c}`)}:%`] : [cause])) as RawAlertRow[];
  if (rows.length === 0) return 0;
  ctx.db.transaction(() => {
    for (const r of rows) {
      ctx.db.prepare("UPDATE staff_alerts SET closed_at = ?, closed_reason = 'cleared' WHERE id = ? AND closed_at IS NULL").run(at, r.id);
      ctx.record('staff.alert_closed', { alertId: r.id, reason: 'cleared', count: r.repeat_count });
    }
  })();
  for (const r of rows) ctx.push({ name: 'staff.alert', payload: rowPush({ ...r, closed_at: at, closed_reason: 'cleared' }) });
  return rows.length;
}

function insertAlert(ctx: AlertCtx, id: string, kind: string, at: string, detail: AlertDetail, joinKey: string | null) {
  ctx.db
    .prepare('INSERT INTO staff_alerts (id, kiosk_id, kind, at, detail, join_key, last_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(id, ctx.kioskId, kind, at, JSON.stringify(detail), joinKey, at);
  ctx.record('staff.alert_raised', { alertId: id, kind, detail });
}

function openJoinable(ctx: AlertCtx, kind: string, joinKey: string, now: Date) {
  const since = new Date(now.getTime() - ALERT_JOIN_WINDOW_MS).toISOString();
  return ctx.db
    .prepare(
      'SELECT id, repeat_count FROM staff_alerts WHERE kind = ? AND join_key = ? AND acknowledged_at IS NULL AND closed_at IS NULL AND COALESCE(last_at, at) >= ? ORDER BY at DESC LIMIT 1',
    )
    .get(kind, joinKey, since) as { id: string; repeat_count: number } | undefined;
}
