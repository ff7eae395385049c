/**
 * Contract of the printing service (receipt printer status, jobs, reprints,
 * test pages, simulator faults). The status and job shapes live here so the
 * renderer (staff console, maintenance mode) and the services share them.
 */
import { z } from 'zod';
import { staffToken as token } from './staff-token';

export const printerFaultCodes = [
  'printer.offline',
  'printer.cover_open',
  'printer.paper_out',
  'printer.cutter_error',
  'printer.unrecoverable_error',
  'printer.recoverable_error',
  'printer.not_responding',
] as const;
export type PrinterFaultCode = (typeof printerFaultCodes)[number];

export const printerStatusSchema = z.object({
  /** `ok` can print; `fault` answered with a problem; `not_responding` did not answer; `unknown` not yet asked. */
  state: z.enum(['ok', 'fault', 'not_responding', 'unknown']),
  online: z.boolean().nullable(),
  coverOpen: z.boolean().nullable(),
  paperOut: z.boolean().nullable(),
  paperNearEnd: z.boolean().nullable(),
  cutterError: z.boolean().nullable(),
  unrecoverableError: z.boolean().nullable(),
  /** Faults, most actionable first: what stops printing. */
  faults: z.array(z.enum(printerFaultCodes)),
  /** Conditions that do not stop printing yet (paper near end). */
  warnings: z.array(z.enum(['printer.paper_near_end'])),
  /** The four reply bytes to DLE EOT 1..4, for the technician's log. */
  raw: z.array(z.number().int().min(0).max(255)).nullable(),
  checkedAt: z.string().nullable(),
  /** The printer as configured (`sim`, `tcp://10.0.0.5:9100`). */
  printer: z.string(),
});
export type PrinterStatus = z.infer<typeof printerStatusSchema>;

export const printJobStateSchema = z.enum(['queued', 'printing', 'printed', 'failed', 'unknown']);
export type PrintJobState = z.infer<typeof printJobStateSchema>;

export const printJobSummarySchema = z.object({
  jobId: z.string(),
  /** What the slip is: `prescription`, `checkin`, `test`, ... */
  kind: z.string(),
  /** The id of what it prints (a prescription id), never personal data. */
  ref: z.string().nullable(),
  state: printJobStateSchema,
  /** While queued: the printer fault it waits on (`printer.paper_out`), else null. */
  waitingOn: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  mode: z.enum(['raster', 'text', 'hybrid']),
  reprintOf: z.string().nullable(),
  /** Why this job reprints another: `auto` (the kiosk, once, after an unknown end; marked on paper) or `staff`. */
  reprintReason: z.enum(['auto', 'staff']).nullable().optional(),
  /** Printed and acknowledged by the printer (true), or only handed to a write-only device (false). */
  confirmed: z.boolean().nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  printedAt: z.string().nullable(),
});
export type PrintJobSummary = z.infer<typeof printJobSummarySchema>;

export const simFaultsSchema = z
  .object({
    paperOut: z.boolean().optional(),
    coverOpen: z.boolean().optional(),
    nearEnd: z.boolean().optional(),
    offline: z.boolean().optional(),
    cutterError: z.boolean().optional(),
    /** The simulator stops answering `DLE EOT` (an unplugged cable). */
    noResponse: z.boolean().optional(),
    /**
     * Drops each connection after this many bytes of a job (counted from its `ESC @`), as a
     * printer whose cable or network fails part-way; null turns it off.
     */
    dropAfterBytes: z.number().int().min(0).max(16_777_216).nullable().optional(),
  })
  .strict();
export type SimFaultsInput = z.infer<typeof simFaultsSchema>;
export type SimFaults = Required<SimFaultsInput>;

export const printingApi = {
  'printer.status': {
    input: z.object({ refresh: z.boolean().default(false) }).strict(),
    output: printerStatusSchema,
  },
  'printer.jobs': {
    input: z
      .object({ limit: z.number().int().min(1).max(200).default(50), states: z.array(printJobStateSchema).optional() })
      .strict(),
    output: z.object({ jobs: z.array(printJobSummarySchema) }),
  },
  /** Simulator fault knobs: a technician's (maintenance and tests), never a visitor's. */
  'printer.simFaults': {
    input: simFaultsSchema.extend({ token }),
    output: z.object({
      faults: z.object({
        paperOut: z.boolean(),
        coverOpen: z.boolean(),
        nearEnd: z.boolean(),
        offline: z.boolean(),
        cutterError: z.boolean(),
        noResponse: z.boolean(),
        dropAfterBytes: z.number().int().nullable(),
      }),
      status: printerStatusSchema,
    }),
  },

  // Printer maintenance (technician): status in words with recent jobs, test and sample slips, reprint, preview.
  'printer.staffStatus': {
    input: z.object({ token, refresh: z.boolean().default(false) }).strict(),
    output: z.object({ status: printerStatusSchema, words: z.array(z.string()), jobs: z.array(printJobSummarySchema) }),
  },
  'printer.staffPrint': {
    input: z.object({ token, what: z.enum(['test_raster', 'test_text', 'sample_prescription', 'sample_ticket']) }).strict(),
    output: printJobSummarySchema,
  },
  'printer.staffRetry': { input: z.object({ token, jobId: z.string().max(64) }).strict(), output: printJobSummarySchema },
  'printer.staffPreview': { input: z.object({ token, jobId: z.string().max(64) }).strict(), output: z.object({ jobId: z.string(), png: z.string() }) },
} as const;
