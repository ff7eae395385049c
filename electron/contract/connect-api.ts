/**
 * Contract of 서울연결처방 (Seoul Connection Prescription) programs: the
 * next step a Mind Pharmacy visit hands a visitor (a programme to join, the
 * 외로움챗봇 link), and the admin's catalog of programmes with its CSV and
 * the symptom → category map. Visitor methods carry the visit's request id
 * only; nothing here names a visitor.
 */
import { z } from 'zod';
import { AGE_BANDS, PROGRAM_CATEGORIES, PROGRAM_PLACES } from './connect-lists';

const token = z.string().min(16).max(64);
const auth = z.object({ token }).strict();
const requestId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'a session request id');
const localized = z.object({ ko: z.string(), en: z.string() });
const words = (max: number) =>
  z
    .object({
      ko: z.string().trim().min(1, 'empty').max(max, `at most ${max} characters`),
      en: z.string().trim().min(1, 'empty').max(max, `at most ${max} characters`),
    })
    .strict();

export const PROGRAM_ID = /^[a-z0-9][a-z0-9-]{1,39}$/;
export const SEOUL_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** As dialled: digits and dashes (`02-120`, `1577-0199`). */
export const PHONE = /^[0-9][0-9-]{2,18}[0-9]$/;

const seoulDate = z
  .string()
  .regex(SEOUL_DATE, { error: 'a date like 2026-12-31', abort: true })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00+09:00`)) && new Date(`${s}T12:00:00+09:00`).toISOString().startsWith(s), 'not a real date');

/** One programme as staff edit it (the form, the CSV row). */
export const programSchema = z
  .object({
    id: z.string().regex(PROGRAM_ID, 'lowercase letters, digits and dashes, 2 to 40'),
    name: words(60),
    institution: words(60),
    category: z.enum(PROGRAM_CATEGORIES),
    /** One of the 25 자치구, or `seoul` for a programme open to the whole city. */
    district: z.enum(PROGRAM_PLACES),
    /** When it meets, as people say it ("매주 화요일 오후 2시"). */
    schedule: words(80),
    /** Age bands it suits; empty: everyone. */
    ages: z.array(z.enum(AGE_BANDS)).max(AGE_BANDS.length),
    firstTimersWelcome: z.boolean(),
    joinPhone: z.string().regex(PHONE, 'digits and dashes, like 02-120').nullable(),
    /** Its page: printed as a QR code on the slip. */
    joinUrl: z.url({ protocol: /^https?$/, error: 'an http:// or https:// address' }).max(300).nullable(),
    /** "Ask staff here": the venue's staff sign the visitor up. */
    joinAtDesk: z.boolean(),
    /** Places per session; null: open, no limit. */
    capacity: z.number().int().min(1).max(100_000).nullable(),
    /** First and last day it runs (Seoul dates, inclusive); no last day: until retired. */
    activeFrom: seoulDate,
    activeUntil: seoulDate.nullable(),
  })
  .strict()
  .refine((p) => p.joinPhone !== null || p.joinUrl !== null || p.joinAtDesk, { message: 'needs a way to join: phone, address or ask staff', path: ['joinPhone'] })
  .refine((p) => p.activeUntil === null || p.activeUntil >= p.activeFrom, { message: 'ends before it starts', path: ['activeUntil'] });
export type Program = z.infer<typeof programSchema>;

export const programStateSchema = z.enum(['active', 'upcoming', 'ended', 'retired']);
export const storedProgramSchema = z.object({
  program: z.custom<Program>(),
  retiredAt: z.string().nullable(),
  state: programStateSchema,
  updatedAt: z.string(),
});

/** A programme as the visitor's screen shows it: both languages, the QR of its page when it has one. */
export const programCardSchema = z.object({
  id: z.string(),
  category: z.enum(PROGRAM_CATEGORIES),
  categoryName: localized,
  name: localized,
  institution: localized,
  place: localized,
  schedule: localized,
  joinPhone: z.string().nullable(),
  joinUrl: z.string().nullable(),
  joinAtDesk: z.boolean(),
  firstTimersWelcome: z.boolean(),
  capacity: z.number().int().nullable(),
  qrSvg: z.string().nullable(),
});
export type ProgramCard = z.infer<typeof programCardSchema>;

const csvError = z.object({
  /** 1-based line of the file (the header is line 1); 0: the file as a whole. */
  line: z.number().int(),
  column: z.string().nullable(),
  message: localized,
});
export type CsvRowError = z.infer<typeof csvError>;

const range = z.enum(['today', 'week', 'month']);

export const connectApi = {
  /** The 외로움챗봇 link (QR when a channel address is configured) and 외로움안녕120, for the crisis panels. */
  'connect.chatbot': {
    input: z.object({}).strict(),
    output: z.object({ name: localized, url: z.string().nullable(), qrSvg: z.string().nullable(), line120: z.object({ phone: z.string(), press: z.string() }) }),
  },
  /** "다른 프로그램 보기": one more programme for this visit, after the one on screen (a resend gets the same answer). */
  'connect.nextProgram': {
    input: z.object({ requestId, after: z.string().max(40) }).strict(),
    output: z.object({ program: programCardSchema.nullable(), more: z.boolean() }),
  },
  /** "직원에게 신청 도와달라고 하기": a gentle notice to staff naming the programme. Once per visit and programme. */
  'connect.requestHelp': {
    input: z.object({ requestId, programId: z.string().max(40) }).strict(),
    output: z.object({ alertId: z.string() }),
  },
  'connect.staffPrograms': {
    input: auth,
    output: z.object({ programs: z.array(storedProgramSchema), venueDistrict: z.string().nullable(), today: z.string() }),
  },
  /** Adds or replaces one programme (by id). */
  'connect.staffSaveProgram': {
    input: z.object({ token, program: programSchema }).strict(),
    output: storedProgramSchema,
  },
  /** Retires a programme (never suggested again, kept for the record), or brings it back. */
  'connect.staffRetireProgram': {
    input: z.object({ token, id: z.string().max(40), retired: z.boolean() }).strict(),
    output: storedProgramSchema,
  },
  /**
   * A CSV catalog: every row checked first; any bad row and nothing changes
   * (the answer lists each row's problem). `replace` retires programmes the
   * file does not list (the sample catalog, say); `merge` only adds and updates.
   */
  'connect.staffImportCsv': {
    input: z.object({ token, csv: z.string().max(2_000_000), mode: z.enum(['replace', 'merge']) }).strict(),
    output: z.object({ imported: z.number().int(), retired: z.number().int(), errors: z.array(csvError) }),
  },
  'connect.staffExportCsv': {
    input: auth,
    output: z.object({ filename: z.string(), csv: z.string() }),
  },
  'connect.staffSymptomMap': {
    input: auth,
    output: z.object({
      symptoms: z.array(z.object({ id: z.string(), name: localized, categories: z.array(z.enum(PROGRAM_CATEGORIES)), edited: z.boolean() })),
    }),
  },
  'connect.staffSetSymptomCategories': {
    input: z.object({ token, symptomId: z.string().max(64), categories: z.array(z.enum(PROGRAM_CATEGORIES)).min(1).max(PROGRAM_CATEGORIES.length) }).strict(),
    output: z.object({ symptomId: z.string(), categories: z.array(z.enum(PROGRAM_CATEGORIES)) }),
  },
  /** Programmes suggested and help asked for, over a range: counts only. */
  'connect.staffCounts': {
    input: z.object({ token, range: range.default('week') }).strict(),
    output: z.object({
      suggested: z.number().int(),
      helpRequested: z.number().int(),
      byCategory: z.array(z.object({ category: z.enum(PROGRAM_CATEGORIES), suggested: z.number().int(), helpRequested: z.number().int() })),
      byProgram: z.array(z.object({ programId: z.string(), name: localized.nullable(), suggested: z.number().int(), helpRequested: z.number().int() })),
    }),
  },
} as const;
