/**
 * The visitor's accessibility options. They last the whole visit (a
 * 'session' visitor store) and are cleared when the session resets, so the
 * next visitor starts from the plain kiosk. The kiosk's own settings
 * (keypad keys, reach band) come from `a11y.config` and stay.
 */
import { create } from 'zustand';
import type { ApiOutput } from '../../../electron/contract/api';
import { registerVisitorStore } from '../stores/visitor-reset';

export type A11ySettings = ApiOutput<'a11y.config'>;
export type A11yOption = 'voice' | 'contrast' | 'large' | 'low';
export const A11Y_OPTIONS: A11yOption[] = ['voice', 'contrast', 'large', 'low'];

export interface A11yState {
  voice: boolean;
  contrast: boolean;
  large: boolean;
  low: boolean;
  menuOpen: boolean;
  /** 0.2–1 in steps of 0.2. */
  volume: number;
  /** 0.6–1.6 in steps of 0.2. */
  rate: number;
  /** Keypad use turns voice guidance on once per visit (the barrier-free kiosk standard's "earphone or keypad starts speech"). */
  keypadVoiceOffered: boolean;
}

export const initialA11yState = (): A11yState => ({
  voice: false,
  contrast: false,
  large: false,
  low: false,
  menuOpen: false,
  volume: 1,
  rate: 1,
  keypadVoiceOffered: false,
});

export const useA11yStore = create<A11yState>(initialA11yState);
export const useA11ySettings = create<{ settings: A11ySettings; deviceVoices: Record<'ko' | 'en', string | null> }>(() => ({
  settings: { keys: { replay: 'F2', menu: 'F1', volumeUp: 'F3', volumeDown: 'F4' }, reach: { top: 0.45, bottom: 1 }, speaker: 'web', localVoice: null },
  /** The OS voice's name per language (null: none); OS voices arrive late, so this follows `voiceschanged`. */
  deviceVoices: { ko: null, en: null },
}));

registerVisitorStore(() => useA11yStore.setState(initialA11yState()), 'session');

export function anyOptionOn(s: A11yState = useA11yStore.getState()): boolean {
  return s.voice || s.contrast || s.large || s.low;
}

/** "More time": idle waits and automatic returns are this many times longer while any option is on. */
export function moreTimeFactor(s: A11yState = useA11yStore.getState()): number {
  return anyOptionOn(s) ? 2 : 1;
}

export function useMoreTimeFactor(): number {
  return useA11yStore((s) => moreTimeFactor(s));
}
