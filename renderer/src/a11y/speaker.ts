/**
 * How the kiosk speaks. Drivers: the Web Speech API (`web-speech-speaker.ts`),
 * a local TTS program through the services (`command-speaker.ts`), and a
 * recording fake for tests (`recording-speaker.ts`).
 */
import type { Language } from '../i18n/translate';

export interface Utterance {
  text: string;
  language: Language;
  /** 0.5–2, 1 = normal. */
  rate: number;
  /** 0–1. */
  volume: number;
}

export interface Speaker {
  /**
   * Speaks `u`. With `interrupt` (the default) whatever is playing stops
   * first: the visitor moved on. Without it, `u` waits its turn.
   */
  speak(u: Utterance, opts?: { interrupt?: boolean }): void;
  /** Stops speaking and drops anything queued. */
  stop(): void;
}

/** For kiosks with no voice at all: the live region still carries the text. */
export const silentSpeaker: Speaker = {
  speak() {},
  stop() {},
};
