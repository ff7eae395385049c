/** Contract of the barrier-free kiosk: its keypad and layout settings, and speech through a local TTS program. */
import { z } from 'zod';
import { staffToken } from './staff-token';

export const a11yApi = {
  'a11y.config': {
    input: z.object({}).strict(),
    output: z.object({
      /** `KeyboardEvent.key` values of the keypad's function keys. */
      keys: z.object({ replay: z.string(), menu: z.string(), volumeUp: z.string(), volumeDown: z.string() }),
      /** The reachable part of the screen, as fractions of its height from the top. */
      reach: z.object({ top: z.number().min(0).max(1), bottom: z.number().min(0).max(1) }),
      /**
       * `command`: always speak through `a11y.speak` (a configured program);
       * `web`: the renderer's Web Speech API where the OS has a voice for the
       * language, else `localVoice` through `a11y.speak`.
       */
      speaker: z.enum(['web', 'command']),
      /** The local engine found or configured (espeak-ng), and its languages; null: none on this machine. */
      localVoice: z.object({ name: z.string(), languages: z.array(z.enum(['ko', 'en'])) }).nullable(),
    }),
  },
  'a11y.speak': {
    input: z
      .object({
        // Screen text only: prescriptions, instructions. Never logged.
        text: z.string().min(1).max(4000),
        language: z.enum(['ko', 'en']),
        rate: z.number().min(0.5).max(2).default(1),
        volume: z.number().min(0).max(1).default(1),
      })
      .strict(),
    output: z.object({ outcome: z.enum(['spoken', 'interrupted', 'failed', 'timeout', 'no_command']) }),
  },
  /**
   * Staff's check of the local voice: a fixed sample sentence (never caller
   * text) spoken through the local engine. Technician-only at the door.
   */
  'a11y.testVoice': {
    input: z.object({ token: staffToken, language: z.enum(['ko', 'en']).default('ko') }).strict(),
    output: z.object({
      voice: z.string().nullable(),
      outcome: z.enum(['spoken', 'interrupted', 'failed', 'timeout', 'no_command']),
    }),
  },
  'a11y.stopSpeaking': {
    input: z.object({}).strict(),
    output: z.object({ stopped: z.boolean() }),
  },
} as const;
