import { describe, expect, it } from 'vitest';
import { GIFT_CATEGORIES, vendingConfigSchema } from './vending-config';

describe('vending config', () => {
  it('defaults every field: the simulator and 10 slots covering the four gift categories', () => {
    const c = vendingConfigSchema.parse({});
    expect(c.uri).toBe('sim');
    expect(c.slots).toHaveLength(10);
    expect(new Set(c.slots.map((s) => s.category))).toEqual(new Set(GIFT_CATEGORIES));
    expect(c.slots.every((s) => s.item.ko && s.item.en && s.capacity > 0)).toBe(true);
  });
  it('refuses unknown fields, unknown categories and duplicate slots', () => {
    expect(vendingConfigSchema.safeParse({ port: 'x' }).success).toBe(false);
    const bad = { slot: 1, category: 'wine', item: { ko: '와인', en: 'Wine' }, capacity: 1 };
    expect(vendingConfigSchema.safeParse({ slots: [bad] }).success).toBe(false);
    const ok = { slot: 1, category: 'tea', item: { ko: '차', en: 'Tea' }, capacity: 1 };
    expect(vendingConfigSchema.safeParse({ slots: [ok, ok] }).success).toBe(false);
    expect(vendingConfigSchema.safeParse({ resultPollMs: 100 }).success).toBe(false);
  });
});
