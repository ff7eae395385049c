/** The hook components use for text: `const t = useT(); t('home.title')`. */
import { useCallback } from 'react';
import { useSessionStore } from '../stores/session-store';
import { translate, translateDynamic, type Language } from './translate';
import type { MessageKey } from './ko';

export function useT() {
  const lang = useSessionStore((s) => s.language);
  return useCallback((key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params), [lang]);
}

export function useTDynamic() {
  const lang = useSessionStore((s) => s.language);
  return useCallback((key: string, params?: Record<string, string | number>) => translateDynamic(lang, key, params), [lang]);
}

export function useLanguage(): Language {
  return useSessionStore((s) => s.language);
}
