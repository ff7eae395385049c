/**
 * Who may call each contract method: the one access table, checked at the
 * door (`dispatch.ts`) before any handler runs. Every method of `api.ts` has
 * a line here; a method without one does not compile (`AccessTable` is a
 * mapped type over `ApiMethod`), and a method that carries a staff `token`
 * must name a staff role, while one without a token cannot.
 *
 * Levels, from the most open:
 * - `open`: anyone, even a connection that proved nothing (identity and health);
 * - `known`: a principal that proved itself: the kiosk screen, an enrolled
 *   staff device, or in-process code (signing in, maintenance state);
 * - `screen`: visitor methods, for the kiosk's own screen (and in-process
 *   code) only, never for a staff device on the LAN;
 * - `staff` < `technician` < `admin`: a valid staff session, bound to the
 *   caller's connection, with at least that role;
 * - `shop`: a 동행 가게's phone (an enrolled device, or in-process code) with a
 *   shop session (`shopToken`, opened with the shop's PIN); the handler gets
 *   the session's shop and answers for that shop only. A shop session is no
 *   staff session, and no staff session opens a shop method.
 */
import type { ApiMethod, ApiParsedInput } from './api';
import type { Principal } from './dispatch';
import type { StaffRole } from './staff-token';
import { KioskError } from './errors';

export type { StaffRole };
export type OpenLevel = 'open' | 'known' | 'screen';
export type AccessLevel = OpenLevel | StaffRole | 'shop';

export const ROLE_RANK: Record<StaffRole, number> = { staff: 1, technician: 2, admin: 3 };

export interface OpenRule {
  who: OpenLevel;
}

export interface StaffRule<M extends ApiMethod> {
  who: StaffRole;
  /** `read` only answers; `act` changes something and is recorded as a `staff.action` event. */
  does: 'read' | 'act';
  /** The input field naming what an action touched (a slot, an alert id), for the record. */
  target?: Exclude<keyof ApiParsedInput<M>, 'token'> & string;
  /** Refused unless maintenance mode is open (motor test, clear faults). */
  maintenance?: true;
}

/** A shop's method (it carries `shopToken`): read or act, for the session's own shop only. */
export interface ShopRule {
  who: 'shop';
  does: 'read' | 'act';
}

/** A token-carrying method needs a staff rule, a shopToken-carrying one a shop rule; any other method an open one. */
export type AccessRule<M extends ApiMethod> = ApiParsedInput<M> extends { token: string }
  ? StaffRule<M>
  : ApiParsedInput<M> extends { shopToken: string }
    ? ShopRule
    : OpenRule;
export type AccessTable = { [M in ApiMethod]: AccessRule<M> };

const open = { who: 'open' } as const;
const known = { who: 'known' } as const;
const screen = { who: 'screen' } as const;
const read = (who: StaffRole) => ({ who, does: 'read' }) as const;

export const access: AccessTable = {
  'app.info': open,
  'app.health': open,
  'app.staffCall': screen,
  'app.visitorEvent': screen,

  'printer.status': screen,
  'printer.jobs': screen,
  'printer.simFaults': { who: 'technician', does: 'act' },
  'printer.staffStatus': read('technician'),
  'printer.staffPrint': { who: 'technician', does: 'act', target: 'what' },
  'printer.staffRetry': { who: 'technician', does: 'act', target: 'jobId' },
  'printer.staffPreview': read('technician'),

  'vending.status': screen,
  'vending.slots': screen,
  'vending.giftAvailable': screen,
  'vending.simFaults': { who: 'technician', does: 'act' },
  'vending.staffStatus': read('staff'),
  'vending.staffPing': read('technician'),
  'vending.staffSlotInfo': read('technician'),
  'vending.staffMotorTest': { who: 'technician', does: 'act', target: 'slot', maintenance: true },
  'vending.staffClearFaults': { who: 'technician', does: 'act', maintenance: true },
  'vending.staffResolveVend': { who: 'staff', does: 'act', target: 'txn' },
  'vending.staffFrames': read('technician'),
  'vending.staffStock': read('staff'),
  'vending.staffRestock': { who: 'staff', does: 'act', target: 'slot' },
  'vending.staffSetSlotEnabled': { who: 'staff', does: 'act', target: 'slot' },

  'pharmacy.catalog': screen,
  'pharmacy.availability': screen,
  'pharmacy.chooseSymptom': screen,
  'pharmacy.prescribe': screen,
  'pharmacy.crisis': screen,

  'a11y.config': screen,
  // The screen reads its own text aloud through the local TTS program; no staff device or stranger may.
  'a11y.speak': screen,
  'a11y.stopSpeaking': screen,
  // A fixed sample sentence through the local engine: maintenance's voice check.
  'a11y.testVoice': read('technician'),

  'store.info': screen,
  'store.start': screen,
  'store.identify': screen,
  'store.selfCheck': screen,
  'store.snacks': screen,
  'store.chooseSnacks': screen,
  'store.queueStatus': screen,
  'store.talkNow': screen,
  'store.slots': screen,
  'store.book': screen,
  'store.finish': screen,
  'store.crisis': screen,
  'store.staffQueue': read('staff'),
  'store.staffCallNext': { who: 'staff', does: 'act' },
  'store.staffMarkQueue': { who: 'staff', does: 'act', target: 'entryId' },
  'store.staffMoveQueue': { who: 'staff', does: 'act', target: 'entryId' },
  'store.staffBookings': read('staff'),
  'store.staffCancelBooking': { who: 'staff', does: 'act', target: 'bookingId' },
  'store.staffAvailability': read('staff'),
  'store.staffSetAvailability': { who: 'staff', does: 'act' },
  'store.staffStock': read('staff'),
  'store.staffRestock': { who: 'staff', does: 'act', target: 'itemId' },
  'store.staffSetLowStock': { who: 'staff', does: 'act', target: 'itemId' },
  // Erasing a visitor's data and the retention purge are the admin's.
  'store.staffEraseVisitor': { who: 'admin', does: 'act' },
  'store.staffPurge': { who: 'admin', does: 'act' },

  'staff.authState': known,
  'staff.setup': known,
  'staff.login': known,
  'staff.logout': read('staff'),
  'staff.session': read('staff'),
  'staff.activity': read('staff'),
  'staff.pins': read('admin'),
  'staff.addPin': { who: 'admin', does: 'act', target: 'role' },
  'staff.removePin': { who: 'admin', does: 'act', target: 'pinId' },
  'staff.alerts': read('staff'),
  'staff.acknowledgeAlert': { who: 'staff', does: 'act', target: 'alertId' },
  'staff.editSlot': { who: 'staff', does: 'act', target: 'slot' },
  'staff.dashboard': read('staff'),
  // An export of figures leaves the kiosk: it is recorded.
  'staff.dashboardCsv': { who: 'staff', does: 'act', target: 'days' },
  'staff.maintenanceState': known,
  'staff.setMaintenance': { who: 'technician', does: 'act', target: 'open' },
  'staff.config': read('technician'),
  'staff.updateConfig': { who: 'technician', does: 'act' },
  'staff.serialPorts': read('technician'),
  'staff.diagnostics': { who: 'technician', does: 'act' },
  'staff.devices': read('technician'),
  'staff.createPairingCode': { who: 'technician', does: 'act', target: 'name' },
  'staff.revokeDevice': { who: 'technician', does: 'act', target: 'deviceId' },

  'console.overview': read('staff'),
  'console.alerts': read('staff'),
  'console.acknowledge': { who: 'staff', does: 'act', target: 'alertId' },
  'console.printJobs': read('staff'),
  'console.cancelJob': { who: 'staff', does: 'act', target: 'jobId' },
  'console.reprintJob': { who: 'staff', does: 'act', target: 'jobId' },
  'console.jobPreview': read('staff'),
  'console.stats': read('staff'),
  'console.statsCsv': { who: 'staff', does: 'act', target: 'range' },
  'console.giftLowStock': read('staff'),
  'console.setGiftLowStock': { who: 'staff', does: 'act', target: 'slot' },

  // 서울연결처방: the visitor's next step on the pharmacy screen; the catalog and its map are the admin's.
  'connect.chatbot': screen,
  'connect.nextProgram': screen,
  'connect.requestHelp': screen,
  'connect.staffPrograms': read('admin'),
  'connect.staffSaveProgram': { who: 'admin', does: 'act' },
  'connect.staffRetireProgram': { who: 'admin', does: 'act', target: 'id' },
  'connect.staffImportCsv': { who: 'admin', does: 'act', target: 'mode' },
  // The catalog leaving the kiosk as a file is recorded, like the statistics export.
  'connect.staffExportCsv': { who: 'admin', does: 'act' },
  'connect.staffSymptomMap': read('admin'),
  'connect.staffSetSymptomCategories': { who: 'admin', does: 'act', target: 'symptomId' },
  'connect.staffCounts': read('staff'),
  // 동행 가게 coupons: the visitor's offer on the kiosk screen; a shop's phone with its shop session; shops kept by admins.
  'coupons.offer': screen,
  'coupons.take': screen,
  'coupons.shops': known,
  'coupons.shopLogin': known,
  'coupons.shopLogout': { who: 'shop', does: 'read' },
  'coupons.shopCheck': { who: 'shop', does: 'read' },
  'coupons.shopRedeem': { who: 'shop', does: 'act' },
  'coupons.shopRecent': { who: 'shop', does: 'read' },
  'coupons.staffShops': read('staff'),
  'coupons.staffSaveShop': { who: 'admin', does: 'act', target: 'shopId' },
  'coupons.staffSetShopPin': { who: 'admin', does: 'act', target: 'shopId' },
  // Pausing a shop that asked to stop for today is a desk task, not an admin's.
  'coupons.staffPauseShop': { who: 'staff', does: 'act', target: 'shopId' },
  'coupons.staffRemoveShop': { who: 'admin', does: 'act', target: 'shopId' },
  'coupons.staffWeekly': read('staff'),
  // Referrals are personal data of recognised visitors: counselors (staff) record and follow them up.
  'referrals.staffAdd': { who: 'staff', does: 'act', target: 'kind' },
  'referrals.staffList': read('staff'),
  'referrals.staffDone': { who: 'staff', does: 'act', target: 'referralId' },
  'referrals.staffPrograms': read('staff'),
  // A console whose session timed out still takes over for a crisis: any proven device (ids and times only).
  'console.openCrises': known,
  // The Mind Pharmacy's words are the venue's voice: admins edit them; a save and a restore are recorded.
  'console.content': read('admin'),
  'console.contentPreview': read('admin'),
  'console.saveContent': { who: 'admin', does: 'act' },
  'console.restoreContent': { who: 'admin', does: 'act', target: 'version' },
  'hub.status': read('technician'),
  'hub.pair': { who: 'technician', does: 'act', target: 'url' },
};

/** Whether a principal may reach a level at all (a staff level then also needs its session). */
export function principalMayCall(level: AccessLevel, p: Principal): boolean {
  switch (level) {
    case 'open':
      return true;
    case 'screen':
      return p.kind === 'screen' || p.kind === 'local';
    case 'shop':
      // A shop's phone is an enrolled LAN device; the kiosk's own screen is never a shop.
      return p.kind === 'device' || p.kind === 'local';
    default:
      // `known` and the staff roles: any principal that proved itself.
      return p.kind !== 'anonymous';
  }
}

export type AnyRule = OpenRule | StaffRule<ApiMethod> | ShopRule;

export function isStaffRule(rule: AnyRule): rule is StaffRule<ApiMethod> {
  return rule.who === 'staff' || rule.who === 'technician' || rule.who === 'admin';
}

export function isShopRule(rule: AnyRule): rule is ShopRule {
  return rule.who === 'shop';
}

/** The rule of a method, widened for the door's generic code. */
export function ruleOf(method: ApiMethod): AnyRule {
  return access[method] as AnyRule;
}

export type AccessErrorCode = 'contract.forbidden' | 'staff.forbidden' | 'staff.session_expired' | 'staff.maintenance_required';

/** A refusal at the door: the caller may not call this method (principal, session, role or maintenance state). */
export class AccessError extends KioskError {
  constructor(code: AccessErrorCode, message: string) {
    super(code, message);
    this.name = 'AccessError';
  }
}
