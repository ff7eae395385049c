/**
 * Contract of the staff console and maintenance mode: PINs, sessions, alerts,
 * the dashboard, configuration, diagnostics and maintenance mode. Every method
 * but the sign-in ones and `staff.maintenanceState` carries the session
 * `token`; the door checks it, the connection it belongs to and the role
 * (`access.ts`) before any handler runs, so IPC and the web host behave the
 * same. Printer, vending and counseling maintenance live in their own
 * domains' contracts (`printer.staff*`, `vending.staff*`, `store.staff*`).
 * Roles: staff < technician < admin.
 */
import { z } from 'zod';
import { staffToken as token, staffRoleSchema } from './staff-token';
import { staffSlotSchema } from './vending-api';

export { staffRoleSchema };
const pin = z.string().regex(/^[0-9]{4,8}$/, '4 to 8 digits');
const localized = z.object({ ko: z.string().min(1).max(60), en: z.string().min(1).max(60) }).strict();
const slot = z.number().int().min(1).max(255);
const auth = z.object({ token }).strict();
const ok = z.object({ ok: z.literal(true) });

export const staffSessionSchema = z.object({ token, role: staffRoleSchema, expiresAt: z.string() });

export const staffAlertSchema = z.object({
  id: z.string(),
  kind: z.string(),
  at: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  /** Taps joined into this alert: a crisis tapped again within the visit counts here, not as a new alert. */
  count: z.number().int().min(1).default(1),
});

export const dashboardSchema = z.object({
  /** Seoul calendar days, oldest first; the last one is today. */
  days: z.array(z.string()),
  series: z.object({
    visitors: z.array(z.number().int()),
    prescriptions: z.array(z.number().int()),
    gifts: z.array(z.number().int()),
    snacks: z.array(z.number().int()),
    checkins: z.array(z.number().int()),
  }),
  today: z.object({ visitors: z.number().int(), prescriptions: z.number().int(), gifts: z.number().int(), snacks: z.number().int(), checkins: z.number().int() }),
  prescriptionsBySymptom: z.array(z.object({ symptomId: z.string(), count: z.number().int() })),
  /** Self-check scores (UCLA-3 style sum) as a histogram: score → how many; aggregates only. */
  selfCheckScores: z.array(z.object({ score: z.number().int(), count: z.number().int() })),
  /** Minutes from joining the queue to being called, over the period. */
  queueWait: z.object({ count: z.number().int(), medianMinutes: z.number().nullable(), p90Minutes: z.number().nullable() }),
  /** 동행 가게 coupons given and used over the period, per shop (shop ids only). */
  couponsByShop: z.array(z.object({ shopId: z.string(), issued: z.number().int(), redeemed: z.number().int() })).default([]),
  generatedAt: z.string(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

const configPatch = z.object({
  idleSeconds: z.number().optional(),
  idleCountdownSeconds: z.number().optional(),
  venue: z.record(z.string(), z.unknown()).optional(),
  printer: z.record(z.string(), z.unknown()).optional(),
  vending: z.record(z.string(), z.unknown()).optional(),
}).strict();

export const staffApi = {
  /** Whether the first admin is still to be set up, and the caller's own pad: locked until when, wrong tries so far. */
  'staff.authState': {
    input: z.object({}).strict(),
    output: z.object({ needsSetup: z.boolean(), lockedUntil: z.string().nullable(), failures: z.number().int() }),
  },
  /**
   * First start only: the one-time setup code (printed on the setup slip, in the host log, or from
   * `npm run staff -- setup-code`), then the first admin PIN. There is no default PIN.
   */
  'staff.setup': { input: z.object({ code: z.string().regex(/^[0-9]{10}$/, 'the 10-digit setup code'), pin }).strict(), output: staffSessionSchema },
  'staff.login': { input: z.object({ pin }).strict(), output: staffSessionSchema },
  'staff.logout': { input: auth, output: ok },
  /** Who is logged in and until when; reading it does not keep the session alive. */
  'staff.session': { input: auth, output: staffSessionSchema },
  /** A person touched the console (pointer or key, throttled): only this keeps the session's two minutes going. */
  'staff.activity': { input: auth, output: staffSessionSchema },
  'staff.pins': {
    input: auth,
    output: z.object({ pins: z.array(z.object({ id: z.string(), role: staffRoleSchema, label: z.string(), createdAt: z.string() })) }),
  },
  'staff.addPin': { input: z.object({ token, role: staffRoleSchema, label: z.string().min(1).max(40), pin }).strict(), output: z.object({ id: z.string() }) },
  'staff.removePin': { input: z.object({ token, pinId: z.string().max(40) }).strict(), output: ok },

  'staff.alerts': {
    input: z.object({ token, includeAcknowledged: z.boolean().default(false), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({ alerts: z.array(staffAlertSchema), open: z.number().int() }),
  },
  'staff.acknowledgeAlert': { input: z.object({ token, alertId: z.string().max(40) }).strict(), output: staffAlertSchema },

  'staff.editSlot': {
    input: z.object({ token, slot, category: z.enum(['tea', 'sweets', 'stationery', 'comfort']), item: localized, capacity: z.number().int().min(0).max(100) }).strict(),
    output: z.object({ slots: z.array(staffSlotSchema) }),
  },

  'staff.dashboard': { input: z.object({ token, days: z.number().int().min(1).max(90).default(30) }).strict(), output: dashboardSchema },
  'staff.dashboardCsv': { input: z.object({ token, days: z.number().int().min(1).max(90).default(30) }).strict(), output: z.object({ filename: z.string(), csv: z.string() }) },

  /** Public: whether visitors should see "under maintenance". */
  'staff.maintenanceState': { input: z.object({}).strict(), output: z.object({ open: z.boolean(), since: z.string().nullable() }) },
  'staff.setMaintenance': { input: z.object({ token, open: z.boolean() }).strict(), output: z.object({ open: z.boolean(), since: z.string().nullable() }) },

  'staff.config': { input: auth, output: z.object({ config: z.record(z.string(), z.unknown()), file: z.string() }) },
  'staff.updateConfig': {
    input: z.object({ token, patch: configPatch }).strict(),
    output: z.object({ config: z.record(z.string(), z.unknown()), applied: z.array(z.string()), restartRequired: z.array(z.string()) }),
  },
  'staff.serialPorts': {
    input: auth,
    output: z.object({ ports: z.array(z.object({ path: z.string(), manufacturer: z.string().nullable(), serialNumber: z.string().nullable(), vendorId: z.string().nullable(), productId: z.string().nullable() })) }),
  },
  /** One JSON file: logs, configuration, versions, integrity check and counts; no personal data. */
  'staff.diagnostics': { input: auth, output: z.object({ filename: z.string(), content: z.string() }) },
} as const;
