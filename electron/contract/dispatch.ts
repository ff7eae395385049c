/**
 * One entry point for every call, shared by Electron's main and the web host:
 * unknown name → error; the access table (`access.ts`) → the caller's
 * principal may reach the method at all; input `safeParse` → typed error;
 * for staff methods, the session behind the input's `token` (bound to the
 * caller's connection) and its role; handler; `Result<T>`; for staff actions,
 * one `staff.action` record. A handler's throw never crashes the host:
 * `KioskError`s cross as their wire form, anything else becomes `internal`
 * and is reported to `onFault`.
 */
import { api, type ApiMethod, type ApiOutput, type ApiParsedInput } from './api';
import { AccessError, isShopRule, isStaffRule, principalMayCall, ROLE_RANK, ruleOf, type StaffRole } from './access';
import { CoreErrorCode, KioskError, toWireError, type Result } from './errors';

export type Handlers = { [M in ApiMethod]: (input: ApiParsedInput<M>, meta: CallMeta) => Promise<ApiOutput<M>> | ApiOutput<M> };

/**
 * Who is calling, as the host that received the call proved it:
 * - `screen`: the kiosk's own screen (Electron's window after the sender check,
 *   or the web host's page holding the per-start screen cookie and the host's Origin);
 * - `device`: an enrolled staff device on the venue LAN (its credential cookie checked);
 * - `anonymous`: a connection that proved nothing (only pairing is open to it);
 * - `local`: code running in this process (CLIs, tests, the services themselves).
 */
export type Principal =
  | { kind: 'screen' }
  | { kind: 'device'; deviceId: string; name: string }
  | { kind: 'anonymous' }
  | { kind: 'local' };

/** Who is calling: which transport, which principal, and (web host) which connection and peer. */
export interface CallMeta {
  /** `http`: the venue hub's staff console (plain requests, sessions bound to the enrolled device). */
  transport: 'ipc' | 'ws' | 'test' | 'cli' | 'http';
  /** The connection a staff session is bound to; `services.endConnection(id)` when it closes. */
  connectionId?: string;
  /** Absent means `local` (in-process callers: CLIs, tests). */
  principal?: Principal;
  /** The remote address, for the record of staff actions. */
  peer?: string;
  /** The staff session the door admitted a staff method with; set by the dispatcher only (a host's value is dropped). */
  staff?: StaffCaller;
  /** The shop session the door admitted a shop method with (`access.ts` level `shop`); set by the dispatcher only. */
  shop?: ShopCaller;
}

/** A 동행 가게's session, as the door checked it: the handler answers for this shop only. */
export interface ShopCaller {
  shopId: string;
  token: string;
}

/** What the door needs from the domain that keeps shop sessions (`coupons/`). Without one, every shop method is refused. */
export interface ShopDoor {
  /** The live shop session of `shopToken` for this caller's connection; throws `coupons.session_expired` otherwise. */
  session(shopToken: string, meta: CallMeta): ShopCaller;
}

/** The staff session behind a call, as the door checked it. */
export interface StaffCaller {
  token: string;
  role: StaffRole;
  /** The PIN's id (never the PIN), for the record. */
  pinId: string;
}

/** One staff action as the door records it: who, from where, what. */
export interface StaffActionRecord {
  method: ApiMethod;
  caller: StaffCaller;
  principal: Principal;
  peer: string | null;
  target: string | number | null;
}

/**
 * What the door needs from the domain that keeps staff sessions (`staff/`).
 * Without one, every staff method is refused.
 */
export interface StaffDoor {
  /** The live session of `token` for this caller's connection; throws `staff.session_expired` otherwise. It does not extend the session. */
  session(token: string, meta: CallMeta): StaffCaller;
  maintenanceOpen(): boolean;
  recordAction(action: StaffActionRecord): void;
}

/** The principal of a call, `local` when the host named none. */
export function principalOf(meta: CallMeta): Principal {
  return meta.principal ?? { kind: 'local' };
}

export interface Dispatcher {
  (method: string, raw: unknown, meta?: CallMeta): Promise<Result<unknown>>;
}

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

export function createDispatcher(
  handlers: Handlers,
  onFault: (method: string, err: unknown) => void = () => {},
  door?: StaffDoor,
  shopDoor?: ShopDoor,
): Dispatcher {
  return async (method, raw, meta = { transport: 'test' }) => {
    if (!isApiMethod(method)) {
      return { ok: false, error: new KioskError(CoreErrorCode.unknownMethod, `unknown method ${String(method)}`).toWire() };
    }
    const rule = ruleOf(method);
    const principal = principalOf(meta);
    // Before the input is even read: a principal outside the method's level learns nothing about its schema.
    if (!principalMayCall(rule.who, principal)) {
      return { ok: false, error: new AccessError('contract.forbidden', `${principal.kind} may not call ${method}`).toWire() };
    }
    const schema = api[method];
    const parsed = schema.input.safeParse(raw ?? {});
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`);
      return {
        ok: false,
        error: new KioskError(CoreErrorCode.invalidInput, `invalid input for ${method}`, { details }).toWire(),
      };
    }
    const callMeta: CallMeta = { ...meta, staff: undefined, shop: undefined };
    try {
      if (isStaffRule(rule)) {
        if (!door) throw new AccessError('contract.forbidden', `${method} needs staff sessions, and this kiosk has none`);
        const caller = door.session((parsed.data as { token: string }).token, meta);
        if (ROLE_RANK[caller.role] < ROLE_RANK[rule.who]) throw new AccessError('staff.forbidden', `${method} needs the ${rule.who} role`);
        if (rule.maintenance && !door.maintenanceOpen()) throw new AccessError('staff.maintenance_required', 'open maintenance mode first');
        callMeta.staff = caller;
      }
      if (isShopRule(rule)) {
        if (!shopDoor) throw new AccessError('contract.forbidden', `${method} needs shop sessions, and this kiosk has none`);
        callMeta.shop = shopDoor.session((parsed.data as { shopToken: string }).shopToken, meta);
      }
      const handler = handlers[method] as (input: unknown, meta: CallMeta) => unknown;
      const value = await handler(parsed.data, callMeta);
      const out = schema.output.safeParse(value);
      if (!out.success) {
        onFault(method, new Error(`output of ${method} broke its schema: ${out.error.message}`));
        return { ok: false, error: new KioskError(CoreErrorCode.invalidOutput, 'invalid output').toWire() };
      }
      if (isStaffRule(rule) && rule.does === 'act' && door && callMeta.staff) {
        try {
          door.recordAction({ method, caller: callMeta.staff, principal, peer: meta.peer ?? null, target: targetOf(parsed.data, rule.target) });
        } catch (err) {
          // The action happened; a record that could not be written is a fault to report, not a failed call.
          onFault(method, err);
        }
      }
      return { ok: true, value: out.data };
    } catch (err) {
      if (!(err instanceof KioskError)) onFault(method, err);
      return { ok: false, error: toWireError(err) };
    }
  };
}

/** What an action touched, from the input field the table names (booleans as words). */
function targetOf(input: unknown, field: string | undefined): string | number | null {
  if (!field) return null;
  const v = (input as Record<string, unknown>)[field];
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.slice(0, 80);
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  return null;
}
