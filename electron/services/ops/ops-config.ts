/** The `ops` section of the kiosk config: the nightly maintenance window, disk guard and log limits. */
import { z } from 'zod';

export const opsConfigSchema = z
  .object({
    /** Seoul hour (0-23) of the nightly maintenance window; it runs once a day, when no visitor is active. */
    maintenanceHour: z.number().int().min(0).max(23).default(3),
    /** Below this free space (MB) on the data dir's disk, old logs and printer previews are trimmed. */
    minFreeDiskMb: z.number().int().min(16).max(1_000_000).default(512),
    /** A log file larger than this (MB) is rotated. */
    logMaxMb: z.number().int().min(1).max(1024).default(20),
    /** Rotated log files kept per log. */
    logKeepFiles: z.number().int().min(0).max(100).default(5),
    /** Printer preview files (simulated slips) older than this many days go in the nightly trim. */
    previewKeepDays: z.number().int().min(1).max(3650).default(14),
  })
  .strict();

export type OpsConfig = z.output<typeof opsConfigSchema>;
