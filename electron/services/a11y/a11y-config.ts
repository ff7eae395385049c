/**
 * The accessibility part of the kiosk config: which keys of the tactile
 * keypad replay and open the menu, where the screen hangs on the wall (for
 * the low-reach layout), and an optional local TTS command for kiosks with
 * no OS voice. Every field defaulted, so `{}` is a valid config.
 */
import { z } from 'zod';

/** A `KeyboardEvent.key` value the keypad sends (`F1`, `F2`, `+`, `PageUp`). */
const keyName = z.string().min(1).max(20);

export const a11yKeysSchema = z
  .object({
    replay: keyName.default('F2'),
    menu: keyName.default('F1'),
    volumeUp: keyName.default('F3'),
    volumeDown: keyName.default('F4'),
  })
  .strict();

/**
 * The screen's physical place. The law's reach range is 400–1220 mm from the
 * floor; with no geometry given, the lower 55 % of the screen is used (what
 * the venue's portrait 1080x1920 kiosk gives when mounted as delivered).
 */
export const lowReachSchema = z
  .object({
    /** Height of the screen's lower edge above the floor, mm. */
    screenBottomMm: z.number().min(0).max(3000).optional(),
    /** Visible height of the screen, mm. */
    screenHeightMm: z.number().min(50).max(3000).optional(),
    reachLowMm: z.number().min(0).max(3000).default(400),
    reachHighMm: z.number().min(0).max(3000).default(1220),
    /** Share of the screen, from its top, left free when no geometry is given. */
    defaultTopFraction: z.number().min(0).max(0.9).default(0.45),
  })
  .strict();

export const ttsCommandSchema = z
  .object({
    /** The program, run directly (never through a shell): `espeak-ng`. */
    command: z.string().min(1),
    /**
     * Arguments, each one a template: `{text}`, `{language}`, `{voice}`,
     * `{wpm}` (words per minute at this rate), `{rate}` and `{volume}` (percent).
     * A placeholder only ever fills one argument, so the text cannot add options.
     */
    args: z.array(z.string()).default(['-v', '{voice}', '-s', '{wpm}', '-a', '{volume}', '--', '{text}']),
    voices: z.object({ ko: z.string().default('ko'), en: z.string().default('en') }).strict().prefault({}),
    /**
     * The same command writing a WAV file instead of playing (`{file}`), for
     * the technician's voice test and the speech test; absent: no file output.
     */
    fileArgs: z.array(z.string()).optional(),
    /** Words per minute at rate 1. */
    baseWpm: z.number().int().min(50).max(500).default(160),
    timeoutMs: z.number().int().min(1000).max(120_000).default(30_000),
  })
  .strict();

export const a11yConfigSchema = z
  .object({
    keys: a11yKeysSchema.prefault({}),
    lowReach: lowReachSchema.prefault({}),
    /**
     * null: the renderer speaks with the Web Speech API where the OS has a
     * voice for the language, and with a local engine found on the machine
     * (espeak-ng) where it has none. Set: always this program.
     */
    ttsCommand: ttsCommandSchema.nullable().default(null),
    /** false: never look for a local engine (a kiosk that must stay silent without an OS voice). */
    findLocalVoice: z.boolean().default(true),
  })
  .strict();

export type A11yConfig = z.output<typeof a11yConfigSchema>;
export type TtsCommandConfig = z.output<typeof ttsCommandSchema>;
export type LowReachConfig = z.output<typeof lowReachSchema>;
