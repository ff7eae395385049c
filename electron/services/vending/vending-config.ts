/**
 * The vending cabinet's part of the kiosk config: where the VMC is, which
 * item sits in which slot, and how often to poll. Stock counts are not here:
 * they live in SQLite (seeded from `capacity` at first start) because the
 * cabinet changes them, not the config file.
 */
import { z } from 'zod';

/** Gift categories the Mind Pharmacy content prescribes. */
export const GIFT_CATEGORIES = ['tea', 'sweets', 'stationery', 'comfort'] as const;
export const giftCategorySchema = z.enum(GIFT_CATEGORIES);
export type GiftCategory = z.infer<typeof giftCategorySchema>;

const itemName = z.object({ ko: z.string().min(1).max(60), en: z.string().min(1).max(60) }).strict();

export const slotConfigSchema = z
  .object({
    slot: z.number().int().min(1).max(255),
    category: giftCategorySchema,
    item: itemName,
    /** How many items the spiral holds when full; the first count at first start. */
    capacity: z.number().int().min(0).max(100),
  })
  .strict();
export type SlotConfig = z.infer<typeof slotConfigSchema>;

const slot = (n: number, category: GiftCategory, ko: string, en: string, capacity = 8): SlotConfig => ({ slot: n, category, item: { ko, en }, capacity });

export const DEFAULT_SLOTS: SlotConfig[] = [
  slot(1, 'tea', '캐모마일 티백', 'Chamomile tea bag'),
  slot(2, 'tea', '보리차 티백', 'Barley tea bag'),
  slot(3, 'tea', '유자차 스틱', 'Citron tea stick'),
  slot(4, 'sweets', '밀크 캔디', 'Milk candy'),
  slot(5, 'sweets', '초콜릿', 'Chocolate'),
  slot(6, 'stationery', '손글씨 엽서', 'Handwriting postcard'),
  slot(7, 'stationery', '작은 수첩', 'Small notebook'),
  slot(8, 'comfort', '핫팩', 'Hand warmer'),
  slot(9, 'comfort', '향기 카드', 'Scent card'),
  slot(10, 'comfort', '스트레스 볼', 'Stress ball'),
];

export const vendingConfigSchema = z
  .object({
    /** `sim` (built-in simulator) or `serial:/dev/ttyUSB1?baud=9600` (9600, 19200, 38400, 115200). */
    uri: z.string().min(1).default('sim'),
    /** Slot → category and item. Slots not listed are never vended. */
    slots: z
      .array(slotConfigSchema)
      .max(255)
      .default(DEFAULT_SLOTS)
      .refine((s) => new Set(s.map((x) => x.slot)).size === s.length, 'each slot number at most once'),
    /** STATUS poll while idle. */
    pollMs: z.number().int().min(500).max(60_000).default(3000),
    /** RESULT poll during a vend; the spec allows 200 to 500 ms. */
    resultPollMs: z.number().int().min(200).max(500).default(250),
    /** The built-in simulator (`uri: "sim"`). */
    sim: z
      .object({
        /** How long a simulated vend runs. */
        vendMs: z.number().int().min(0).max(7500).default(1500),
      })
      .strict()
      .prefault({}),
  })
  .strict();
export type VendingConfig = z.infer<typeof vendingConfigSchema>;
