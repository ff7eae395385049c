/**
 * The announcer: what the kiosk tells the visitor, by voice (when voice
 * guidance is on) and always through a polite live region for assistive
 * technology.
 *
 * - `screen`: a screen (or dialog) opened: what it is and what can be done.
 * - `focus`: the control that got focus: its name and role.
 * - `result`: what an action did ("High contrast is on"); with `live` it
 *   also goes to the live region (only for text the screen does not show).
 * Replay repeats the last screen or result announcement.
 */
import { create } from 'zustand';
import { translate, type Language } from '../i18n/translate';
import type { MessageKey } from '../i18n/ko';
import { useSessionStore } from '../stores/session-store';
import { registerVisitorStore } from '../stores/visitor-reset';
import { silentSpeaker, type Speaker } from './speaker';
import { useA11yStore } from './a11y-store';

export type AnnouncementKind = 'screen' | 'focus' | 'result';

interface AnnouncerState {
  /** The text in the live region (screen readers read it when it changes). */
  live: string;
  /** The last screen or result announcement, for replay. */
  last: { text: string; language: Language } | null;
}

export const useAnnouncerStore = create<AnnouncerState>(() => ({ live: '', last: null }));
registerVisitorStore(() => useAnnouncerStore.setState({ live: '', last: null }), 'session');

let speaker: Speaker = silentSpeaker;
let lastScreenAt = -Infinity;

export function setSpeaker(s: Speaker): void {
  speaker.stop();
  speaker = s;
}

export function currentSpeaker(): Speaker {
  return speaker;
}

function speak(text: string, language: Language, interrupt: boolean): void {
  const { voice, rate, volume } = useA11yStore.getState();
  if (!voice) return;
  speaker.speak({ text, language, rate, volume }, { interrupt });
}

/**
 * Says `text` now. A screen announcement interrupts anything playing; a
 * focus change right after a screen opened waits its turn, so the screen's
 * own announcement is heard whole.
 */
export function announce(text: string, kind: AnnouncementKind = 'result', opts: { live?: boolean } = {}): void {
  const language = useSessionStore.getState().language;
  const now = performance.now();
  let interrupt = true;
  if (kind === 'screen') lastScreenAt = now;
  else if (kind === 'focus' && now - lastScreenAt < 400) interrupt = false;
  else if (kind === 'result') interrupt = false;
  if (kind !== 'focus') {
    useAnnouncerStore.setState({ last: { text, language } });
    // Screen readers already read a focused heading and the screens' own role=status texts; the
    // live region carries only results shown nowhere else (an option turned on, the volume).
    if (opts.live) useAnnouncerStore.setState({ live: text });
  }
  speak(text, language, interrupt);
}

/** Announces a catalog message in the visitor's language. */
export function announceKey(key: MessageKey, params?: Record<string, string | number>, kind: AnnouncementKind = 'result', opts: { live?: boolean } = {}): void {
  announce(translate(useSessionStore.getState().language, key, params), kind, opts);
}

export function replay(): void {
  const last = useAnnouncerStore.getState().last;
  if (!last) {
    announceKey('a11y.say.nothingToReplay');
    return;
  }
  speak(last.text, last.language, true);
}

export function stopSpeaking(): void {
  speaker.stop();
}
