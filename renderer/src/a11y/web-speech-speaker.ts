/** Speaks with the browser's (the OS's) voices: a Korean voice for Korean text, an English one for English. */
import type { Speaker, Utterance } from './speaker';

const LOCALE = { ko: 'ko-KR', en: 'en-US' } as const;

export function webSpeechAvailable(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined';
}

/** The OS voice for a language, or null when the OS has none (Linux kiosks: none at all). */
export function webVoiceFor(lang: Utterance['language'], synth: SpeechSynthesis = window.speechSynthesis): SpeechSynthesisVoice | null {
  const voices = synth.getVoices();
  const locale = LOCALE[lang];
  return voices.find((v) => v.lang === locale) ?? voices.find((v) => v.lang.toLowerCase().startsWith(lang)) ?? null;
}

export function createWebSpeechSpeaker(synth: SpeechSynthesis = window.speechSynthesis): Speaker {
  const voiceFor = (lang: Utterance['language']) => webVoiceFor(lang, synth);
  return {
    speak(u, opts) {
      if (opts?.interrupt ?? true) synth.cancel();
      const utt = new SpeechSynthesisUtterance(u.text);
      utt.lang = LOCALE[u.language];
      const voice = voiceFor(u.language);
      if (voice) utt.voice = voice;
      utt.rate = u.rate;
      utt.volume = u.volume;
      synth.speak(utt);
    },
    stop() {
      synth.cancel();
    },
  };
}
