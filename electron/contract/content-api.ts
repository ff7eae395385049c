/**
 * Contract of the console's Mind Pharmacy content editor (admins only, see
 * `access.ts`): the saved versions, a draft's checks and slip preview, save
 * and restore. A saved version reaches the next visitor, never one mid-visit
 * (a visit reads the version it was pinned to at its first look).
 */
import { z } from 'zod';

const token = z.string().min(16).max(64);
/** Long enough for any slip field; the checks hold each field to what paper and readers take. */
const text = z.string().max(600);
const localized = z.object({ ko: text, en: text }).strict();
const id = z.string().max(64);

/** Content as it crosses the wire; the service checks it fully (`content-checks.ts`). */
export const contentWireSchema = z
  .object({
    symptoms: z
      .array(
        z
          .object({
            id,
            name: localized,
            description: localized,
            icon: z.string().max(64),
            giftCategory: z.string().max(32),
            prescriptions: z.array(z.object({ id, quote: localized, source: localized.nullable(), dosage: localized }).strict()).max(40),
          })
          .strict(),
      )
      .max(60),
    crisis: z
      .object({
        title: localized,
        body: localized,
        lines: z.array(z.object({ name: localized, phone: z.string().max(20), press: z.string().max(1).optional(), note: localized }).strict()).max(10),
      })
      .strict(),
    footer: localized,
  })
  .strict();
export type ContentWire = z.infer<typeof contentWireSchema>;

export const contentProblemSchema = z.object({
  symptomId: z.string().nullable(),
  prescriptionId: z.string().nullable(),
  field: z.enum(['name', 'description', 'quote', 'source', 'dosage', 'prescriptions', 'content']),
  lang: z.enum(['ko', 'en']).nullable(),
  rule: z.enum(['empty', 'too_wide', 'word_too_wide', 'unprintable', 'maps', 'reading_total', 'reading_sentence', 'too_few', 'structure']),
  /** False for a note (a character the printer maps) and for a problem the active version already had. */
  blocking: z.boolean(),
  value: z.number().optional(),
  limit: z.number().optional(),
  char: z.string().optional(),
  becomes: z.string().optional(),
});
export type ContentProblemWire = z.infer<typeof contentProblemSchema>;

export const contentVersionSchema = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  /** `shipped`, or role and PIN id; the PIN's label beside it when it still exists. */
  createdBy: z.string(),
  createdByLabel: z.string().nullable(),
  note: z.string(),
  restoredFrom: z.number().int().nullable(),
  active: z.boolean(),
});
export type ContentVersionWire = z.infer<typeof contentVersionSchema>;

export const contentApi = {
  /** A version's content (the active one by default) and the list of versions, newest first. */
  'console.content': {
    input: z.object({ token, version: z.number().int().min(1).optional() }).strict(),
    output: z.object({ version: z.number().int(), activeVersion: z.number().int(), content: contentWireSchema, versions: z.array(contentVersionSchema) }),
  },
  /** A draft's problems, and one prescription's slip drawn by the printer's own renderer (PNG, base64). */
  'console.contentPreview': {
    input: z.object({ token, content: contentWireSchema, symptomId: id, prescriptionId: id, language: z.enum(['ko', 'en']) }).strict(),
    output: z.object({ png: z.string().nullable(), problems: z.array(contentProblemSchema) }),
  },
  /** Saves a checked draft as a new version, active for the next visitor; refused (`console.content_invalid`) while a blocking problem remains. */
  'console.saveContent': {
    /** `baseVersion`: the active version the draft started from; another admin's save since then is refused once (`console.content_outdated`). */
    input: z.object({ token, content: contentWireSchema, note: z.string().max(200).default(''), baseVersion: z.number().int().min(1).optional() }).strict(),
    output: z.object({ version: z.number().int(), problems: z.array(contentProblemSchema) }),
  },
  /** Makes a copy of an old version the active one (a new version: nothing is overwritten). */
  'console.restoreContent': {
    input: z.object({ token, version: z.number().int().min(1) }).strict(),
    output: z.object({ version: z.number().int() }),
  },
} as const;
