/** `t(key, params)` over the ko/en catalogs. Unknown error keys fall back to the generic message. */
import { en } from './en';
import { ko, type MessageKey } from './ko';

export type Language = 'ko' | 'en';

const catalogs: Record<Language, Record<MessageKey, string>> = { ko, en };

export function translate(lang: Language, key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogs[lang][key] ?? catalogs.ko[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A message key that came from a service (`errors.printer.paper_out`): may be unknown to this build. */
export function translateDynamic(lang: Language, key: string, params?: Record<string, string | number>): string {
  if (key in ko) return translate(lang, key as MessageKey, params);
  return translate(lang, 'errors.internal');
}

export function isMessageKey(key: string): key is MessageKey {
  return key in ko;
}
