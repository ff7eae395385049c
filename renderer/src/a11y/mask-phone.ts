/**
 * Phone numbers on screen and in speech: never in full. A visitor's number
 * shows as `010-****-5678` and is read as "the number ending in 5 6 7 8", so
 * a person standing behind them learns nothing useful. Use these wherever a
 * screen shows a number a visitor typed (check-in), and always in large type.
 */
import { translate, type Language } from '../i18n/translate';

function digitsOf(raw: string): string {
  return raw.replace(/\D/g, '');
}

/** `01012345678` or `010-1234-5678` → `010-****-5678`; short input shows only its last digits. */
export function maskPhone(raw: string): string {
  const d = digitsOf(raw);
  if (d.length < 7) return d.length <= 2 ? '*'.repeat(d.length) : `${'*'.repeat(d.length - 2)}${d.slice(-2)}`;
  const head = d.startsWith('02') ? d.slice(0, 2) : d.slice(0, 3);
  const last = d.slice(-4);
  const middle = d.length - head.length - last.length;
  return `${head}-${'*'.repeat(middle)}-${last}`;
}

/** What the speaker says for a phone number: only its last four digits, one by one. */
export function spokenPhone(raw: string, lang: Language): string {
  const d = digitsOf(raw);
  // At most four, and never the head: "010" alone stays unsaid.
  const n = Math.min(4, Math.max(0, d.length - 3));
  const last = n > 0 ? d.slice(-n) : '';
  return translate(lang, 'a11y.phone.masked', { last: last.split('').join(' ') });
}
