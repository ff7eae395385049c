/**
 * The check-in flow's staff methods (`store.staff*`: queue, bookings,
 * availability, snack stock, erasure) behind the staff PIN. `domains.ts`
 * creates the store domain through `gateStoreStaff`, which takes those
 * handlers off the open contract (a direct call then answers
 * `app.not_available`) and keeps them here; `staff.store` calls them after
 * the token and role check, validating input and output with the store's
 * own schemas.
 */
import { api, type ApiMethod } from '../../contract/api';
import type { DomainModule, ServiceContext, ServiceDomain } from '../context';
import type { StaffRole } from './staff-auth';

type Handler = (input: unknown, meta: unknown) => unknown;

/** Every `store.staff*` method of the contract: a new one fails tsc until it has a role below. */
export type StoreStaffMethod = Extract<ApiMethod, `store.staff${string}`>;

/** Erasing a visitor's data and the retention purge are the admin's (the issue's "data export and erasure"). */
export const STORE_STAFF_ROLES: Record<StoreStaffMethod, StaffRole> = {
  'store.staffQueue': 'staff',
  'store.staffCallNext': 'staff',
  'store.staffMarkQueue': 'staff',
  'store.staffMoveQueue': 'staff',
  'store.staffBookings': 'staff',
  'store.staffCancelBooking': 'staff',
  'store.staffAvailability': 'staff',
  'store.staffSetAvailability': 'staff',
  'store.staffStock': 'staff',
  'store.staffRestock': 'staff',
  'store.staffSetLowStock': 'staff',
  'store.staffEraseVisitor': 'admin',
  'store.staffPurge': 'admin',
};

export const STORE_STAFF_METHODS = Object.keys(STORE_STAFF_ROLES) as StoreStaffMethod[];

/** Methods that only read: no `staff.action` event for them. */
export const STORE_STAFF_READS = new Set<StoreStaffMethod>(['store.staffQueue', 'store.staffBookings', 'store.staffAvailability', 'store.staffStock']);

const gates = new WeakMap<object, Map<string, Handler>>();

export function gatedStoreHandlers(ctx: object): Map<string, Handler> {
  let m = gates.get(ctx);
  if (!m) gates.set(ctx, (m = new Map()));
  return m;
}

/** Wraps the store's module: its staff handlers move behind the staff console's check. */
export function gateStoreStaff(module: DomainModule): DomainModule {
  return {
    eventSchemas: module.eventSchemas,
    async create(ctx: ServiceContext): Promise<ServiceDomain> {
      const d = await module.create(ctx);
      const handlers = { ...d.handlers } as Record<string, Handler | undefined>;
      const kept = gatedStoreHandlers(ctx);
      for (const name of STORE_STAFF_METHODS) {
        const h = handlers[name];
        if (h) kept.set(name, h);
        delete handlers[name];
      }
      return { ...d, handlers: handlers as ServiceDomain['handlers'] };
    },
  };
}

export function storeStaffSchemas(method: StoreStaffMethod) {
  return (api as unknown as Record<string, { input: { safeParse(x: unknown): { success: boolean; data?: unknown; error?: { issues: { path: PropertyKey[]; message: string }[] } } }; output: { parse(x: unknown): unknown } }>)[method];
}
