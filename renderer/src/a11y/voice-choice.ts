/**
 * Which voice speaks each utterance: the OS voice (Web Speech) where it has
 * one for the language, else the kiosk's local engine (espeak-ng, through
 * `a11y.speak`), else none. Decided per utterance, because OS voices arrive
 * late (`voiceschanged`) and a kiosk may have a Korean OS voice but no
 * English one. Both engines get the same text, prepared for speaking
 * (`spoken-text.ts`), and the same rate and volume; replay goes through the
 * same path, so it sounds the same.
 */
import type { Language } from '../i18n/translate';
import type { Speaker } from './speaker';
import { spokenText } from './spoken-text';

export type VoiceInUse = { kind: 'device'; name: string } | { kind: 'local'; name: string };

export interface LocalVoiceInfo {
  name: string;
  languages: Language[];
}

/** The voice for `language`, given the OS voice's name (null: none) and the local engine. */
export function pickVoice(language: Language, deviceVoice: string | null, local: LocalVoiceInfo | null): VoiceInUse | null {
  if (deviceVoice) return { kind: 'device', name: deviceVoice };
  if (local && local.languages.includes(language)) return { kind: 'local', name: local.name };
  return null;
}

/** The OS side: the name of its voice for a language (null: none), and a speaker using it. */
export interface DeviceVoices {
  voiceName(language: Language): string | null;
  speaker: Speaker;
}

/** Speaks through `speaker` with the text prepared for a voice (numbers, phone digits, times). */
export function withSpokenText(speaker: Speaker): Speaker {
  return {
    speak: (u, opts) => speaker.speak({ ...u, text: spokenText(u.text, u.language) }, opts),
    stop: () => speaker.stop(),
  };
}

/**
 * A speaker that routes each utterance to the OS voice or the local engine.
 * Switching engines mid-visit (an English line after a Korean one) stops the
 * other engine first when the new utterance interrupts, so two voices never
 * talk over each other.
 */
export function createAutoSpeaker(device: DeviceVoices | null, local: { info: LocalVoiceInfo; speaker: Speaker } | null): Speaker {
  const deviceSpeaker = device ? withSpokenText(device.speaker) : null;
  const localSpeaker = local ? withSpokenText(local.speaker) : null;
  return {
    speak(u, opts) {
      const choice = pickVoice(u.language, device?.voiceName(u.language) ?? null, local?.info ?? null);
      if (!choice) return;
      const [use, other] = choice.kind === 'device' ? [deviceSpeaker, localSpeaker] : [localSpeaker, deviceSpeaker];
      if (opts?.interrupt ?? true) other?.stop();
      use?.speak(u, opts);
    },
    stop() {
      deviceSpeaker?.stop();
      localSpeaker?.stop();
    },
  };
}
