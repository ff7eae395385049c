/** The printer's part of the kiosk config. The printing service owns and extends it. */
import { z } from 'zod';

export const printModeSchema = z.enum(['raster', 'text']);
export type PrintMode = z.infer<typeof printModeSchema>;
export const printWidthSchema = z.union([z.literal(576), z.literal(384)]);
export type PrintWidthDots = z.infer<typeof printWidthSchema>;
export const cutModeSchema = z.enum(['full', 'partial']);
export type CutMode = z.infer<typeof cutModeSchema>;

export const printerConfigSchema = z
  .object({
    /**
     * `sim` (built-in simulator), `tcp://HOST:PORT`, `serial:/dev/ttyUSB0?baud=19200`, `file:/dev/usb/lp0`.
     * Query options on the URI (`?mode=text&width=384&cut=partial`) win over the fields below.
     */
    uri: z.string().min(1).default('sim'),
    /** `raster` prints Korean on any ESC/POS printer; `text` needs a Korean (CP949) font ROM. */
    mode: printModeSchema.default('raster'),
    /** Dots per line: 576 for 80 mm paper, 384 for 58 mm (203 dpi). */
    width: printWidthSchema.default(576),
    cut: cutModeSchema.default('partial'),
    /** How often the printer's real-time status is polled while idle. */
    statusPollMs: z.number().int().min(200).max(60_000).default(3000),
    /** A `DLE EOT` unanswered after this long means "not responding". */
    statusTimeoutMs: z.number().int().min(50).max(10_000).default(1500),
    /** After writing a job, wait this long before the confirming status check (the head has started). */
    afterPrintCheckMs: z.number().int().min(0).max(10_000).default(400),
    /** A job still unprinted (printer fault, unreachable) this long after it was queued is marked failed. */
    jobFailAfterSeconds: z.number().int().min(5).max(86_400).default(300),
    /** Printed jobs older than this are dropped from the queue table (events stay). */
    keepJobsDays: z.number().int().min(1).max(365).default(30),
  })
  .strict();
export type PrinterConfig = z.infer<typeof printerConfigSchema>;
