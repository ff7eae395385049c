/**
 * The hub's access table, checked at its door like the kiosk's
 * (`contract/access.ts`): every staff route has one rule with the role it
 * needs (`staff` < `technician` < `admin`, the same ranks) and whether it only
 * reads or acts. Acting routes are recorded by the door (`staff_actions`),
 * never by their handlers. A route missing here is not served.
 *
 * One other principal comes in: the city's export credential (`city-export.ts`),
 * a bearer token with no device and no PIN. A rule lets it in only with
 * `city: 'read'`, which only the roll-up has; anywhere else it is refused.
 */
import { ROLE_RANK, type StaffRole } from '../contract/access';
import { StaffError } from '../services/staff/staff-errors';
import type { StaffSession } from '../services/staff/staff-sessions';
import { HubError } from './hub-errors';

export interface HubStaffRule {
  who: StaffRole;
  does: 'read' | 'act';
  /** The body or query field naming what an action touched, for the record. */
  target?: string;
  /** The city's export token may read this too (recorded in `city_reads`, not `staff_actions`). */
  city?: 'read';
}

export type HubStaffRoute =
  | 'GET /v1/fleet'
  | 'GET /v1/dashboard'
  | 'GET /v1/queue'
  | 'POST /v1/queue/call-next'
  | 'POST /v1/queue/mark'
  | 'GET /v1/snacks'
  | 'POST /v1/snacks/restock'
  | 'GET /v1/alerts'
  | 'POST /v1/alerts/acknowledge'
  | 'GET /v1/rollup'
  | 'GET /v1/rollup.csv'
  | 'GET /v1/admin/pins'
  | 'POST /v1/admin/pins'
  | 'POST /v1/admin/pins/remove'
  | 'GET /v1/admin/devices'
  | 'POST /v1/admin/devices/revoke'
  | 'POST /v1/admin/devices/pair'
  | 'GET /v1/admin/city-tokens'
  | 'POST /v1/admin/city-tokens/revoke';

const read = (who: StaffRole): HubStaffRule => ({ who, does: 'read' });

export const hubAccess: Record<HubStaffRoute, HubStaffRule> = {
  'GET /v1/fleet': read('staff'),
  'GET /v1/dashboard': read('staff'),
  'GET /v1/queue': read('staff'),
  // The venue's queue, as on a kiosk's console (store.staffCallNext / staffMarkQueue): staff act.
  'POST /v1/queue/call-next': { who: 'staff', does: 'act', target: 'venue' },
  'POST /v1/queue/mark': { who: 'staff', does: 'act', target: 'entryId' },
  // The venue's snack count: staff restock it, as on a kiosk (store.staffRestock).
  'GET /v1/snacks': read('staff'),
  'POST /v1/snacks/restock': { who: 'staff', does: 'act', target: 'itemId' },
  'GET /v1/alerts': read('staff'),
  'POST /v1/alerts/acknowledge': { who: 'staff', does: 'act', target: 'alertId' },
  // Figures that leave the venue (the city's roll-up) are recorded, as the kiosk's CSV export is.
  'GET /v1/rollup': { who: 'staff', does: 'act', target: 'from', city: 'read' },
  'GET /v1/rollup.csv': { who: 'staff', does: 'act', target: 'from', city: 'read' },
  // The hub console's admin section (hub-admin-routes.ts): names and dates, never a hash.
  'GET /v1/admin/pins': read('admin'),
  'POST /v1/admin/pins': { who: 'admin', does: 'act', target: 'label' },
  'POST /v1/admin/pins/remove': { who: 'admin', does: 'act', target: 'pinId' },
  'GET /v1/admin/devices': read('admin'),
  'POST /v1/admin/devices/revoke': { who: 'admin', does: 'act', target: 'deviceId' },
  'POST /v1/admin/devices/pair': { who: 'admin', does: 'act', target: 'name' },
  'GET /v1/admin/city-tokens': read('admin'),
  'POST /v1/admin/city-tokens/revoke': { who: 'admin', does: 'act', target: 'name' },
};

export function hubRuleOf(route: string): HubStaffRule | null {
  return Object.hasOwn(hubAccess, route) ? hubAccess[route as HubStaffRoute] : null;
}

/** Refuses a session whose role ranks below the rule's. */
export function admitRole(rule: HubStaffRule, s: StaffSession): void {
  if (ROLE_RANK[s.role] < ROLE_RANK[rule.who]) throw new StaffError('staff.forbidden', `this needs a ${rule.who} PIN`, { details: [rule.who] });
}

/** Refuses the city's token on every route but the roll-up. */
export function admitCity(rule: HubStaffRule, route: string): void {
  if (rule.city !== 'read') throw new HubError('hub.forbidden', `a city export token reads the roll-up only (GET /v1/rollup, GET /v1/rollup.csv), not ${route}`);
}

/** What an action touched, from its body or query (the rule's `target`). */
export function actionTarget(rule: HubStaffRule, q: URLSearchParams, body: unknown): string | null {
  if (!rule.target) return null;
  const fromBody = body && typeof body === 'object' ? (body as Record<string, unknown>)[rule.target] : undefined;
  const v = fromBody ?? q.get(rule.target);
  return v === undefined || v === null ? null : String(v);
}
