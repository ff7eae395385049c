/**
 * Screen text made ready for a voice: numbers, phone numbers, times and
 * dates as a Korean speaker says them, so neither the OS voice nor
 * espeak-ng reads "12번" as "일 이 번" or "02-120" as "이천백이십". Pure;
 * both speech engines (Web Speech and the local program) get the same text.
 *
 * Korean has two number readings, and which one depends on the word after:
 * - native (한, 두, 세 … 열두, 스무) for counting things, people, hours and
 *   ordinals: 3명 세 명, 2개 두 개, 오후 3시 오후 세 시, 3번째 세 번째;
 * - Sino-Korean (일, 이, 삼 … 십이) for minutes, days, months, money and
 *   numbers used as labels: 10분 십 분, 90일 구십 일, 12번 십이 번 (a
 *   queue caller says "십이 번 손님"; "열두 번" would mean "twelve times").
 * Phone numbers are read digit by digit in their groups, never as one
 * amount: 109 일공구, 02-120 공이 일이공.
 */
import type { Language } from '../i18n/translate';

const SINO_DIGITS = ['영', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];
/** Digits of a phone number: 0 is 공, as Koreans say phone numbers. */
const PHONE_DIGITS = ['공', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];
const NATIVE_ONES = ['', '한', '두', '세', '네', '다섯', '여섯', '일곱', '여덟', '아홉'];
const NATIVE_TENS = ['', '열', '스물', '서른', '마흔', '쉰', '예순', '일흔', '여든', '아흔'];

/** 0 … 9,999,999,999 in Sino-Korean: 12 십이, 120 백이십, 10,000 만. */
export function sinoKorean(n: number): string {
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n === 0) return '영';
  const groups: [number, string][] = [
    [100_000_000, '억'],
    [10_000, '만'],
  ];
  let out = '';
  let rest = n;
  for (const [size, name] of groups) {
    const g = Math.floor(rest / size);
    if (g > 0) out += `${g === 1 && name === '만' ? '' : belowTenThousand(g)}${name} `;
    rest %= size;
  }
  if (rest > 0) out += belowTenThousand(rest);
  return out.trim();
}

function belowTenThousand(n: number): string {
  const units = ['천', '백', '십', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  return digits
    .map((d, i) => (d === 0 ? '' : `${d === 1 && i < 3 ? '' : SINO_DIGITS[d]}${units[i]}`))
    .join('');
}

/**
 * 1 … 99 in native Korean, in the form before a counter word (한 명, 스무
 * 개); 100 and more fall back to Sino-Korean, as people say them.
 */
export function nativeKorean(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return sinoKorean(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (n === 20) return '스무';
  return `${NATIVE_TENS[tens]}${NATIVE_ONES[ones]}`;
}

/** "N번째": 1 is 첫 번째, the rest native (두 번째, 열두 번째). */
export function ordinalKorean(n: number): string {
  return n === 1 ? '첫' : nativeKorean(n);
}

/** A phone number digit by digit, its groups apart: "02-120" 공이 일이공. */
export function phoneKorean(phone: string): string {
  return phone
    .split(/[-\s]+/)
    .filter(Boolean)
    .map((g) => g.split('').map((d) => PHONE_DIGITS[Number(d)] ?? d).join(''))
    .join(', ');
}

/** 0–23 h and minutes as said on a clock: 14:10 오후 두 시 십 분, 09:30 오전 아홉 시 반. */
export function timeKorean(hour: number, minute: number): string {
  const half = hour < 12 ? '오전' : '오후';
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const m = minute === 0 ? '' : minute === 30 ? ' 반' : ` ${sinoKorean(minute)} 분`;
  return `${half} ${nativeKorean(h12)} 시${m}`;
}

/** Syllables that start a particle after a number (3이, 7인, 12에), not a counter word. */
const PARTICLES = '이가을를은는인에의도로과와만요';

const MONTHS: Record<number, string> = { 6: '유월', 10: '시월' };
const WEEKDAYS: Record<string, string> = { 일: '일요일', 월: '월요일', 화: '화요일', 수: '수요일', 목: '목요일', 금: '금요일', 토: '토요일' };

/** Counter words read with native numbers (the rest are Sino-Korean). */
const NATIVE_COUNTERS = ['명', '개', '시', '가지', '살', '자리', '마리', '잔', '분께', '사람', '군데', '번씩'];

/** A phone number where it stands: hyphenated (02-120, 010-1234-5678), or after ☎ / 전화. */
const PHONE_PATTERN = /(?<![\d.])0\d{1,2}-\d{3,4}(?:-\d{4})?(?![\d])/g;
const PHONE_AFTER_WORD = /(☎\s*|전화\s+)(\d{3,4})(?![\d-])/g;
/** Short public numbers written into a name or standing alone (외로움안녕120, 109): never amounts. */
const SERVICE_NUMBER = /(?<![\d.,:/-])(1\d{2})(?![\d:/.,]|\s*[번명개분초시일월년원살자가])/g;
const SERVICE_IN_NAME = /([가-힣])(1\d{2})(?![\d])/g;

/** Korean screen text → what a Korean voice should say. */
export function spokenKorean(text: string): string {
  let s = text;
  // Phone numbers first, before any digit is read as an amount.
  s = s.replace(/전화\s*☎\s*/g, '전화 ');
  s = s.replace(PHONE_PATTERN, (m) => phoneKorean(m));
  s = s.replace(PHONE_AFTER_WORD, (_m, lead: string, num: string) => `${lead.startsWith('☎') ? '전화 ' : lead}${phoneKorean(num)}`);
  s = s.replace(SERVICE_IN_NAME, (_m, ch: string, num: string) => `${ch} ${phoneKorean(num)}`);
  s = s.replace(SERVICE_NUMBER, (m) => phoneKorean(m));
  s = s.replace(/☎/g, '전화');
  // Clock times, then dates.
  s = s.replace(/(?<!\d)([01]?\d|2[0-3]):([0-5]\d)(?!\d)/g, (_m, h: string, m: string) => timeKorean(Number(h), Number(m)));
  s = s.replace(/(오전|오후|낮|밤|새벽|아침|저녁)\s*(\d{1,2})\s*시/g, (_m, part: string, h: string) => `${part} ${nativeKorean(Number(h))} 시`);
  s = s.replace(/(\d{1,2})\s*월\s*(\d{1,2})\s*일(?:\s*\(([일월화수목금토])\))?/g, (_m, mo: string, d: string, wd?: string) => {
    const month = MONTHS[Number(mo)] ?? `${sinoKorean(Number(mo))}월`;
    return `${month} ${sinoKorean(Number(d))} 일${wd ? ` ${WEEKDAYS[wd]}` : ''}`;
  });
  // "1/5" on a question's heading: the first of five.
  s = s.replace(/(?<!\d)(\d{1,2})\s*\/\s*(\d{1,2})(?!\d)/g, (_m, a: string, b: string) => `${nativeKorean(Number(b))} 개 가운데 ${ordinalKorean(Number(a))} 번째`);
  // Ordinals and native counters.
  s = s.replace(/(\d+)\s*번째/g, (_m, n: string) => `${ordinalKorean(Number(n))} 번째`);
  const counters = NATIVE_COUNTERS.join('|');
  s = s.replace(new RegExp(`(\\d+)\\s*(${counters})(?!간)`, 'g'), (_m, n: string, c: string) => `${nativeKorean(Number(n))} ${c}`);
  // Everything else is an amount or a label: Sino-Korean (10분 십 분, 12번 십이 번, 90일 구십 일).
  s = s.replace(/(\d{1,3}(?:,\d{3})+|\d+)(?=([가-힣])?)/g, (m, _n: string, next?: string) => {
    const digits = m.replace(/,/g, '');
    // A long run without separators (a code) is read digit by digit.
    if (digits.length > 10) return digits.split('').map((d) => SINO_DIGITS[Number(d)]).join(' ');
    // A counter word after the number is its own word (십 분, 오 번); a particle is not (칠인, 십이에).
    return `${sinoKorean(Number(digits))}${next && !PARTICLES.includes(next) ? ' ' : ''}`;
  });
  return s.replace(/\s*·\s*/g, ', ').replace(/\s*→\s*/g, ', ').replace(/ {2,}/g, ' ');
}

const EN_DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** English: phone numbers digit by digit in their groups; the rest English voices read well. */
export function spokenEnglish(text: string): string {
  const digits = (num: string) =>
    num
      .split(/[-\s]+/)
      .filter(Boolean)
      .map((g) => g.split('').map((d) => EN_DIGITS[Number(d)] ?? d).join(' '))
      .join(', ');
  return text
    .replace(PHONE_PATTERN, (m) => digits(m))
    .replace(/(☎\s*|call\s+|line\s+)(\d{3,4})(?![\d-])/gi, (_m, lead: string, num: string) => `${lead.startsWith('☎') ? 'call ' : lead}${digits(num)}`)
    .replace(/☎/g, 'phone')
    .replace(/\s*·\s*/g, ', ');
}

/** The text as the voice of `language` should say it. */
export function spokenText(text: string, language: Language): string {
  return language === 'ko' ? spokenKorean(text) : spokenEnglish(text);
}
