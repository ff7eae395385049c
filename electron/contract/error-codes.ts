/**
 * Every error code a service may throw, one list per domain. Each domain's
 * error class takes only its own union (`VendingErrorCode`), `KioskError`
 * takes only `ErrorCode`, and `error-messages.test.ts` fails when a code
 * here has no `errors.<code>` message in Korean or English: a new code
 * cannot reach a screen as "something went wrong" or as a raw code.
 */
export const errorCodes = {
  core: ['contract.unknown_method', 'contract.invalid_input', 'contract.invalid_output', 'internal', 'app.out_of_service', 'app.not_available', 'connection.lost', 'app.rate_limited', 'contract.forbidden'],
  storage: ['storage.disk_full', 'storage.corrupt', 'storage.unwritable', 'storage.migrations_out_of_sync', 'storage.unavailable'],
  config: ['config.invalid'],
  printer: ['printer.job_not_found', 'printer.not_simulator', 'printer.invalid_document', 'printer.job_not_reprintable'],
  vending: [
    'vending.no_link',
    'vending.not_simulator',
    'vending.no_such_slot',
    'vending.busy',
    'vending.not_in_flight',
    'vending.reconcile_pending',
    'vending.protocol',
    'vending.port_unavailable',
    'vending.board_error',
    'vending.unknown_command',
    'vending.bad_length',
    'vending.door_open',
    'vending.slot_unavailable',
    'vending.motor_bus_fault',
    'vending.drop_sensor_fault',
  ],
  pharmacy: ['pharmacy.content_changed', 'pharmacy.unknown_symptom', 'pharmacy.content_invalid'],
  store: [
    'store.availability_invalid',
    'store.slot_unavailable',
    'store.already_booked',
    'store.slot_taken',
    'store.unknown_booking',
    'store.unknown_snack',
    'store.out_of_stock',
    'store.no_consent',
    'store.visit_finished',
    'store.snack_limit',
    'store.no_visit',
    'store.unknown_queue_entry',
    'store.queue_not_waiting',
    'store.bad_phone',
    'store.bad_ciphertext',
    'store.key_unavailable',
    'store.venue_unreachable',
  ],
  staff: [
    'staff.pin_wrong',
    'staff.locked',
    'staff.session_expired',
    'staff.forbidden',
    'staff.setup_required',
    'staff.setup_code_wrong',
    'staff.already_set_up',
    'staff.pin_invalid',
    'staff.pin_taken',
    'staff.pin_not_found',
    'staff.last_admin',
    'staff.alert_not_found',
    'staff.config_invalid',
    'staff.job_not_found',
    'staff.maintenance_required',
    'staff.over_capacity',
    'staff.device_name_invalid',
    'staff.device_not_found',
  ],
  console: [
    'console.job_not_found',
    'console.job_not_cancellable',
    'console.job_not_reprintable',
    'console.alert_not_found',
    'console.no_such_slot',
    'console.content_invalid',
    'console.version_not_found',
    'console.content_outdated',
  ],
  connect: ['connect.program_not_found', 'connect.not_suggested', 'connect.no_visit', 'connect.unknown_symptom'],
  coupons: [
    'coupons.session_expired',
    'coupons.pin_wrong',
    'coupons.locked',
    'coupons.no_pin',
    'coupons.pin_invalid',
    'coupons.no_visit',
    'coupons.shop_not_found',
    'coupons.shop_full',
    'coupons.shop_paused',
  ],
  referrals: ['referrals.not_recognised', 'referrals.not_found', 'referrals.bad_dates', 'referrals.unknown_program'],
  hub: ['hub.url_invalid', 'hub.pair_code_invalid', 'hub.unreachable', 'hub.pair_refused'],
} as const;

export type ErrorDomain = keyof typeof errorCodes;
export type CodeOf<D extends ErrorDomain> = (typeof errorCodes)[D][number];
export type ErrorCode = CodeOf<ErrorDomain>;
export type PrinterErrorCode = CodeOf<'printer'>;
export type VendingErrorCode = CodeOf<'vending'>;
export type StoreErrorCode = CodeOf<'store'>;
export type PharmacyErrorCode = CodeOf<'pharmacy'>;
export type StaffErrorCode = CodeOf<'staff'>;
export type StorageErrorCode = CodeOf<'storage'>;
export type ConsoleErrorCode = CodeOf<'console'>;
export type ConnectErrorCode = CodeOf<'connect'>;
export type CouponsErrorCode = CodeOf<'coupons'>;
export type ReferralsErrorCode = CodeOf<'referrals'>;
export type HubErrorCode = CodeOf<'hub'>;

export const allErrorCodes: ErrorCode[] = Object.values(errorCodes).flat();

export function isErrorCode(x: string): x is ErrorCode {
  return (allErrorCodes as string[]).includes(x);
}
