/**
 * Text for a printer's Korean font (CP949). A character CP949 lacks comes
 * out as `?` (the issue found `—` and `–` printed that way), and some it has
 * are full-width double-byte glyphs that break column alignment (`…`, curly
 * quotes). So before text or hybrid mode encode a line, each character is
 * mapped to the nearest safe one:
 *
 * - dashes and minus → `-`; `…`/`⋯` → `...`; curly quotes and primes → `'` `"`
 * - `・` `•` `∙` `‧` → `·` (CP949 has the middle dot Korean text uses)
 * - no-break and odd spaces → space; zero-width characters → nothing
 * - accented Latin → its base letter (`é` → `e`); `©` → `(c)`
 * - emoji, their variation selectors and joiners → dropped (no font has them)
 *
 * What is still not in CP949 after this is reported by `unencodable`, so
 * text mode can drop it and hybrid mode can draw that line as a small image.
 */
import { iconvModule } from '../app/lazy-module';

const MAP: Record<string, string> = {
  '\u2014': '-', // — em dash
  '\u2013': '-', // – en dash
  '\u2012': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2015': '-',
  '\u2212': '-', // − minus
  '\u2026': '...', // …
  '\u22ef': '...', // ⋯
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u30fb': '\u00b7', // ・ katakana middle dot
  '\u2022': '\u00b7', // • bullet
  '\u2219': '\u00b7', // ∙
  '\u2027': '\u00b7', // ‧
  '\u2e31': '\u00b7',
  '\u00a0': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u3000': ' ',
  '\u00a9': '(c)',
};

/** Zero-width characters, variation selectors, emoji joiners and skin tones: nothing to print. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\ufe00-\ufe0f\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/gu;
/** Emoji and pictographs (not the CP949 symbols like ♡ ☎ ★, which the printer's font has). */
const EMOJI = /\p{Extended_Pictographic}/u;

const cache = new Map<string, boolean>();

/** Whether the printer's CP949 font has this character (a single code point). */
export function inCp949(ch: string): boolean {
  if (ch.length === 1 && ch.charCodeAt(0) < 0x80) return true;
  let ok = cache.get(ch);
  if (ok === undefined) {
    const iconv = iconvModule();
    ok = iconv.decode(iconv.encode(ch, 'cp949'), 'cp949') === ch;
    cache.set(ch, ok);
  }
  return ok;
}

/** The nearest CP949-safe text: see the header for the rules. */
export function cp949Safe(text: string): string {
  let out = '';
  for (const ch of text.replace(INVISIBLE, '')) {
    const mapped = MAP[ch];
    if (mapped !== undefined) out += mapped;
    else if (inCp949(ch)) out += ch;
    else if (EMOJI.test(ch)) continue;
    else {
      // é → e + ◌́ → e; a letter CP949 lacks but whose base it has.
      const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out += base && [...base].every(inCp949) ? base : ch;
    }
  }
  return out;
}

/** Characters still outside CP949 (after `cp949Safe`), once each. */
export function unencodable(text: string): string[] {
  return [...new Set([...text].filter((ch) => !inCp949(ch)))];
}

/** Drops what CP949 cannot print, so nothing reaches the paper as `?`. */
export function dropUnencodable(text: string): string {
  return [...text].filter(inCp949).join('');
}
