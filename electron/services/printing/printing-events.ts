/**
 * Event types of the printing domain. Payloads carry job ids, kinds, refs
 * (ids of what was printed) and fault codes; never the slip's content.
 */
import { z } from 'zod';

const jobId = z.string();
const code = z.string().max(64);

export const printingEventSchemas = {
  'print.job_queued': z.object({
    jobId,
    kind: z.string(),
    ref: z.string().nullable(),
    mode: z.enum(['raster', 'text', 'hybrid']),
    reprintOf: z.string().nullable(),
    reprintReason: z.enum(['auto', 'staff']).nullable().optional(),
  }),
  /** A queued job cannot be sent yet: the printer reports a fault. */
  'print.job_waiting': z.object({ jobId, waitingOn: code }),
  /** Intent: the bytes are about to be written (logged before the side effect). */
  'print.job_printing': z.object({ jobId, attempt: z.number().int(), bytes: z.number().int() }),
  /** `confirmed`: the printer acknowledged the last byte (false only for a write-only device). */
  'print.job_printed': z.object({ jobId, attempt: z.number().int(), confirmed: z.boolean().optional(), ms: z.number().int().optional() }),
  /** Nothing reached the printer; the job is queued again. */
  'print.job_requeued': z.object({ jobId, code }),
  'print.job_failed': z.object({ jobId, code }),
  /** Bytes may have reached the printer before a fault: staff decide, never an automatic resend. */
  'print.job_unknown': z.object({ jobId, code, interruptedByRestart: z.boolean(), ms: z.number().int().optional(), budgetMs: z.number().int().optional() }),
  /**
   * A visitor's slip whose first print is unknown is printed once more, marked "재발행 / reprint",
   * once the printer is back; staff see the case in their alerts.
   */
  'print.job_auto_reprint': z.object({ jobId, reprintJobId: jobId, kind: z.string(), ref: z.string().nullable() }),
  'printer.status_changed': z.object({ state: z.string(), faults: z.array(code), warnings: z.array(code), printer: z.string() }),
  'printer.sim_faults_set': z.object({ faults: z.record(z.string(), z.union([z.boolean(), z.number(), z.null()])) }),
} as const;
