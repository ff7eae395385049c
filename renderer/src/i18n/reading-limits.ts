/**
 * How much each visitor screen may ask anyone to read, in one place. The
 * wording check (`test/e2e/reading-load.test.ts`) walks both flows in both
 * languages and holds every screen's visible text outside buttons to these
 * numbers; the bench reports the same figures for a paced visit.
 *
 * Why these numbers: about two thirds of the Mind Convenience Store's
 * visitors are 65 or older. Easy-read guidance (one idea per sentence, at
 * most two short sentences under a heading) gives about 20 syllables a
 * sentence and 50 a screen; a slow, careful reader manages 5 syllables a
 * second, and a first check-in should take no more than 100 s of such
 * reading (40 s for a visitor who declines to give any details).
 */

export interface ReadingLimit {
  /** Syllables of all visible text outside buttons. */
  syllables: number;
  /** Syllables of the longest sentence. */
  sentence: number;
}

/**
 * What the result screen's 연결처방 card may add (a programme's name, place, when, how to join,
 * who it suits: short lines, about 70 syllables at the longest of the sample catalog). The content
 * editor's budget for a prescription leaves it out (`content-checks.ts`).
 */
export const RESULT_PROGRAM_CARD_SYLLABLES = 80;

/** The limit of any screen not named below. */
export const DEFAULT_LIMIT: ReadingLimit = { syllables: 50, sentence: 22 };

/**
 * Screens that carry more, and why. A name is the screen's `data-testid`;
 * self-check questions 2–5 are `store-selfcheck-N`.
 */
export const SCREEN_LIMITS: Record<string, ReadingLimit> = {
  // The three help lines with their names, numbers and one short note each, and whether staff were
  // told: never shortened away. A visitor in crisis looks for the numbers, set large, not the prose.
  // Both panels also name the 외로움챗봇 (its name and one line on scanning it): a way to reach
  // someone in writing for a visitor who cannot face a phone call.
  'pharmacy-crisis': { syllables: 150, sentence: 22 },
  'store-crisis-panel': { syllables: 95, sentence: 22 },
  // The prescription is the gift (a quote, its source, the dosage); its sentences are the content's own.
  // The test meets one of six prescriptions at random: a CI run met one of 121 syllables, so the
  // limit covers the content as shipped; trimming the longest prescriptions is content work still to do.
  // The 연결처방 card below it adds a programme (name, place, when, how to join, who it suits):
  // short lines, no sentences, about 70 syllables at the longest of the sample catalog.
  'pharmacy-result': { syllables: 130 + RESULT_PROGRAM_CARD_SYLLABLES, sentence: 40 },
  // The ticket: number, place in line, snack, opening hours, printer word and the 120 line.
  'store-done': { syllables: 100, sentence: 26 },
  // The consent's summary keeps all four legal points (what, why, how long, refusing is fine).
  'store-consent': { syllables: 60, sentence: 22 },
  // The full consent notice behind "자세히 보기" (the summary stays above it): read only by who asks.
  'store-consent-full': { syllables: 330, sentence: 60 },
  // Four options, each a heading and a short line, plus volume and speed.
  'a11y-menu': { syllables: 60, sentence: 22 },
};

export function limitFor(screen: string): ReadingLimit {
  return SCREEN_LIMITS[screen] ?? DEFAULT_LIMIT;
}

/** A slow, careful reader (syllables a second), as the bench's estimate. */
export const SLOW_READER_SYLLABLES_PER_S = 5;
/** Seconds to take in a short screen and decide, even with nothing to read (the bench's think time). */
export const THINK_S = 1.5;
/** Seconds for each further key on a keypad the visitor is already typing on. */
export const KEY_S = 0.5;

/** The slow-reader budgets, seconds from the first touch to the ticket. */
export const FIRST_CHECK_IN_MAX_S = 100;
export const ANONYMOUS_VISIT_MAX_S = 40;

/**
 * Screens of a first check-in by touch, in order (the bench's visit): Home,
 * welcome, consent, "recognise me", nickname, phone, five questions, the
 * result, snack, talk; the ticket ends the clock. Keys: one nickname digit
 * and "next", eleven phone digits and "next".
 */
export const FIRST_CHECK_IN = {
  screens: ['home', 'store-welcome', 'store-consent', 'store-identify-ask', 'store-nickname', 'store-phone', 'store-selfcheck', 'store-selfcheck-2', 'store-selfcheck-3', 'store-selfcheck-4', 'store-selfcheck-5', 'store-selfcheck-result', 'store-snack', 'store-talk'],
  keys: 14,
} as const;

/** A visitor who declines the consent: Home, welcome, consent, snack, talk. */
export const ANONYMOUS_VISIT = {
  screens: ['home', 'store-welcome', 'store-consent', 'store-snack', 'store-talk'],
  keys: 0,
} as const;

/**
 * Seconds a slow reader spends on a visit: each screen takes the longer of
 * reading it all and the think time, each extra key its own, plus the
 * kiosk's own share (screen changes, the printer; the bench measures it).
 */
export function slowReaderSeconds(syllablesPerScreen: number[], keys: number, kioskShareS: number): number {
  const reading = syllablesPerScreen.reduce((sum, n) => sum + Math.max(THINK_S, n / SLOW_READER_SYLLABLES_PER_S), 0);
  return reading + keys * KEY_S + kioskShareS;
}

/** What the wording check allows for the kiosk's share of a visit (the bench measures 5–10 s on a loaded machine). */
export const KIOSK_SHARE_ALLOWANCE_S = 12;
