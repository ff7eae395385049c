/** Accessibility actions: module functions, callable from the menu, the keypad and tests. */
import { api } from '../api/client';
import { translate } from '../i18n/translate';
import type { MessageKey } from '../i18n/ko';
import { useSessionStore } from '../stores/session-store';
import { announce, announceKey, setSpeaker } from './announcer';
import { useA11ySettings, useA11yStore, type A11yOption } from './a11y-store';
import { createCommandSpeaker } from './command-speaker';
import { createRecordingSpeaker, testFlagSet } from './recording-speaker';
import { silentSpeaker } from './speaker';
import { createWebSpeechSpeaker, webSpeechAvailable, webVoiceFor } from './web-speech-speaker';
import { createAutoSpeaker, withSpokenText } from './voice-choice';

const OPTION_NAME: Record<A11yOption, MessageKey> = {
  voice: 'a11y.voice.name',
  contrast: 'a11y.contrast.name',
  large: 'a11y.large.name',
  low: 'a11y.low.name',
};

/** Reads the kiosk's keypad keys and reach band, and picks the speaker driver. */
export async function loadA11ySettings(): Promise<void> {
  const r = await api()
    .call('a11y.config', {})
    .catch(() => null);
  if (r?.ok) useA11ySettings.setState({ settings: r.value });
  const speakerKind = r?.ok ? r.value.speaker : 'web';
  const localVoice = r?.ok ? r.value.localVoice : null;
  const web = webSpeechAvailable();
  if (web) {
    // The menu says which voice is in use; OS voices may only arrive after the page loaded.
    const update = () => useA11ySettings.setState({ deviceVoices: { ko: webVoiceFor('ko')?.name ?? null, en: webVoiceFor('en')?.name ?? null } });
    update();
    window.speechSynthesis.addEventListener?.('voiceschanged', update);
  }
  if (testFlagSet()) {
    const rec = window.__itdaSpeech ?? createRecordingSpeaker();
    window.__itdaSpeech = rec;
    setSpeaker(rec);
  } else if (speakerKind === 'command') setSpeaker(withSpokenText(createCommandSpeaker()));
  else if (!web && !localVoice) setSpeaker(silentSpeaker);
  else {
    setSpeaker(
      createAutoSpeaker(
        web ? { voiceName: (lang) => webVoiceFor(lang)?.name ?? null, speaker: createWebSpeechSpeaker() } : null,
        localVoice ? { info: localVoice, speaker: createCommandSpeaker() } : null,
      ),
    );
  }
}

function optionName(option: A11yOption): string {
  return translate(useSessionStore.getState().language, OPTION_NAME[option]);
}

export function setOption(option: A11yOption, on: boolean): void {
  if (useA11yStore.getState()[option] === on) return;
  if (option === 'voice' && !on) {
    // Said while the voice is still on, so the visitor hears it went off.
    announceKey('a11y.say.turnedOff', { name: optionName(option) }, 'result', { live: true });
  }
  useA11yStore.setState({ [option]: on } as Partial<Record<A11yOption, boolean>>);
  if (option === 'voice') {
    if (on) announceKey('a11y.say.voiceOn', undefined, 'screen');
    return;
  }
  announceKey(on ? 'a11y.say.turnedOn' : 'a11y.say.turnedOff', { name: optionName(option) }, 'result', { live: true });
}

export function toggleOption(option: A11yOption): void {
  setOption(option, !useA11yStore.getState()[option]);
}

/** Keypad use on a kiosk with voice off: speech starts, once per visit (the visitor can turn it off in the menu). */
export function keypadUsed(): void {
  const s = useA11yStore.getState();
  if (s.keypadVoiceOffered) return;
  useA11yStore.setState({ keypadVoiceOffered: true });
  if (!s.voice) setOption('voice', true);
}

const clamp = (v: number, lo: number, hi: number) => Math.round(Math.min(hi, Math.max(lo, v)) * 10) / 10;

export function changeVolume(step: 1 | -1): void {
  const volume = clamp(useA11yStore.getState().volume + step * 0.2, 0.2, 1);
  useA11yStore.setState({ volume });
  announceKey('a11y.say.volume', { value: volumeLevel(volume) }, 'result', { live: true });
}

export function changeRate(step: 1 | -1): void {
  const rate = clamp(useA11yStore.getState().rate + step * 0.2, 0.6, 1.6);
  useA11yStore.setState({ rate });
  announceKey('a11y.say.rate', { value: rateLevel(rate) }, 'result', { live: true });
}

/** 1–5, as a visitor would count it. */
export function volumeLevel(volume: number): number {
  return Math.round(volume * 5);
}

/** 1–6, 3 = normal. */
export function rateLevel(rate: number): number {
  return Math.round((rate - 0.6) * 5) + 1;
}

export function openA11yMenu(): void {
  useA11yStore.setState({ menuOpen: true });
}

export function closeA11yMenu(): void {
  if (!useA11yStore.getState().menuOpen) return;
  useA11yStore.setState({ menuOpen: false });
}

export { announce };
