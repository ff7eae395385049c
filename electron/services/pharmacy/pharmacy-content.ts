/**
 * Mind Pharmacy content (symptoms, prescriptions, the crisis card, the slip
 * footer) is data in `resources/pharmacy/content.json`, checked when the
 * kiosk starts: a venue must never find out mid-visit that a slip has no
 * English, a symptom has run out of prescriptions, or a word runs off the
 * edge of 58 mm paper.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { KioskError } from '../../contract/errors';
import { projectRoot } from '../app/project-paths';

export const GIFT_CATEGORIES = ['tea', 'sweets', 'stationery', 'comfort'] as const;
export type GiftCategory = (typeof GIFT_CATEGORIES)[number];

export const MIN_SYMPTOMS = 16;
export const MIN_PRESCRIPTIONS_PER_SYMPTOM = 6;

/**
 * 58 mm paper prints 384 dots. With the slip's body font a Hangul syllable is
 * about 24 dots wide and a Latin letter about half that, so a line holds 32
 * "cells" (Hangul = 2, Latin = 1). The slip wraps at spaces only; a run with
 * no space wider than a line would be cut mid-word, so the limits keep two
 * cells of margin. A dosage is meant to fit on two lines, a symptom name on one.
 */
export const SLIP_LIMITS = { lineCells: 32, wordCells: 30, dosageCells: 64, symptomNameCells: 30 } as const;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Zod's own messages say "expected string, received undefined"; staff editing content need "missing". */
const missingOr = (otherwise: string) => (iss: { input?: unknown }) => (iss.input === undefined ? 'missing' : otherwise);
const text = z
  .string({ error: missingOr('must be text') })
  .refine((s) => s.trim().length > 0, 'empty');
const localized = z.object({ ko: text, en: text }, { error: missingOr('must be { ko, en }') }).strict();
const id = z.string({ error: 'missing' }).regex(ID, 'must be kebab-case (a-z, 0-9, dashes)');

const prescriptionSchema = z
  .object({
    id,
    quote: localized,
    /** null: written for this kiosk; else the public-domain author and work, in both languages. */
    source: localized.nullable(),
    dosage: localized,
  })
  .strict();

const symptomSchema = z
  .object({
    id,
    name: localized,
    description: localized,
    /** File name of an SVG in `icons/` beside content.json (viewBox 0 0 96 96, currentColor). */
    icon: z.string({ error: 'missing' }).regex(/^[a-z0-9-]+\.svg$/, 'must be a file name like lonely.svg'),
    giftCategory: z.enum(GIFT_CATEGORIES, { error: `must be one of ${GIFT_CATEGORIES.join(', ')}` }),
    prescriptions: z
      .array(prescriptionSchema, { error: 'missing' })
      .min(MIN_PRESCRIPTIONS_PER_SYMPTOM, `needs at least ${MIN_PRESCRIPTIONS_PER_SYMPTOM} prescriptions`),
  })
  .strict();

const crisisLineSchema = z
  .object({
    name: localized,
    /** As dialled, digits and dashes: `109`, `02-120`. */
    phone: z.string({ error: 'missing' }).regex(/^[0-9][0-9-]*[0-9]$/, 'digits and dashes only'),
    /** A menu key to press once connected (외로움안녕120: 5). */
    press: z.string().regex(/^[0-9#*]$/, 'one key').optional(),
    note: localized,
  })
  .strict();

export const pharmacyContentSchema = z
  .object({
    symptoms: z.array(symptomSchema, { error: 'missing' }).min(MIN_SYMPTOMS, `needs at least ${MIN_SYMPTOMS} symptoms`),
    /** The "really struggling" path: no joke, no gift, the numbers to call. */
    crisis: z
      .object({ title: localized, body: localized, lines: z.array(crisisLineSchema, { error: 'missing' }).min(1, 'needs at least one line') }, { error: missingOr('must be an object') })
      .strict(),
    /** Printed on every slip, prescription or crisis. */
    footer: localized,
  })
  .strict();

export type Localized = z.infer<typeof localized>;
export type Prescription = z.infer<typeof prescriptionSchema>;
export type Symptom = z.infer<typeof symptomSchema>;
export type CrisisLine = z.infer<typeof crisisLineSchema>;
export type PharmacyContent = z.infer<typeof pharmacyContentSchema>;

export class PharmacyContentError extends KioskError {
  constructor(message: string, problems: string[], cause?: unknown) {
    super('pharmacy.content_invalid', message, { details: problems, cause });
    this.name = 'PharmacyContentError';
  }
}

/** Display width in slip cells: Hangul, CJK and full-width forms are 2, combining marks 0, everything else 1. */
export function displayCells(s: string): number {
  let cells = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) || c === 0xfe0f) continue;
    cells += isWide(c) ? 2 : 1;
  }
  return cells;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) || // Hangul Jamo (initial consonants)
    (c >= 0x2e80 && c <= 0x303e) || // CJK radicals, symbols and punctuation
    (c >= 0x3041 && c <= 0x33ff) || // kana, Hangul compatibility jamo, CJK compatibility
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa960 && c <= 0xa97f) ||
    (c >= 0xac00 && c <= 0xd7a3) || // Hangul syllables
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) || // full-width forms
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1faff) || // emoji
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

/**
 * Characters the slip cannot print well: control characters (the layout
 * wraps by itself; a poem uses " / "), Hanja and pictographs (emoji, ☎),
 * which the Korean body font (Pretendard) does not carry.
 */
const UNPRINTABLE = /[\p{Cc}\p{Script=Han}\p{Extended_Pictographic}]/u;

export interface ValidateOptions {
  /** Folder holding the icons; null skips the file check (content without its folder, e.g. sent over the wire). */
  iconDir: string | null;
}

export type ValidationResult = { ok: true; content: PharmacyContent } | { ok: false; problems: string[] };

/** Checks raw content against every rule; each problem names the symptom, the field and the language. */
export function validatePharmacyContent(raw: unknown, opts: ValidateOptions): ValidationResult {
  const parsed = pharmacyContentSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${describePath(raw, i.path)}: ${i.message}`) };
  }
  const content = parsed.data;
  const problems: string[] = [];
  const symptomIds = new Set<string>();
  const rxIds = new Map<string, string>();
  for (const s of content.symptoms) {
    const where = `symptom ${s.id}`;
    if (symptomIds.has(s.id)) problems.push(`${where}: id is used by another symptom`);
    symptomIds.add(s.id);
    if (opts.iconDir !== null && !existsSync(join(opts.iconDir, s.icon))) problems.push(`${where}: icon ${s.icon} is not in ${opts.iconDir}`);
    checkText(problems, `${where}: name`, s.name, SLIP_LIMITS.symptomNameCells);
    checkText(problems, `${where}: description`, s.description);
    s.prescriptions.forEach((p, j) => {
      const at = `${where}: prescriptions[${j}] (${p.id})`;
      const other = rxIds.get(p.id);
      if (other !== undefined) problems.push(`${at}: id is also used in symptom ${other}`);
      rxIds.set(p.id, s.id);
      checkText(problems, `${at}.quote`, p.quote);
      if (p.source) checkText(problems, `${at}.source`, p.source);
      checkText(problems, `${at}.dosage`, p.dosage, SLIP_LIMITS.dosageCells);
    });
  }
  checkText(problems, 'crisis: title', content.crisis.title);
  checkText(problems, 'crisis: body', content.crisis.body);
  content.crisis.lines.forEach((l, i) => {
    checkText(problems, `crisis: lines[${i}].name`, l.name);
    checkText(problems, `crisis: lines[${i}].note`, l.note);
  });
  checkText(problems, 'footer', content.footer);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, content };
}

function checkText(problems: string[], where: string, value: Localized, maxCells?: number): void {
  for (const lang of ['ko', 'en'] as const) {
    const s = value[lang];
    const bad = UNPRINTABLE.exec(s);
    if (bad) problems.push(`${where}.${lang}: cannot print ${JSON.stringify(bad[0])} (U+${bad[0].codePointAt(0)!.toString(16).toUpperCase()})`);
    for (const word of s.split(/\s+/)) {
      const w = displayCells(word);
      if (w > SLIP_LIMITS.wordCells) problems.push(`${where}.${lang}: "${word}" is ${w} cells with no space, over ${SLIP_LIMITS.wordCells} for 58 mm paper`);
    }
    if (maxCells !== undefined) {
      const w = displayCells(s);
      if (w > maxCells) problems.push(`${where}.${lang}: ${w} cells, over ${maxCells} for 58 mm paper`);
    }
  }
}

/** `symptoms[3].prescriptions[1].dosage.en` → `symptom burnout: prescriptions[1] (burnout-2).dosage.en`. */
function describePath(raw: unknown, path: PropertyKey[]): string {
  const root = raw as { symptoms?: { id?: unknown; prescriptions?: { id?: unknown }[] }[] } | null;
  if (path[0] !== 'symptoms' || typeof path[1] !== 'number') return path.length ? dotted(path) : '(content)';
  const s = Array.isArray(root?.symptoms) ? root.symptoms[path[1]] : undefined;
  const sid = typeof s?.id === 'string' ? s.id : `#${path[1]}`;
  const rest = path.slice(2);
  if (rest.length === 0) return `symptom ${sid}`;
  if (rest[0] === 'prescriptions' && typeof rest[1] === 'number') {
    const p = Array.isArray(s?.prescriptions) ? s.prescriptions[rest[1]] : undefined;
    const pid = typeof p?.id === 'string' ? ` (${p.id})` : '';
    const tail = rest.slice(2);
    return `symptom ${sid}: prescriptions[${rest[1]}]${pid}${tail.length ? `.${dotted(tail)}` : ''}`;
  }
  return `symptom ${sid}: ${dotted(rest)}`;
}

function dotted(path: PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

/** Where the shipped content lives: `<projectRoot>/resources/pharmacy/content.json`. */
export function defaultPharmacyContentPath(): string {
  return join(projectRoot(), 'resources', 'pharmacy', 'content.json');
}

/** The icons folder for a content file: `icons/` beside it. */
export function pharmacyIconDir(contentPath: string = defaultPharmacyContentPath()): string {
  return join(dirname(resolve(contentPath)), 'icons');
}

/**
 * Reads and checks the content file. Throws `PharmacyContentError`
 * (`pharmacy.content_invalid`, every problem in `details`) so the kiosk can
 * show the pharmacy as unavailable instead of failing mid-visit.
 */
export function loadPharmacyContent(path: string = defaultPharmacyContentPath()): PharmacyContent {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new PharmacyContentError(`cannot read pharmacy content ${path}: ${why}`, [why], err);
  }
  const result = validatePharmacyContent(raw, { iconDir: pharmacyIconDir(path) });
  if (!result.ok) {
    const shown = result.problems.slice(0, 10).join('\n  ');
    const more = result.problems.length > 10 ? `\n  …and ${result.problems.length - 10} more` : '';
    throw new PharmacyContentError(`pharmacy content ${path} is invalid:\n  ${shown}${more}`, result.problems);
  }
  return result.content;
}

/** The SVG text of a symptom's icon (or `crisis.svg`), for screens that inline it. */
export function readPharmacyIcon(icon: string, contentPath?: string): string {
  if (!/^[a-z0-9-]+\.svg$/.test(icon)) throw new PharmacyContentError(`not an icon name: ${icon}`, [`icon ${icon}`]);
  return readFileSync(join(pharmacyIconDir(contentPath), icon), 'utf8');
}

export function findSymptom(content: PharmacyContent, symptomId: string): Symptom | undefined {
  return content.symptoms.find((s) => s.id === symptomId);
}

export function findPrescription(content: PharmacyContent, prescriptionId: string): { symptom: Symptom; prescription: Prescription } | undefined {
  for (const symptom of content.symptoms) {
    const prescription = symptom.prescriptions.find((p) => p.id === prescriptionId);
    if (prescription) return { symptom, prescription };
  }
  return undefined;
}
