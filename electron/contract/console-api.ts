/**
 * Contract of the staff console's day screens: the overview, alerts in
 * words, print jobs and slips owed to visitors, gift low-stock thresholds,
 * Mind Pharmacy content versions and the statistics. Every method takes the
 * session `token` of `staff.login`; the service checks it and the role.
 */
import { z } from 'zod';
import { alertTypes, type AlertType } from './alert-catalog';
import { printJobSummarySchema } from './printing-api';

const token = z.string().min(16).max(64);
const auth = z.object({ token }).strict();
const localized = z.object({ ko: z.string(), en: z.string() });
const words = z.object({ title: z.string(), what: z.string(), next: z.string() });
const alertType = z.enum(alertTypes as [AlertType, ...AlertType[]]);
export const alertSeveritySchema = z.enum(['crisis', 'action', 'notice']);

/** An alert as the console shows it: the catalog's words in both languages, filled from its detail. */
export const consoleAlertSchema = z.object({
  id: z.string(),
  kind: z.string(),
  type: alertType,
  severity: alertSeveritySchema,
  /** Repeats of the cause while the alert was open, this one included. */
  count: z.number().int(),
  at: z.string(),
  lastAt: z.string(),
  closedAt: z.string().nullable(),
  closedReason: z.enum(['cleared', 'acknowledged']).nullable(),
  acknowledgedAt: z.string().nullable(),
  /** Role and PIN id (`staff:01J…`), never a name. */
  acknowledgedBy: z.string().nullable(),
  /** The PIN's label when it still exists ("front desk"), for "acknowledged by". */
  acknowledgedLabel: z.string().nullable(),
  words: z.object({ ko: words, en: words }),
});
export type ConsoleAlert = z.infer<typeof consoleAlertSchema>;

export const deviceIds = ['printer', 'paper', 'cabinet', 'link'] as const;
export const deviceHealthSchema = z.object({
  id: z.enum(deviceIds),
  /** ok: green; notice: yellow; action: red; unknown: grey (not checked yet). */
  level: z.enum(['ok', 'notice', 'action', 'unknown']),
  /** The alert type that describes the problem, so the card says the same words as the alert. */
  type: alertType.nullable(),
  words: z.object({ ko: z.object({ title: z.string(), next: z.string() }), en: z.object({ title: z.string(), next: z.string() }) }),
});
export type DeviceHealth = z.infer<typeof deviceHealthSchema>;

export const lowStockItemSchema = z.object({
  source: z.enum(['gift', 'snack']),
  id: z.string(),
  name: localized,
  count: z.number().int(),
  capacity: z.number().int().nullable(),
  threshold: z.number().int(),
});

export const overviewSchema = z.object({
  kioskId: z.string(),
  generatedAt: z.string(),
  today: z.object({ visitors: z.number().int(), prescriptions: z.number().int(), checkins: z.number().int(), gifts: z.number().int(), snacks: z.number().int() }),
  /** null when the check-in flow is not on this kiosk. */
  queue: z.object({ waiting: z.number().int(), expectedWaitMinutes: z.number().int() }).nullable(),
  /** Today's and the next days' bookings, soonest first: times only, no names. */
  nextBookings: z.array(z.object({ slotStart: z.string(), slotMinutes: z.number().int() })),
  lowStock: z.array(lowStockItemSchema),
  devices: z.array(deviceHealthSchema),
  alerts: z.array(consoleAlertSchema),
});
export type Overview = z.infer<typeof overviewSchema>;

export const consoleJobSchema = printJobSummarySchema.extend({
  /** For visitors' slips: a person is owed this slip until it is reprinted or cancelled. */
  owed: z.boolean(),
  resolution: z.enum(['cancelled', 'reprinted']).nullable(),
  resolvedBy: z.string().nullable(),
  canCancel: z.boolean(),
  canReprint: z.boolean(),
});
export type ConsoleJob = z.infer<typeof consoleJobSchema>;

const counts = z.object({ visitors: z.number().int(), prescriptions: z.number().int(), checkins: z.number().int(), gifts: z.number().int(), snacks: z.number().int() });
export const statsRangeSchema = z.enum(['today', 'week', 'month']);
export const consoleStatsSchema = z.object({
  range: statsRangeSchema,
  /** Seoul calendar days, oldest first. */
  days: z.array(z.string()),
  series: z.object({ visitors: z.array(z.number().int()), prescriptions: z.array(z.number().int()), checkins: z.array(z.number().int()), gifts: z.array(z.number().int()), snacks: z.array(z.number().int()) }),
  totals: counts,
  /** Visits started in each hour of the Seoul day, 0–23, over the range. */
  visitsByHour: z.array(z.number().int()).length(24),
  prescriptionsBySymptom: z.array(z.object({ symptomId: z.string(), count: z.number().int() })),
  /** Self-check results by band (the check-in's own levels); aggregates only. */
  selfCheckBands: z.object({ gentle: z.number().int(), lonely: z.number().int(), talk: z.number().int() }),
  queueWait: z.object({ count: z.number().int(), medianMinutes: z.number().nullable(), p90Minutes: z.number().nullable() }),
  generatedAt: z.string(),
});
export type ConsoleStats = z.infer<typeof consoleStatsSchema>;

export const consoleApi = {
  'console.overview': { input: auth, output: overviewSchema },
  'console.alerts': {
    input: z.object({ token, history: z.boolean().default(false), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({ alerts: z.array(consoleAlertSchema), open: z.number().int() }),
  },
  /** Acknowledging closes the alert on every console and records who. */
  'console.acknowledge': { input: z.object({ token, alertId: z.string().max(40) }).strict(), output: consoleAlertSchema },
  'console.printJobs': {
    input: z.object({ token, limit: z.number().int().min(1).max(200).default(40) }).strict(),
    output: z.object({ jobs: z.array(consoleJobSchema), owed: z.array(consoleJobSchema) }),
  },
  /** Cancels a job still waiting to print, or settles a failed one nobody will reprint. */
  'console.cancelJob': { input: z.object({ token, jobId: z.string().max(64) }).strict(), output: consoleJobSchema },
  /** Prints the job again as a new job (recorded with who asked). */
  'console.reprintJob': { input: z.object({ token, jobId: z.string().max(64) }).strict(), output: consoleJobSchema },
  'console.jobPreview': { input: z.object({ token, jobId: z.string().max(64) }).strict(), output: z.object({ jobId: z.string(), png: z.string() }) },
  /** A gift slot's low-stock threshold: an alert when a gift leaves this many or fewer. */
  'console.setGiftLowStock': {
    input: z.object({ token, slot: z.number().int().min(1).max(255), threshold: z.number().int().min(0).max(100) }).strict(),
    output: z.object({ slot: z.number().int(), threshold: z.number().int() }),
  },
  'console.stats': { input: z.object({ token, range: statsRangeSchema.default('today') }).strict(), output: consoleStatsSchema },
  'console.statsCsv': { input: z.object({ token, range: statsRangeSchema.default('month') }).strict(), output: z.object({ filename: z.string(), csv: z.string() }) },
  'console.giftLowStock': { input: auth, output: z.object({ thresholds: z.array(z.object({ slot: z.number().int(), threshold: z.number().int() })) }) },
  /**
   * Open crisis alerts for a console with nobody logged in (an idle logout): the takeover still
   * shows, and acknowledging still needs a PIN. Ids and times only, as the `staff.alert` push carries.
   */
  'console.openCrises': {
    input: z.object({}).strict(),
    output: z.object({ crises: z.array(z.object({ id: z.string(), kind: z.string(), at: z.string(), lastAt: z.string(), count: z.number().int() })) }),
  },
} as const;
