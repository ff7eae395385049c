/**
 * The visitor session's UI state: which screen, which language, the idle
 * prompt, the staff-call toast. Domain state (stock, queues, devices) is not
 * here: it comes from services.
 */
import { create } from 'zustand';
import type { Language } from '../i18n/translate';
import { registerVisitorStore } from './visitor-reset';

/** Screens of the shell; flows add theirs. Stable ids: they appear in events and test ids. */
export type ScreenId = 'attract' | 'home' | 'pharmacy' | 'store' | 'unavailable' | 'staff';

export interface SessionState {
  screen: ScreenId;
  language: Language;
  /** Seconds left on the "Are you still there?" countdown, or null when it is not showing. */
  idleRemaining: number | null;
  staffCall: 'idle' | 'calling' | 'called' | 'failed';
}

export const initialSessionState = (language: Language = 'ko'): SessionState => ({
  screen: 'attract',
  language,
  idleRemaining: null,
  staffCall: 'idle',
});

export const useSessionStore = create<SessionState>(() => initialSessionState());

/** The kiosk's default language, from config; a reset returns to it. */
let defaultLanguage: Language = 'ko';
export function setDefaultLanguage(lang: Language) {
  defaultLanguage = lang;
}

registerVisitorStore(() => useSessionStore.setState(initialSessionState(defaultLanguage)));
