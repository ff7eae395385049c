/**
 * The content editor's checks, one problem per field and language, as data
 * the console puts into words (Korean or English; never a raw message):
 *
 * - both languages present (no empty text);
 * - fits 58 mm paper: a symptom name on one line, a dosage on two, no word
 *   wider than a line (`SLIP_LIMITS`);
 * - prints: characters the slip font or the printer's CP949 font lacks are
 *   refused; characters the printer maps (— → -, … → ...) are noted, so the
 *   admin sees what paper will say;
 * - reads: a prescription screen and a symptom's detail screen stay within
 *   the visitor reading limits (`renderer/src/i18n/reading-limits.ts`),
 *   counted as the wording check counts (`reading-measure.ts`).
 *
 * An edit must not make the content worse: a problem the active version
 * already had (the shipped prescriptions that run long) is shown but does
 * not block the save; a new one does.
 */
import { cp949Safe, inCp949 } from '../printing/cp949-safe';
// Pure modules shared with the renderer: the limits live in one place, beside the wording check.
import { limitFor, RESULT_PROGRAM_CARD_SYLLABLES } from '../../../renderer/src/i18n/reading-limits';
import { readingLoad } from '../../../renderer/src/i18n/reading-measure';
import { displayCells, MIN_PRESCRIPTIONS_PER_SYMPTOM, pharmacyContentSchema, SLIP_LIMITS, type Localized, type PharmacyContent } from './pharmacy-content';

export type ContentField = 'name' | 'description' | 'quote' | 'source' | 'dosage' | 'prescriptions' | 'content';
export type ContentRule = 'empty' | 'too_wide' | 'word_too_wide' | 'unprintable' | 'maps' | 'reading_total' | 'reading_sentence' | 'too_few' | 'structure';

export interface ContentProblem {
  symptomId: string | null;
  /** null for the symptom's own fields. */
  prescriptionId: string | null;
  field: ContentField;
  lang: 'ko' | 'en' | null;
  rule: ContentRule;
  /** False for a note (a mapped character) and for a problem the active version already had. */
  blocking: boolean;
  /** The measured number (cells, syllables) and its limit, or the character and what it prints as. */
  value?: number;
  limit?: number;
  char?: string;
  becomes?: string;
}

/**
 * Syllables the result and detail screens spend on their own words (title,
 * labels, the slip and gift sentences): measured on the Korean screens, the
 * longer language. What is left of each screen's limit is the content's.
 */
const RESULT_CHROME_SYLLABLES = 55;
const DETAIL_CHROME_SYLLABLES = 25;

export const READING_BUDGET = {
  /** Symptom name, quote, source and dosage of one prescription. */
  prescription: { syllables: limitFor('pharmacy-result').syllables - RESULT_CHROME_SYLLABLES - RESULT_PROGRAM_CARD_SYLLABLES, sentence: limitFor('pharmacy-result').sentence },
  description: { syllables: limitFor('pharmacy-detail').syllables - DETAIL_CHROME_SYLLABLES, sentence: limitFor('pharmacy-detail').sentence },
} as const;

/** Hanja and pictographs the slip font (Pretendard) lacks; control characters (the layout wraps by itself). */
const UNPRINTABLE = /[\p{Cc}\p{Script=Han}\p{Extended_Pictographic}]/u;

type Where = Pick<ContentProblem, 'symptomId' | 'prescriptionId' | 'field'>;

function textProblems(where: Where, value: Localized, maxCells?: number): ContentProblem[] {
  const out: ContentProblem[] = [];
  for (const lang of ['ko', 'en'] as const) {
    const s = value[lang] ?? '';
    const at = { ...where, lang, blocking: true };
    if (s.trim() === '') {
      out.push({ ...at, rule: 'empty' });
      continue;
    }
    const seen = new Set<string>();
    for (const ch of s) {
      if (seen.has(ch)) continue;
      seen.add(ch);
      const mapped = cp949Safe(ch);
      if (UNPRINTABLE.test(ch) || mapped === '' || ![...mapped].every(inCp949)) out.push({ ...at, rule: 'unprintable', char: ch });
      else if (mapped !== ch) out.push({ ...at, rule: 'maps', blocking: false, char: ch, becomes: mapped });
    }
    for (const word of s.split(/\s+/)) {
      const w = displayCells(word);
      if (w > SLIP_LIMITS.wordCells) out.push({ ...at, rule: 'word_too_wide', value: w, limit: SLIP_LIMITS.wordCells, char: word });
    }
    if (maxCells !== undefined) {
      const w = displayCells(s);
      if (w > maxCells) out.push({ ...at, rule: 'too_wide', value: w, limit: maxCells });
    }
  }
  return out;
}

function readingProblems(where: Where, blocks: Record<'ko' | 'en', string[]>, budget: { syllables: number; sentence: number }): ContentProblem[] {
  const out: ContentProblem[] = [];
  for (const lang of ['ko', 'en'] as const) {
    const load = readingLoad(blocks[lang]);
    if (load.syllables > budget.syllables) out.push({ ...where, lang, rule: 'reading_total', blocking: true, value: load.syllables, limit: budget.syllables });
    if (load.longestSentence > budget.sentence) out.push({ ...where, lang, rule: 'reading_sentence', blocking: true, value: load.longestSentence, limit: budget.sentence });
  }
  return out;
}

/** Every problem of a draft, in the order of the editor (symptom by symptom). */
export function contentProblems(content: PharmacyContent): ContentProblem[] {
  const out: ContentProblem[] = [];
  for (const s of content.symptoms) {
    const sym = { symptomId: s.id, prescriptionId: null };
    out.push(...textProblems({ ...sym, field: 'name' }, s.name, SLIP_LIMITS.symptomNameCells));
    out.push(...textProblems({ ...sym, field: 'description' }, s.description));
    out.push(...readingProblems({ ...sym, field: 'description' }, { ko: [s.description.ko], en: [s.description.en] }, READING_BUDGET.description));
    if (s.prescriptions.length < MIN_PRESCRIPTIONS_PER_SYMPTOM) {
      out.push({ ...sym, field: 'prescriptions', lang: null, rule: 'too_few', blocking: true, value: s.prescriptions.length, limit: MIN_PRESCRIPTIONS_PER_SYMPTOM });
    }
    for (const p of s.prescriptions) {
      const rx = { symptomId: s.id, prescriptionId: p.id };
      out.push(...textProblems({ ...rx, field: 'quote' }, p.quote));
      if (p.source) out.push(...textProblems({ ...rx, field: 'source' }, p.source));
      out.push(...textProblems({ ...rx, field: 'dosage' }, p.dosage, SLIP_LIMITS.dosageCells));
      const blocks = (lang: 'ko' | 'en') => [s.name[lang], p.quote[lang], p.source?.[lang] ?? '', p.dosage[lang]];
      out.push(...readingProblems({ ...rx, field: 'quote' }, { ko: blocks('ko'), en: blocks('en') }, READING_BUDGET.prescription));
    }
  }
  return out;
}

const keyOf = (p: ContentProblem) => [p.symptomId, p.prescriptionId, p.field, p.lang, p.rule, p.char ?? ''].join('|');

/**
 * Checks a draft against the active version: structure first (ids, kinds,
 * counts as the content file requires), then every field. Problems the
 * active version already had are not blocking.
 */
export function checkDraft(raw: unknown, active: PharmacyContent): { content: PharmacyContent | null; problems: ContentProblem[] } {
  const parsed = pharmacyContentSchema.safeParse(raw);
  // An emptied field is the editor's own problem to show (which field, which language), not a broken shape.
  const onlyEmpty = !parsed.success && parsed.error.issues.every((i) => i.message === 'empty');
  if (!parsed.success && !onlyEmpty) {
    // The editor sends text only into a loaded version's shape; anything else is not a content edit.
    return { content: null, problems: [{ symptomId: null, prescriptionId: null, field: 'content', lang: null, rule: 'structure', blocking: true }] };
  }
  const content = parsed.success ? parsed.data : (raw as PharmacyContent);
  const before = new Set(contentProblems(active).filter((p) => p.blocking).map(keyOf));
  const problems = contentProblems(content).map((p) => (p.blocking && before.has(keyOf(p)) ? { ...p, blocking: false } : p));
  if (!sameShape(content, active)) problems.unshift({ symptomId: null, prescriptionId: null, field: 'content', lang: null, rule: 'structure', blocking: true });
  return { content, problems };
}

/**
 * The editor changes words, not the pharmacy's shape: the same symptoms in the
 * same order with their icons and gift kinds, prescription ids unique; the
 * crisis card and the footer as they are (the help lines are checked by
 * people before a release). (A new symptom needs an icon file and a
 * gift slot: that is a software update, not an edit at the kiosk.)
 */
function sameShape(a: PharmacyContent, b: PharmacyContent): boolean {
  if (a.symptoms.length !== b.symptoms.length) return false;
  const rxIds = new Set<string>();
  for (let i = 0; i < a.symptoms.length; i++) {
    const x = a.symptoms[i]!;
    const y = b.symptoms[i]!;
    if (x.id !== y.id || x.icon !== y.icon || x.giftCategory !== y.giftCategory) return false;
    for (const p of x.prescriptions) {
      if (rxIds.has(p.id)) return false;
      rxIds.add(p.id);
    }
  }
  return JSON.stringify([a.crisis, a.footer]) === JSON.stringify([b.crisis, b.footer]);
}
