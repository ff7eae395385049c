/** Times as venue staff read them: Seoul's clock, in the console's language. */
import type { Language } from '../../i18n/translate';

const locale = (lang: Language) => (lang === 'ko' ? 'ko-KR' : 'en-GB');

export function timeOf(iso: string, lang: Language): string {
  return new Date(iso).toLocaleTimeString(locale(lang), { timeZone: 'Asia/Seoul', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** Today's times as "14:05"; other days with the date ("12/3 14:05"). */
export function whenOf(iso: string, lang: Language, now = new Date()): string {
  const day = (d: Date) => d.toLocaleDateString('en-CA', { timeZone: 'Asia/Seoul' });
  const d = new Date(iso);
  if (day(d) === day(now)) return timeOf(iso, lang);
  return `${d.toLocaleDateString(locale(lang), { timeZone: 'Asia/Seoul', month: 'numeric', day: 'numeric' })} ${timeOf(iso, lang)}`;
}
