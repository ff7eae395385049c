/**
 * Staff alerts: things a staff member must see and acknowledge (a visitor's
 * staff call or crisis button, device faults, vends and print jobs to
 * resolve). Each alert is a row plus an event, written together, and pushed
 * to every screen so the staff console updates at once.
 *
 * Two mechanisms keep a visitor's alert useful under pressure:
 * - join: repeats with the same `joinKey` while the alert is open (and
 *   recently tapped) add to its count instead of adding alerts. Before, 50
 *   crisis taps in 56 ms buried a real one under 50 rows.
 * - defer: when the disk is full the alert is pushed to every console at
 *   once and written when space returns (`ctx.defer`).
 */
import type { ServiceContext } from '../context';
import { ulid } from '../storage/ids';
import { classifySqliteError, StorageError } from '../storage/storage-errors';

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
  /** A booking made while the hub was away lost its slot to another kiosk's: call the visitor. */
  | 'booking_conflict';

type AlertDetail = Record<string, string | number | boolean | null>;
type AlertCtx = Pick<ServiceContext, 'db' | 'kioskId' | 'push' | 'record'> & Partial<Pick<ServiceContext, 'defer' | 'health' | 'logger'>>;

/** Every crisis button (pharmacy, store) joins the one open crisis alert of this kiosk. */
export const CRISIS_JOIN_KEY = 'crisis';

/** A repeat joins an open alert tapped within this long: about one visit. */
export const ALERT_JOIN_WINDOW_MS = 15 * 60_000;

/**
 * Raises an alert. `detail` holds ids and codes only (job id, slot, fault
 * code), never personal data. Call inside the same transaction as the
 * domain change it reports when there is one.
 */
export function raiseStaffAlert(ctx: AlertCtx, kind: StaffAlertKind, detail: AlertDetail = {}): string {
  const id = ulid();
  const at = new Date().toISOString();
  ctx.db.transaction(() => insertAlert(ctx, id, kind, at, detail, null))();
  ctx.push({ name: 'staff.alert', payload: { id, kind, at, count: 1 } });
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
  ctx.push({ name: 'staff.alert', payload: { id: raised.alertId, kind, at, count: raised.count } });
  return raised;
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
      'SELECT id, repeat_count FROM staff_alerts WHERE kind = ? AND join_key = ? AND acknowledged_at IS NULL AND COALESCE(last_at, at) >= ? ORDER BY at DESC LIMIT 1',
    )
    .get(kind, joinKey, since) as { id: string; repeat_count: number } | undefined;
}
