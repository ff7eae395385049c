/**
 * The Seoul Mind Convenience Store's part of the kiosk config: its snacks,
 * hours, how long personal data is kept, and the counselors' default weekly
 * schedule (the staff console may override the schedule; see `bookings.ts`).
 * Every field is defaulted so `{}` is a valid config.
 */
import { z } from 'zod';

const localized = z.object({ ko: z.string().min(1).max(80), en: z.string().min(1).max(80) }).strict();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour');

export const snackItemSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,30}$/),
    name: localized,
    /** Stock given to a new database; afterwards stock lives in the database and staff restock it. */
    initialStock: z.number().int().min(0).max(10_000).default(20),
  })
  .strict();

/** `[["10:00", "18:00"]]`: open spans of one weekday in Seoul time. */
const weekday = z.array(z.tuple([hhmm, hhmm])).max(6);

export const weeklyAvailabilitySchema = z
  .object({
    slotMinutes: z.number().int().min(10).max(240).default(50),
    mon: weekday.default([['10:00', '18:00']]),
    tue: weekday.default([['10:00', '18:00']]),
    wed: weekday.default([['10:00', '18:00']]),
    thu: weekday.default([['10:00', '18:00']]),
    fri: weekday.default([['10:00', '18:00']]),
    sat: weekday.default([]),
    sun: weekday.default([]),
  })
  .strict();
export type WeeklyAvailability = z.output<typeof weeklyAvailabilitySchema>;

const defaultSnacks = [
  { id: 'cup-ramen', name: { ko: '컵라면', en: 'Cup ramen' }, initialStock: 30 },
  { id: 'banana-milk', name: { ko: '바나나우유', en: 'Banana milk' }, initialStock: 24 },
  { id: 'soy-milk', name: { ko: '두유', en: 'Soy milk' }, initialStock: 24 },
  { id: 'choco-pie', name: { ko: '초코파이', en: 'Choco Pie' }, initialStock: 30 },
  { id: 'canned-coffee', name: { ko: '캔커피', en: 'Canned coffee' }, initialStock: 24 },
  { id: 'barley-tea', name: { ko: '보리차', en: 'Barley tea' }, initialStock: 24 },
];

export const storeConfigSchema = z
  .object({
    snacks: z.array(snackItemSchema).min(1).max(24).default(defaultSnacks),
    /** How many snacks a visitor takes per visit. */
    snacksPerVisit: z.number().int().min(0).max(3).default(1),
    /** Stock at or below this raises a `low_stock` staff alert (staff may set it per item later). */
    lowStockThreshold: z.number().int().min(0).max(1000).default(3),
    /** The store's opening hours, printed on the ticket. */
    hours: localized.default({ ko: '평일 10:00–18:00 (주말·공휴일 휴무)', en: 'Weekdays 10:00–18:00 (closed weekends and holidays)' }),
    /** Days after a visitor's last visit when their nickname and phone are erased (PIPA: no longer than needed). */
    retentionDays: z.number().int().min(1).max(3650).default(90),
    /** A returning visitor answers the self-check again when the last one is older than this. */
    selfCheckEveryDays: z.number().int().min(1).max(365).default(30),
    /** Minutes a talk with a counselor takes on average, for the estimated wait. */
    talkMinutes: z.number().int().min(5).max(120).default(20),
    /** Counselors taking walk-in talks at once, for the estimated wait. */
    counselorsOnDuty: z.number().int().min(1).max(20).default(1),
    /** How far ahead a visitor may book. */
    bookingDays: z.number().int().min(1).max(60).default(14),
    availability: weeklyAvailabilitySchema.prefault({}),
  })
  .strict();

export type StoreConfig = z.output<typeof storeConfigSchema>;
