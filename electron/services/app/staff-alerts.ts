/**
 * Staff alerts: things a staff member must see and acknowledge (a visitor's
 * staff call or crisis button, device faults, vends and print jobs to
 * resolve). Each alert is a row plus an event, written together, and pushed
 * to every screen so the staff console updates at once.
 */
import type { ServiceContext } from '../context';
import { ulid } from '../storage/ids';

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
  | 'hub_unpaired';

/**
 * Raises an alert. `detail` holds ids and codes only (job id, slot, fault
 * code), never personal data. Call inside the same transaction as the
 * domain change it reports when there is one.
 */
export function raiseStaffAlert(
  ctx: Pick<ServiceContext, 'db' | 'kioskId' | 'push' | 'record'>,
  kind: StaffAlertKind,
  detail: Record<string, string | number | boolean | null> = {},
): string {
  const id = ulid();
  const at = new Date().toISOString();
  ctx.db.transaction(() => {
    ctx.db
      .prepare('INSERT INTO staff_alerts (id, kiosk_id, kind, at, detail) VALUES (?, ?, ?, ?, ?)')
      .run(id, ctx.kioskId, kind, at, JSON.stringify(detail));
    ctx.record('staff.alert_raised', { alertId: id, kind, detail });
  })();
  ctx.push({ name: 'staff.alert', payload: { id, kind, at } });
  return id;
}
