/** The printer's part of the kiosk config. The printing service owns and extends it. */
import { z } from 'zod';

export const printerConfigSchema = z
  .object({
    /** `sim` (built-in simulator), `tcp://HOST:PORT`, `serial:/dev/ttyUSB0?baud=19200`, `file:/dev/usb/lp0`. */
    uri: z.string().min(1).default('sim'),
  })
  .strict();
export type PrinterConfig = z.infer<typeof printerConfigSchema>;
