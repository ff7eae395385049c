import { afterEach, describe, expect, it } from 'vitest';
import { loadImage } from '@napi-rs/canvas';
import iconv from 'iconv-lite';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../app/project-paths';
import {
  GIFT_CATEGORIES,
  PharmacyContentError,
  SLIP_LIMITS,
  defaultPharmacyContentPath,
  displayCells,
  findPrescription,
  findSymptom,
  loadPharmacyContent,
  pharmacyIconDir,
  readPharmacyIcon,
  validatePharmacyContent,
  type Localized,
  type PharmacyContent,
} from './pharmacy-content';

const contentPath = defaultPharmacyContentPath();
const raw = () => JSON.parse(readFileSync(contentPath, 'utf8')) as PharmacyContent;

/** Every localized text in the content, with where it is. */
function allTexts(c: PharmacyContent): { where: string; text: Localized }[] {
  const out: { where: string; text: Localized }[] = [];
  for (const s of c.symptoms) {
    out.push({ where: `${s.id}.name`, text: s.name }, { where: `${s.id}.description`, text: s.description });
    for (const p of s.prescriptions) {
      out.push({ where: `${p.id}.quote`, text: p.quote }, { where: `${p.id}.dosage`, text: p.dosage });
      if (p.source) out.push({ where: `${p.id}.source`, text: p.source });
    }
  }
  out.push({ where: 'crisis.title', text: c.crisis.title }, { where: 'crisis.body', text: c.crisis.body }, { where: 'footer', text: c.footer });
  for (const l of c.crisis.lines) out.push({ where: `crisis.${l.phone}.name`, text: l.name }, { where: `crisis.${l.phone}.note`, text: l.note });
  return out;
}

describe('the shipped pharmacy content', () => {
  const content = loadPharmacyContent();

  it('loads from resources/pharmacy/content.json under the project root', () => {
    expect(contentPath).toBe(join(projectRoot(), 'resources', 'pharmacy', 'content.json'));
    expect(content.symptoms.length).toBeGreaterThanOrEqual(18);
  });

  it('covers the range of feelings the venue sees', () => {
    const ids = content.symptoms.map((s) => s.id);
    for (const id of [
      'loneliness', 'lonely-island', 'burnout', 'tomorrow-worry', 'low-self-worth', 'missing-someone', 'family-distance',
      'endless-scroll', 'monday-blues', 'people-sickness', 'midnight-thoughts', 'holiday-blues', 'greener-grass',
      'homesick', 'regret-replay', 'missing-motivation',
    ]) expect(ids).toContain(id);
    expect(findSymptom(content, 'monday-blues')?.name.ko).toBe('월요병 말기');
    expect(findSymptom(content, 'people-sickness')?.name.ko).toBe('사람멀미증');
  });

  it('gives every symptom both languages, a gift category and at least 6 prescriptions with unique ids', () => {
    const rxIds = new Set<string>();
    for (const s of content.symptoms) {
      expect(GIFT_CATEGORIES).toContain(s.giftCategory);
      expect(s.prescriptions.length).toBeGreaterThanOrEqual(6);
      for (const p of s.prescriptions) {
        expect(rxIds.has(p.id), p.id).toBe(false);
        rxIds.add(p.id);
        expect(findPrescription(content, p.id)?.symptom.id).toBe(s.id);
      }
    }
    for (const { where, text } of allTexts(content)) {
      expect(text.ko.trim(), `${where}.ko`).not.toBe('');
      expect(text.en.trim(), `${where}.en`).not.toBe('');
      // Korean text is Korean and English text is not a copy of it.
      expect(/[가-힣]/.test(text.ko), `${where}.ko`).toBe(true);
      expect(text.en, where).not.toBe(text.ko);
    }
    expect(new Set(content.symptoms.map((s) => s.id)).size).toBe(content.symptoms.length);
    // Every gift category is used, so the cabinet's slots all have symptoms.
    expect(new Set(content.symptoms.map((s) => s.giftCategory))).toEqual(new Set(GIFT_CATEGORIES));
  });

  it('fits 58 mm paper: no word over 30 cells, dosages within two lines, names on one', () => {
    for (const { where, text } of allTexts(content)) {
      for (const lang of ['ko', 'en'] as const) {
        for (const word of text[lang].split(/\s+/)) expect(displayCells(word), `${where}.${lang} "${word}"`).toBeLessThanOrEqual(SLIP_LIMITS.wordCells);
      }
    }
    for (const s of content.symptoms) {
      expect(displayCells(s.name.ko)).toBeLessThanOrEqual(30);
      expect(displayCells(s.name.en)).toBeLessThanOrEqual(30);
      for (const p of s.prescriptions) {
        expect(displayCells(p.dosage.ko), p.id).toBeLessThanOrEqual(64);
        expect(displayCells(p.dosage.en), p.id).toBeLessThanOrEqual(64);
      }
    }
  });

  it('uses only characters the slip font draws and a cp949 text-mode printer can encode', () => {
    const glyphs = fontCodePoints(join(projectRoot(), 'node_modules/pretendard/dist/public/static/Pretendard-Regular.otf'));
    const text = readFileSync(contentPath, 'utf8');
    const notInFont = [...new Set([...text])].filter((ch) => ch.codePointAt(0)! > 0x20 && !glyphs.has(ch.codePointAt(0)!));
    const notCp949 = [...new Set([...text])].filter((ch) => iconv.decode(iconv.encode(ch, 'cp949'), 'cp949') !== ch);
    expect(notInFont).toEqual([]);
    expect(notCp949).toEqual([]);
  });

  it('credits every borrowed quote in both languages and carries no personal data or links', () => {
    const sources = content.symptoms.flatMap((s) => s.prescriptions.filter((p) => p.source !== null));
    expect(sources.length).toBeGreaterThan(0);
    for (const { where, text } of allTexts(content)) {
      for (const s of [text.ko, text.en]) {
        expect(s, where).not.toMatch(/https?:|www\.|@|\.com\b/);
        if (!where.startsWith('crisis') && where !== 'footer') expect(s, where).not.toMatch(/\d{2,4}-\d{3,4}/);
      }
    }
  });

  it('has a crisis card with 109 and 외로움안녕120 (02-120, then 5), and a footer naming 120 in both languages', () => {
    const lines = content.crisis.lines;
    expect(lines.find((l) => l.phone === '109')?.name.ko).toBe('자살예방상담전화');
    const l120 = lines.find((l) => l.phone === '02-120');
    expect(l120?.name.ko).toBe('외로움안녕120');
    expect(l120?.press).toBe('5');
    expect(l120?.note.ko).toContain('5번');
    expect(l120?.note.en).toContain('5');
    for (const lang of ['ko', 'en'] as const) {
      expect(content.footer[lang]).toContain('외로움안녕120');
      expect(content.footer[lang]).toContain('02-120');
      expect(content.footer[lang]).toMatch(/5/);
    }
  });

  it('has one simple, themeable SVG icon per symptom and one for the crisis card', async () => {
    const dir = pharmacyIconDir();
    const names = [...content.symptoms.map((s) => s.icon), 'crisis.svg'];
    expect(new Set(names).size).toBe(names.length);
    expect(readdirSync(dir).filter((f) => f.endsWith('.svg')).sort()).toEqual([...names].sort());
    for (const name of names) {
      const svg = readPharmacyIcon(name);
      expect(svg, name).toMatch(/^<svg [^>]*viewBox="0 0 96 96"/);
      expect(svg, name).toContain('currentColor');
      // Themeable and self-contained: no fixed colours, text, scripts, links or external resources.
      expect(svg, name).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(|<text|<script|<image|href=|url\(|<style|on[a-z]+=/i);
      const shapes = svg.match(/<(path|circle|rect|ellipse|line|polyline|polygon)\b/g) ?? [];
      expect(shapes.length, name).toBeGreaterThan(0);
      expect(shapes.length, name).toBeLessThanOrEqual(8);
      const img = await loadImage(Buffer.from(svg.replace(/currentColor/g, '#000')));
      expect(img.width, name).toBeGreaterThan(0);
    }
  });
});

describe('displayCells', () => {
  it('counts Hangul and full-width as 2, Latin, digits and punctuation as 1', () => {
    expect(displayCells('가')).toBe(2);
    expect(displayCells('abc')).toBe(3);
    expect(displayCells('외로움안녕120')).toBe(13);
    expect(displayCells('「」『』')).toBe(8);
    expect(displayCells('‘네’')).toBe(4);
  });
});

describe('a broken copy of the content', () => {
  let tmp: string | undefined;
  afterEach(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    tmp = undefined;
  });

  const iconDir = pharmacyIconDir();
  const problemsOf = (c: unknown) => {
    const r = validatePharmacyContent(c, { iconDir });
    return r.ok ? [] : r.problems;
  };

  it('is accepted unchanged (the baseline for the cases below)', () => {
    expect(problemsOf(raw())).toEqual([]);
  });

  it('missing English names the symptom, the prescription, the field and the language', () => {
    const c = raw();
    delete (c.symptoms[2].prescriptions[1].quote as Partial<Localized>).en;
    const id = c.symptoms[2].id;
    expect(problemsOf(c)).toEqual([`symptom ${id}: prescriptions[1] (${id}-2).quote.en: missing`]);
  });

  it('an empty Korean description is rejected', () => {
    const c = raw();
    c.symptoms[0].description.ko = '  ';
    expect(problemsOf(c)).toEqual([`symptom ${c.symptoms[0].id}: description.ko: empty`]);
  });

  it('too few prescriptions is rejected', () => {
    const c = raw();
    c.symptoms[5].prescriptions.splice(3);
    expect(problemsOf(c)).toEqual([`symptom ${c.symptoms[5].id}: prescriptions: needs at least 6 prescriptions`]);
  });

  it('a gift category the cabinet does not have is rejected', () => {
    const c = raw();
    (c.symptoms[1] as { giftCategory: string }).giftCategory = 'socks';
    expect(problemsOf(c)).toEqual([`symptom ${c.symptoms[1].id}: giftCategory: must be one of tea, sweets, stationery, comfort`]);
  });

  it('duplicate ids are rejected', () => {
    const c = raw();
    c.symptoms[3].id = c.symptoms[4].id;
    c.symptoms[7].prescriptions[0].id = c.symptoms[8].prescriptions[0].id;
    const problems = problemsOf(c);
    expect(problems).toContain(`symptom ${c.symptoms[4].id}: id is used by another symptom`);
    const rx = c.symptoms[8].prescriptions[0].id;
    expect(problems).toContain(`symptom ${c.symptoms[8].id}: prescriptions[0] (${rx}): id is also used in symptom ${c.symptoms[7].id}`);
  });

  it('a word too wide for 58 mm, a dosage over two lines, or a long symptom name is rejected', () => {
    const c = raw();
    const s = c.symptoms[0];
    s.prescriptions[0].quote.ko = '가나다라마바사아자차카타파하가나 다';
    s.prescriptions[1].dosage.en = 'Take it three times a day, with the window open, and a song, and a cup of tea.';
    s.name.en = 'A Very Long Name For A Feeling Here';
    expect(problemsOf(c)).toEqual([
      `symptom ${s.id}: name.en: 35 cells, over 30 for 58 mm paper`,
      `symptom ${s.id}: prescriptions[0] (${s.id}-1).quote.ko: "가나다라마바사아자차카타파하가나" is 32 cells with no space, over 30 for 58 mm paper`,
      `symptom ${s.id}: prescriptions[1] (${s.id}-2).dosage.en: 78 cells, over 64 for 58 mm paper`,
    ]);
  });

  it('emoji, Hanja and line breaks are rejected (the slip font cannot draw them; the layout wraps)', () => {
    const c = raw();
    const s = c.symptoms[0];
    s.prescriptions[0].quote.ko = '덕불고 德不孤';
    s.prescriptions[0].quote.en = 'Smile 😊';
    s.prescriptions[0].dosage.ko = '하루 한 번\n복용';
    const problems = problemsOf(c);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(new RegExp(`^symptom ${s.id}: prescriptions\\[0\\] \\(${s.id}-1\\)\\.quote\\.ko: cannot print "德"`));
    expect(problems[1]).toContain('quote.en: cannot print "😊"');
    expect(problems[2]).toContain('dosage.ko: cannot print "\\n"');
  });

  it('a missing icon file fails loading with pharmacy.content_invalid and every problem in details', () => {
    const dir = (tmp = mkdtempSync(join(tmpdir(), 'itda-pharmacy-')));
    cpSync(iconDir, join(dir, 'icons'), { recursive: true });
    rmSync(join(dir, 'icons', 'burnout.svg'));
    const c = raw();
    delete (c.symptoms[0].name as Partial<Localized>).en;
    writeFileSync(join(dir, 'content.json'), JSON.stringify(c));
    expect(() => loadPharmacyContent(join(dir, 'content.json'))).toThrow(PharmacyContentError);
    // The schema stops at structure first; fix that and the icon check runs.
    c.symptoms[0].name.en = 'Loneliness Flu';
    writeFileSync(join(dir, 'content.json'), JSON.stringify(c));
    try {
      loadPharmacyContent(join(dir, 'content.json'));
      expect.unreachable();
    } catch (err) {
      const e = err as PharmacyContentError;
      expect(e.code).toBe('pharmacy.content_invalid');
      expect(e.toWire().messageKey).toBe('errors.pharmacy.content_invalid');
      expect(e.details).toEqual([`symptom burnout: icon burnout.svg is not in ${join(dir, 'icons')}`]);
    }
  });

  it('a file that is not JSON fails loading with pharmacy.content_invalid', () => {
    const dir = (tmp = mkdtempSync(join(tmpdir(), 'itda-pharmacy-')));
    writeFileSync(join(dir, 'content.json'), '{ "symptoms": [');
    expect(() => loadPharmacyContent(join(dir, 'content.json'))).toThrow(/cannot read pharmacy content/);
  });

  it('a missing crisis card or footer is rejected', () => {
    const c = raw() as Partial<PharmacyContent>;
    delete c.crisis;
    delete c.footer;
    expect(problemsOf(c)).toEqual(['crisis: missing', 'footer: missing']);
  });
});

/** The code points a font maps (OpenType cmap formats 4 and 12): enough to know a glyph exists. */
function fontCodePoints(file: string): Set<number> {
  const buf = readFileSync(file);
  const tables = buf.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) if (buf.toString('latin1', 12 + i * 16, 16 + i * 16) === 'cmap') cmap = buf.readUInt32BE(20 + i * 16);
  const has = new Set<number>();
  const subtables = buf.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const off = cmap + buf.readUInt32BE(cmap + 8 + i * 8);
    const format = buf.readUInt16BE(off);
    if (format === 4) {
      const segX2 = buf.readUInt16BE(off + 6);
      const ends = off + 14;
      const starts = ends + segX2 + 2;
      for (let s = 0; s < segX2 / 2; s++) {
        const end = buf.readUInt16BE(ends + s * 2);
        for (let c = buf.readUInt16BE(starts + s * 2); c <= end && c !== 0xffff; c++) has.add(c);
      }
    } else if (format === 12) {
      const groups = buf.readUInt32BE(off + 12);
      for (let g = 0; g < groups; g++) {
        const end = buf.readUInt32BE(off + 20 + g * 12);
        for (let c = buf.readUInt32BE(off + 16 + g * 12); c <= end; c++) has.add(c);
      }
    }
  }
  return has;
}
