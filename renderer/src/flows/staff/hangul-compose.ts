/**
 * Hangul composition for the console's on-screen keyboard (두벌식, the
 * standard Korean layout): jamo typed one key at a time become syllables
 * the way a Korean input method builds them, so a kiosk with no physical
 * keyboard can still take a PIN label like "안내 데스크".
 *
 * - A consonant after a vowel becomes the final (받침); a vowel after a
 *   final takes it as the next syllable's initial (각 + ㅏ → 가가), and a
 *   double final gives up its second half (닭 + ㅏ → 달가).
 * - Vowels and finals combine as the layout allows (ㅗ+ㅏ → ㅘ, ㄹ+ㄱ → ㄺ).
 * - Backspace takes back one key inside the syllable being composed
 *   (닭 → 달 → 다 → ㄷ), then whole characters.
 * - Anything else (a space, a Latin letter, a digit) ends the syllable.
 *
 * Pure: a state in, a state out. Syllables are Unicode precomposed
 * (U+AC00 + (initial × 21 + medial) × 28 + final).
 */

const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const MEDIALS = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
/** Index 0 is "no final". */
const FINALS = ['', ...'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ'];

const VOWEL_PAIRS: Record<string, string> = { ㅗㅏ: 'ㅘ', ㅗㅐ: 'ㅙ', ㅗㅣ: 'ㅚ', ㅜㅓ: 'ㅝ', ㅜㅔ: 'ㅞ', ㅜㅣ: 'ㅟ', ㅡㅣ: 'ㅢ' };
const FINAL_PAIRS: Record<string, string> = { ㄱㅅ: 'ㄳ', ㄴㅈ: 'ㄵ', ㄴㅎ: 'ㄶ', ㄹㄱ: 'ㄺ', ㄹㅁ: 'ㄻ', ㄹㅂ: 'ㄼ', ㄹㅅ: 'ㄽ', ㄹㅌ: 'ㄾ', ㄹㅍ: 'ㄿ', ㄹㅎ: 'ㅀ', ㅂㅅ: 'ㅄ' };
const FINAL_SPLIT: Record<string, [string, string]> = Object.fromEntries(Object.entries(FINAL_PAIRS).map(([pair, joined]) => [joined, [pair[0]!, pair[1]!]]));

/** The syllable being composed: any of its parts may still be missing. */
export interface Syllable {
  initial?: string;
  medial?: string;
  final?: string;
}

export interface Composer {
  /** Text already finished. */
  text: string;
  current: Syllable;
  /** The current syllable as it was before each key: backspace steps back through it. */
  history: Syllable[];
}

export const isConsonant = (key: string) => key.length === 1 && (INITIALS.includes(key) || FINALS.includes(key));
export const isVowel = (key: string) => key.length === 1 && MEDIALS.includes(key);

/** A composer over existing text (a label chosen from the list), nothing being composed. */
export function composerOf(text: string): Composer {
  return { text, current: {}, history: [] };
}

/** The syllable as one character: a full syllable, or the lone jamo typed so far. */
export function syllableText(s: Syllable): string {
  if (s.initial && s.medial) {
    const code = 0xac00 + (INITIALS.indexOf(s.initial) * 21 + MEDIALS.indexOf(s.medial)) * 28 + FINALS.indexOf(s.final ?? '');
    return String.fromCharCode(code);
  }
  return (s.initial ?? '') + (s.medial ?? '');
}

/** What the field shows: the finished text and the syllable being composed. */
export function shown(c: Composer): string {
  return c.text + syllableText(c.current);
}

/** Ends the syllable being composed (the field lost focus, or "done"). */
export function commit(c: Composer): Composer {
  return composerOf(shown(c));
}

const empty = (s: Syllable) => !s.initial && !s.medial && !s.final;

/** One key: a jamo of the layout composes; any other character ends the syllable and is added as it is. */
export function press(c: Composer, key: string): Composer {
  const s = c.current;
  const step = (next: Syllable): Composer => ({ text: c.text, current: next, history: [...c.history, s] });
  const startNew = (next: Syllable, history: Syllable[] = [{}]): Composer => ({ text: shown(c), current: next, history });

  if (isVowel(key)) {
    if (s.final) {
      // The final moves on to start the next syllable (of a double final, its second half).
      const split = FINAL_SPLIT[s.final];
      const keep = split ? split[0] : undefined;
      const moved = split ? split[1] : s.final;
      const done = syllableText({ ...s, final: keep });
      return { text: c.text + done, current: { initial: moved, medial: key }, history: [{}, { initial: moved }] };
    }
    if (s.medial) {
      const joined = VOWEL_PAIRS[s.medial + key];
      return joined ? step({ ...s, medial: joined }) : startNew({ medial: key });
    }
    return step({ ...s, medial: key });
  }

  if (isConsonant(key)) {
    if (empty(s)) return step({ initial: key });
    if (!s.medial || !s.initial) return startNew({ initial: key });
    if (!s.final) return FINALS.includes(key) ? step({ ...s, final: key }) : startNew({ initial: key });
    const joined = FINAL_PAIRS[s.final + key];
    return joined ? step({ ...s, final: joined }) : startNew({ initial: key });
  }

  return { text: shown(c) + key, current: {}, history: [] };
}

/** One step back: the last key of the syllable being composed, else the last character. */
export function backspace(c: Composer): Composer {
  if (!empty(c.current)) {
    const history = c.history.slice(0, -1);
    return { text: c.text, current: c.history[c.history.length - 1] ?? {}, history };
  }
  return composerOf([...c.text].slice(0, -1).join(''));
}

/** Types keys one after another (tests, and a preset typed as keys). */
export function typeKeys(c: Composer, keys: Iterable<string>): Composer {
  let out = c;
  for (const k of keys) out = k === '\b' ? backspace(out) : press(out, k);
  return out;
}
