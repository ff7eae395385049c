import { describe, expect, it } from 'vitest';
import { checkDraft, contentProblems, READING_BUDGET } from './content-checks';
import { loadPharmacyContent, SLIP_LIMITS, type PharmacyContent } from './pharmacy-content';

const shipped = loadPharmacyContent();
const draft = (edit: (c: PharmacyContent) => void): PharmacyContent => {
  const c = structuredClone(shipped);
  edit(c);
  return c;
};
const blocking = (c: PharmacyContent) => checkDraft(c, shipped).problems.filter((p) => p.blocking);
const first = shipped.symptoms[0]!;
const rx = first.prescriptions[0]!;

describe('content checks (the editor)', () => {
  it('passes the shipped content with nothing blocking', () => {
    expect(contentProblems(shipped).filter((p) => p.blocking)).toEqual([]);
    expect(blocking(shipped)).toEqual([]);
  });

  it('needs both languages: an emptied English quote is named by symptom, prescription, field and language', () => {
    const problems = blocking(draft((c) => (c.symptoms[0]!.prescriptions[0]!.quote.en = '   ')));
    expect(problems).toEqual([{ symptomId: first.id, prescriptionId: rx.id, field: 'quote', lang: 'en', rule: 'empty', blocking: true }]);
  });

  it('keeps a symptom name on one slip line and a dosage on two', () => {
    const name = blocking(draft((c) => (c.symptoms[0]!.name.ko = '아주 아주 아주 길고 긴 증상의 이름입니다')));
    expect(name).toContainEqual(expect.objectContaining({ field: 'name', lang: 'ko', rule: 'too_wide', limit: SLIP_LIMITS.symptomNameCells }));
    const dosage = blocking(draft((c) => (c.symptoms[0]!.prescriptions[0]!.dosage.en = 'Take one '.repeat(10))));
    expect(dosage).toContainEqual(expect.objectContaining({ field: 'dosage', lang: 'en', rule: 'too_wide', value: 90, limit: SLIP_LIMITS.dosageCells }));
  });

  it('refuses a word wider than the paper, which would be cut mid-word', () => {
    const problems = blocking(draft((c) => (c.symptoms[0]!.prescriptions[0]!.quote.en = `see ${'x'.repeat(SLIP_LIMITS.wordCells + 1)}`)));
    expect(problems).toEqual([expect.objectContaining({ rule: 'word_too_wide', value: SLIP_LIMITS.wordCells + 1 })]);
  });

  it('refuses characters no slip font prints (emoji, Hanja) and notes the ones the printer maps', () => {
    const c = draft((d) => (d.symptoms[0]!.prescriptions[0]!.quote.ko = '마음 🌱 心 — 괜찮아요…'));
    const problems = checkDraft(c, shipped).problems.filter((p) => p.prescriptionId === rx.id && p.lang === 'ko' && p.field === 'quote');
    expect(problems.filter((p) => p.rule === 'unprintable').map((p) => p.char)).toEqual(['🌱', '心']);
    expect(problems.filter((p) => p.rule === 'maps').map((p) => [p.char, p.becomes, p.blocking])).toEqual([
      ['—', '-', false],
      ['…', '...', false],
    ]);
  });

  it('holds a prescription to what the result screen may ask a visitor to read', () => {
    const long = '오늘은 천천히 걸어요. '.repeat(12);
    const problems = blocking(draft((c) => (c.symptoms[0]!.prescriptions[0]!.quote.ko = long)));
    const total = problems.find((p) => p.rule === 'reading_total');
    expect(total).toMatchObject({ lang: 'ko', limit: READING_BUDGET.prescription.syllables });
    expect(total!.value).toBeGreaterThan(READING_BUDGET.prescription.syllables);
    const sentence = blocking(draft((c) => (c.symptoms[0]!.description.ko = '하나 둘 셋 넷 다섯 여섯 일곱 여덟 아홉 열 하나 둘 셋 넷 다섯')));
    expect(sentence).toContainEqual(expect.objectContaining({ field: 'description', rule: 'reading_sentence', limit: READING_BUDGET.description.sentence }));
  });

  it('does not block a save on a problem the active version already had', () => {
    const overLong = draft((c) => (c.symptoms[1]!.prescriptions[2]!.dosage.ko = '가'.repeat(40)));
    // The active version is the over-long one; the admin edits another field: the old problem shows, not blocking.
    const edited = structuredClone(overLong);
    edited.symptoms[0]!.name.en = 'Lonely today';
    const problems = checkDraft(edited, overLong).problems.filter((p) => p.rule === 'too_wide');
    expect(problems).toEqual([expect.objectContaining({ symptomId: shipped.symptoms[1]!.id, blocking: false })]);
  });

  it('changes words, not the shape: a removed symptom, a changed icon or a changed help line is a structure problem', () => {
    for (const edit of [
      (c: PharmacyContent) => c.symptoms.pop(),
      (c: PharmacyContent) => (c.symptoms[0]!.icon = 'other.svg'),
      (c: PharmacyContent) => (c.crisis.lines[0]!.phone = '1234'),
      (c: PharmacyContent) => (c.symptoms[1]!.prescriptions[0]!.id = rx.id),
    ]) {
      expect(blocking(draft(edit)).map((p) => p.rule)).toContain('structure');
    }
    expect(checkDraft({ symptoms: 'nope' }, shipped)).toEqual({ content: null, problems: [expect.objectContaining({ rule: 'structure' })] });
  });

  it('needs at least six prescriptions a symptom', () => {
    const problems = blocking(draft((c) => (c.symptoms[0]!.prescriptions = c.symptoms[0]!.prescriptions.slice(0, 5))));
    expect(problems.map((p) => p.rule)).toContain('structure');
  });
});
