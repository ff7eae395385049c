/**
 * How much a screen asks a visitor to read: syllables and the longest
 * sentence, counted the way a slow reader meets them. Pure (no DOM): the
 * browser tests and the bench hand it the visible text of a screen.
 *
 * - Korean: one Hangul syllable block is one syllable.
 * - Digits: one syllable each ("90" is 구십, "02-120" is read digit by
 *   digit): close enough for a reading-time estimate.
 * - Latin words: vowel groups, a silent final "e" dropped, at least one
 *   ("prescription" 3, "time" 1), so English screens are held to the same
 *   limits as Korean ones.
 */

const HANGUL = /[\uAC00-\uD7A3]/g;
const DIGIT = /[0-9]/g;
const LATIN_WORD = /[A-Za-z]+(?:'[A-Za-z]+)?/g;

/** Syllables of one English word (a dictionary-free estimate). */
export function englishSyllables(word: string): number {
  const w = word.toLowerCase().replace(/'.*$/, '');
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, (m) => m[0]!).replace(/^y/, '');
  const groups = trimmed.match(/[aeiouy]+/g);
  return Math.max(1, groups?.length ?? 1);
}

/** Syllables a reader says (aloud or in their head) for `text`. */
export function countSyllables(text: string): number {
  const hangul = text.match(HANGUL)?.length ?? 0;
  const digits = text.match(DIGIT)?.length ?? 0;
  const latin = (text.match(LATIN_WORD) ?? []).reduce((sum, w) => sum + englishSyllables(w), 0);
  return hangul + digits + latin;
}

/**
 * Sentences of one block of text (a heading, a paragraph, a list item).
 * A block always ends a sentence; inside it, ". ? ! …" followed by a space
 * (or the end) does. "02-120" or "3.5" stay whole.
 */
export function sentencesOf(block: string): string[] {
  return block
    .split(/(?<=[.?!…])\s+/)
    .map((s) => s.trim())
    .filter((s) => countSyllables(s) > 0);
}

export interface ReadingLoad {
  /** All syllables of the screen's text outside buttons. */
  syllables: number;
  /** Syllables of the longest sentence. */
  longestSentence: number;
  /** That sentence, for the failure message. */
  longestText: string;
}

/** The reading load of a screen, given its visible text blocks outside buttons. */
export function readingLoad(blocks: string[]): ReadingLoad {
  let syllables = 0;
  let longestSentence = 0;
  let longestText = '';
  for (const block of blocks) {
    syllables += countSyllables(block);
    for (const s of sentencesOf(block)) {
      const n = countSyllables(s);
      if (n > longestSentence) {
        longestSentence = n;
        longestText = s;
      }
    }
  }
  return { syllables, longestSentence, longestText };
}
