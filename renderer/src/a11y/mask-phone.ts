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

/**
 * `01012345678` or `010-1234-5678` → `010-****-5678`. Works while typing
 * too (`0101234` → `010-****`, `01012345` → `010-****-5`): the area code
 * and the last four show, the middle never does.
 */
export function maskPhone(raw: string): string {
  const d = digitsOf(raw);
  const headLen = d.startsWith('02') ? 2 : 3;
  if (d.length <= headLen) return d;
  // A complete number: what is left after the last four; while typing: a mobile's four.
  const midLen = d.length >= headLen + 7 ? d.length - headLen - 4 : 4;
  const head = d.slice(0, headLen);
  const mid = '*'.repeat(Math.min(midLen, d.length - headLen));
  const tail = d.slice(headLen + midLen);
  return [head, mid, tail].filter(Boolean).join('-');
}

/** What the speaker says for a phone number: only its last four digits, one by one. */
export function spokenPhone(raw: string, lang: Language): string {
  const d = digitsOf(raw);
  // At most four, and never the head: "010" alone stays unsaid.
  const n = Math.min(4, Math.max(0, d.length - 3));
  const last = n > 0 ? d.slice(-n) : '';
  return translate(lang, 'a11y.phone.masked', { last: last.split('').join(' ') });
}
