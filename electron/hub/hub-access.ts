/**
 * The hub's access table, checked at its door like the kiosk's
 * (`contract/access.ts`): every staff route has one rule with the role it
 * needs (`staff` < `technician` < `admin`, the same ranks) and whether it only
 * reads or acts. Acting routes are recorded by the door (`staff_actions`),
 * never by their handlers. A route missing here is not served.
 */
import { ROLE_RANK, type StaffRole } from '../contract/access';
import { StaffError } from '../services/staff/staff-errors';
import type { StaffSession } from '../services/staff/staff-sessions';

export interface HubStaffRule {
  who: StaffRole;
  does: 'read' | 'act';
  /** The body or query field naming what an action touched, for the record. */
  target?: string;
}

export type HubStaffRoute = 'GET /v1/fleet' | 'GET /v1/dashboard' | 'GET /v1/queue' | 'GET /v1/alerts' | 'POST /v1/alerts/acknowledge' | 'GET /v1/rollup' | 'GET /v1/rollup.csv';

const read = (who: StaffRole): HubStaffRule => ({ who, does: 'read' });

export const hubAccess: Record<HubStaffRoute, HubStaffRule> = {
  'GET /v1/fleet': read('staff'),
  'GET /v1/dashboard': read('staff'),
  'GET /v1/queue': read('staff'),
  'GET /v1/alerts': read('staff'),
  'POST /v1/alerts/acknowledge': { who: 'staff', does: 'act', target: 'alertId' },
  // Figures that leave the venue (the city's roll-up) are recorded, as the kiosk's CSV export is.
  'GET /v1/rollup': { who: 'staff', does: 'act', target: 'from' },
  'GET /v1/rollup.csv': { who: 'staff', does: 'act', target: 'from' },
};

export function hubRuleOf(route: string): HubStaffRule | null {
  return Object.hasOwn(hubAccess, route) ? hubAccess[route as HubStaffRoute] : null;
}

/** Refuses a session whose role ranks below the rule's. */
export function admitRole(rule: HubStaffRule, s: StaffSession): void {
  if (ROLE_RANK[s.role] < ROLE_RANK[rule.who]) throw new StaffError('staff.forbidden', `this needs a ${rule.who} PIN`, { details: [rule.who] });
}

/** What an action touched, from its body or query (the rule's `target`). */
export function actionTarget(rule: HubStaffRule, q: URLSearchParams, body: unknown): string | null {
  if (!rule.target) return null;
  const fromBody = body && typeof body === 'object' ? (body as Record<string, unknown>)[rule.target] : undefined;
  const v = fromBody ?? q.get(rule.target);
  return v === undefined || v === null ? null : String(v);
}
