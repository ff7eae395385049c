/** The printer's part of the kiosk config. The printing service owns and extends it. */
import { z } from 'zod';

/** How a job is encoded: all image, all printer text, or printer text with a native QR and a little image. */
export const printModeSchema = z.enum(['raster', 'text', 'hybrid']);
export type PrintMode = z.infer<typeof printModeSchema>;
/** The configured mode: a concrete one, or `auto` (chosen from the link and the printer's fonts). */
export const printModeSettingSchema = z.enum(['auto', 'raster', 'text', 'hybrid']);
export type PrintModeSetting = z.infer<typeof printModeSettingSchema>;
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
    /**
     * `raster` prints Korean on any ESC/POS printer but is large (≈50 KB a slip); `text` and
     * `hybrid` need a Korean (CP949) font ROM and fit a slow serial line (≈2 KB). `auto` picks
     * raster on TCP, USB and the simulator, hybrid on serial lines up to 38400 baud, and raster
     * whatever the line when the printer has no Korean font (`koreanFont: false`).
     */
    mode: printModeSettingSchema.default('auto'),
    /** Dots per line: 576 for 80 mm paper, 384 for 58 mm (203 dpi). */
    width: printWidthSchema.default(576),
    cut: cutModeSchema.default('partial'),
    /** How often the printer's real-time status is polled while idle. */
    statusPollMs: z.number().int().min(200).max(60_000).default(3000),
    /** A `DLE EOT` unanswered after this long means "not responding". */
    statusTimeoutMs: z.number().int().min(50).max(10_000).default(1500),
    /**
     * No longer used: a job is confirmed by the printer's in-sequence acknowledgement, not by
     * a status check after a pause. Accepted so existing config files still load.
     */
    afterPrintCheckMs: z.number().int().min(0).max(10_000).optional(),
    /** `transmit-status` (`GS r 1`, any ESC/POS printer) or `process-id` (`GS ( H`); unset: the printer profile's. */
    ack: z.enum(['transmit-status', 'process-id']).optional(),
    /** Whether the printer has a Korean font ROM; unset: the printer profile's (true). */
    koreanFont: z.boolean().optional(),
    /** The printer's own time to print and cut a slip after its last byte; the wait adds the line's wire time. Unset: the profile's. */
    printerTimeMs: z.number().int().min(200).max(120_000).optional(),
    /** A job still unprinted (printer fault, unreachable) this long after it was queued is marked failed. */
    jobFailAfterSeconds: z.number().int().min(5).max(86_400).default(300),
    /** Printed jobs older than this are dropped from the queue table (events stay). */
    keepJobsDays: z.number().int().min(1).max(365).default(30),
  })
  .strict();
export type PrinterConfig = z.infer<typeof printerConfigSchema>;
