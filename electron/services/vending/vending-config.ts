/** The vending cabinet's part of the kiosk config. The vending service owns and extends it. */
import { z } from 'zod';

export const vendingConfigSchema = z
  .object({
    /** `sim` (built-in simulator) or `serial:/dev/ttyUSB1?baud=9600`. */
    uri: z.string().min(1).default('sim'),
  })
  .strict();
export type VendingConfig = z.infer<typeof vendingConfigSchema>;
