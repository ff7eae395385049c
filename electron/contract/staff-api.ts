/**
 * Contract of the staff console and maintenance mode. Every method but the
 * login ones and `staff.maintenanceState` takes the session `token` that
 * `staff.login` returned; the service checks it and the role, so IPC and the
 * web host behave the same. Roles: staff < technician < admin.
 */
import { z } from 'zod';
import { printJobSummarySchema, printerStatusSchema } from './printing-api';
import { vendingSlotSchema, vendingStatusSchema, vendRecordSchema } from './vending-api';
import { storeApi } from './store-api';

/** The check-in's staff methods, named once in store-api.ts. */
type StoreStaffMethodName = Extract<keyof typeof storeApi, `store.staff${string}`>;
const storeStaffMethodNames = Object.keys(storeApi).filter((k) => k.startsWith('store.staff')) as [StoreStaffMethodName, ...StoreStaffMethodName[]];

const token = z.string().min(16).max(64);
const pin = z.string().regex(/^[0-9]{4,8}$/, '4 to 8 digits');
export const staffRoleSchema = z.enum(['staff', 'technician', 'admin']);
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
  generatedAt: z.string(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const frameEntrySchema = z.object({
  seq: z.number().int(),
  at: z.number(),
  dir: z.enum(['tx', 'rx']),
  hex: z.string(),
  name: z.string(),
  note: z.string().nullable(),
});

const configPatch = z.object({
  idleSeconds: z.number().optional(),
  idleCountdownSeconds: z.number().optional(),
  venue: z.record(z.string(), z.unknown()).optional(),
  printer: z.record(z.string(), z.unknown()).optional(),
  vending: z.record(z.string(), z.unknown()).optional(),
}).strict();

export const staffApi = {
  'staff.authState': {
    input: z.object({}).strict(),
    output: z.object({ needsSetup: z.boolean(), lockedUntil: z.string().nullable(), failures: z.number().int() }),
  },
  /** First start only: the first admin PIN (there is no default PIN). */
  'staff.setup': { input: z.object({ pin }).strict(), output: staffSessionSchema },
  'staff.login': { input: z.object({ pin }).strict(), output: staffSessionSchema },
  'staff.logout': { input: auth, output: ok },
  /** Keeps the session alive (any input on the console) and says who is logged in. */
  'staff.session': { input: auth, output: staffSessionSchema },
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

  'staff.stock': { input: auth, output: z.object({ slots: z.array(vendingSlotSchema.extend({ held: z.boolean() })) }) },
  /** `clearedFaults`: CLEAR_FAULTS was sent (the slot was the only one jammed); `stillJammed`: slots a technician must still free and clear. */
  'staff.restock': {
    input: z.object({ token, slot, count: z.number().int().min(0).max(100) }).strict(),
    output: z.object({ slots: z.array(vendingSlotSchema.extend({ held: z.boolean() })), clearedFaults: z.boolean(), stillJammed: z.array(z.number().int()) }),
  },
  'staff.setSlotEnabled': { input: z.object({ token, slot, enabled: z.boolean() }).strict(), output: z.object({ slots: z.array(vendingSlotSchema.extend({ held: z.boolean() })) }) },
  'staff.editSlot': {
    input: z.object({ token, slot, category: z.enum(['tea', 'sweets', 'stationery', 'comfort']), item: localized, capacity: z.number().int().min(0).max(100) }).strict(),
    output: z.object({ slots: z.array(vendingSlotSchema.extend({ held: z.boolean() })) }),
  },

  'staff.dashboard': { input: z.object({ token, days: z.number().int().min(1).max(90).default(30) }).strict(), output: dashboardSchema },
  'staff.dashboardCsv': { input: z.object({ token, days: z.number().int().min(1).max(90).default(30) }).strict(), output: z.object({ filename: z.string(), csv: z.string() }) },

  /** Public: whether visitors should see "under maintenance". */
  'staff.maintenanceState': { input: z.object({}).strict(), output: z.object({ open: z.boolean(), since: z.string().nullable() }) },
  'staff.setMaintenance': { input: z.object({ token, open: z.boolean() }).strict(), output: z.object({ open: z.boolean(), since: z.string().nullable() }) },

  'staff.printer': {
    input: z.object({ token, refresh: z.boolean().default(false) }).strict(),
    output: z.object({ status: printerStatusSchema, words: z.array(z.string()), jobs: z.array(printJobSummarySchema) }),
  },
  'staff.printerPrint': {
    input: z.object({ token, what: z.enum(['test_raster', 'test_text', 'sample_prescription', 'sample_ticket']) }).strict(),
    output: printJobSummarySchema,
  },
  'staff.printerRetry': { input: z.object({ token, jobId: z.string().max(64) }).strict(), output: printJobSummarySchema },
  'staff.printerPreview': { input: z.object({ token, jobId: z.string().max(64) }).strict(), output: z.object({ jobId: z.string(), png: z.string() }) },

  'staff.vending': {
    input: auth,
    output: z.object({ status: vendingStatusSchema, words: z.array(z.string()), toResolve: z.array(vendRecordSchema) }),
  },
  'staff.vendingPing': { input: auth, output: z.object({ firmware: z.string(), ms: z.number() }) },
  'staff.vendingSlotInfo': { input: auth, output: z.object({ slots: z.array(vendingSlotSchema.extend({ held: z.boolean() })) }) },
  'staff.motorTest': { input: z.object({ token, slot }).strict(), output: vendRecordSchema },
  'staff.clearFaults': { input: auth, output: vendingStatusSchema },
  'staff.resolveVend': { input: z.object({ token, txn: z.number().int().min(0).max(4294967295), delivered: z.boolean() }).strict(), output: vendRecordSchema },
  'staff.frames': { input: z.object({ token, afterSeq: z.number().int().min(0).default(0) }).strict(), output: z.object({ frames: z.array(frameEntrySchema) }) },

  'staff.config': { input: auth, output: z.object({ config: z.record(z.string(), z.unknown()), file: z.string() }) },
  'staff.updateConfig': {
    input: z.object({ token, patch: configPatch }).strict(),
    output: z.object({ config: z.record(z.string(), z.unknown()), applied: z.array(z.string()), restartRequired: z.array(z.string()) }),
  },
  'staff.serialPorts': {
    input: auth,
    output: z.object({ ports: z.array(z.object({ path: z.string(), manufacturer: z.string().nullable(), serialNumber: z.string().nullable(), vendorId: z.string().nullable(), productId: z.string().nullable() })) }),
  },
  /**
   * The check-in flow's staff methods (`store.staffQueue`, `store.staffCallNext`, ...) behind the PIN:
   * `input` and the answer are those of the named method. Erasure and purge need the admin role.
   */
  'staff.store': {
    input: z
      .object({
        token,
        method: z.enum(storeStaffMethodNames),
        input: z.record(z.string(), z.unknown()).default({}),
      })
      .strict(),
    output: z.object({ value: z.unknown() }),
  },
  /** One JSON file: logs, configuration, versions, integrity check and counts; no personal data. */
  'staff.diagnostics': { input: auth, output: z.object({ filename: z.string(), content: z.string() }) },
} as const;
