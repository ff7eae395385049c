/** Seoul slot starts (`2026-11-27T14:10`) as the screen shows them; the same words as the ticket. */
import type { Language } from '../../i18n/translate';

const KO_DAYS = ['일', '월', '화', '수', '목', '금', '토'];
const EN_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatSlotDay(day: string, lang: Language): string {
  const [, m, d] = day.split('-').map(Number) as [number, number, number];
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return lang === 'ko' ? `${m}월 ${d}일 (${KO_DAYS[wd]})` : `${EN_DAYS[wd]} ${d} ${EN_MONTHS[m - 1]}`;
}

export function formatSlotTime(start: string): string {
  return start.slice(11, 16);
}

export function formatSlot(start: string, lang: Language): string {
  return lang === 'ko' ? `${formatSlotDay(start.slice(0, 10), lang)} ${formatSlotTime(start)}` : `${formatSlotDay(start.slice(0, 10), lang)}, ${formatSlotTime(start)}`;
}
