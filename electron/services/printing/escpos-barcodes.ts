/**
 * `GS k` barcodes drawn as bars, as the printer would, so a simulated slip
 * shows (and a scanner reads) the symbol, not its digits. Systems: UPC-A,
 * EAN-13, EAN-8, CODE39 and CODE128 (with ESC/POS's `{A` `{B` `{C` code-set
 * prefixes). Others come back null: the simulator draws a labelled box.
 * Pure: system + data → module pattern (true = bar).
 */

/** `GS k m`: system names for both forms (m 0-6 NUL-terminated, m 65-73 length-prefixed). */
export function barcodeSystem(m: number): string {
  const names = ['UPC-A', 'UPC-E', 'EAN13', 'EAN8', 'CODE39', 'ITF', 'CODABAR', 'CODE93', 'CODE128'];
  if (m <= 6) return names[m];
  if (m >= 65 && m <= 73) return names[m - 65];
  return `system ${m}`;
}

const L = ['0001101', '0011001', '0010011', '0111101', '0100011', '0110001', '0101111', '0111011', '0110111', '0001011'];
const R = L.map((p) => [...p].map((c) => (c === '0' ? '1' : '0')).join(''));
const G = R.map((p) => [...p].reverse().join(''));
const EAN_PARITY = ['LLLLLL', 'LLGLGG', 'LLGGLG', 'LLGGGL', 'LGLLGG', 'LGGLLG', 'LGGGLL', 'LGLGLG', 'LGLGGL', 'LGGLGL'];

function eanCheck(digits: string): number {
  let sum = 0;
  const rev = [...digits].reverse();
  rev.forEach((d, i) => (sum += Number(d) * (i % 2 === 0 ? 3 : 1)));
  return (10 - (sum % 10)) % 10;
}

function ean13(data: string): string | null {
  if (!/^\d{12,13}$/.test(data)) return null;
  const d = data.length === 12 ? data + eanCheck(data) : data;
  const parity = EAN_PARITY[Number(d[0])];
  let s = '101';
  for (let i = 1; i <= 6; i++) s += (parity[i - 1] === 'L' ? L : G)[Number(d[i])];
  s += '01010';
  for (let i = 7; i <= 12; i++) s += R[Number(d[i])];
  return s + '101';
}

function ean8(data: string): string | null {
  if (!/^\d{7,8}$/.test(data)) return null;
  const d = data.length === 7 ? data + eanCheck(data) : data;
  let s = '101';
  for (let i = 0; i < 4; i++) s += L[Number(d[i])];
  s += '01010';
  for (let i = 4; i < 8; i++) s += R[Number(d[i])];
  return s + '101';
}

const C39: Record<string, string> = {
  '0': 'nnnwwnwnn', '1': 'wnnwnnnnw', '2': 'nnwwnnnnw', '3': 'wnwwnnnnn', '4': 'nnnwwnnnw', '5': 'wnnwwnnnn',
  '6': 'nnwwwnnnn', '7': 'nnnwnnwnw', '8': 'wnnwnnwnn', '9': 'nnwwnnwnn', A: 'wnnnnwnnw', B: 'nnwnnwnnw',
  C: 'wnwnnwnnn', D: 'nnnnwwnnw', E: 'wnnnwwnnn', F: 'nnwnwwnnn', G: 'nnnnnwwnw', H: 'wnnnnwwnn',
  I: 'nnwnnwwnn', J: 'nnnnwwwnn', K: 'wnnnnnnww', L: 'nnwnnnnww', M: 'wnwnnnnwn', N: 'nnnnwnnww',
  O: 'wnnnwnnwn', P: 'nnwnwnnwn', Q: 'nnnnnnwww', R: 'wnnnnnwwn', S: 'nnwnnnwwn', T: 'nnnnwnwwn',
  U: 'wwnnnnnnw', V: 'nwwnnnnnw', W: 'wwwnnnnnn', X: 'nwnnwnnnw', Y: 'wwnnwnnnn', Z: 'nwwnwnnnn',
  '-': 'nwnnnnwnw', '.': 'wwnnnnwnn', ' ': 'nwwnnnwnn', '*': 'nwnnwnwnn', $: 'nwnwnwnnn', '/': 'nwnwnnnwn',
  '+': 'nwnnnwnwn', '%': 'nnnwnwnwn',
};

function code39(data: string): string | null {
  const body = data.replace(/^\*|\*$/g, '');
  if (![...body].every((c) => C39[c] !== undefined) || body.includes('*')) return null;
  let s = '';
  for (const ch of `*${body}*`) {
    [...C39[ch]].forEach((w, i) => (s += (i % 2 === 0 ? '1' : '0').repeat(w === 'w' ? 3 : 1)));
    s += '0';
  }
  return s.slice(0, -1);
}

/** Bar/space widths of the 107 CODE128 symbols (106 is the stop, with its final bar). */
const C128 = (
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 122132 122231 113222 ' +
  '123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 212123 212321 ' +
  '232121 111323 131123 131321 112313 132113 132311 211313 231113 231311 112133 112331 132131 113123 113321 133121 ' +
  '313121 211331 231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 314111 221411 431111 111224 ' +
  '111422 121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 ' +
  '111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 214121 412121 111143 111341 131141 114113 ' +
  '114311 411113 411311 113141 114131 311141 411131 211412 211214 211232 2331112'
).split(' ');

/** ESC/POS CODE128 data: `{A`/`{B`/`{C` select the code set (required first), `{{` is a literal `{`. */
function code128(data: string): string | null {
  const codes: number[] = [];
  let set: 'A' | 'B' | 'C' | null = null;
  for (let i = 0; i < data.length; ) {
    if (data[i] === '{' && i + 1 < data.length && 'ABC'.includes(data[i + 1])) {
      const next = data[i + 1] as 'A' | 'B' | 'C';
      if (set === null) codes.push({ A: 103, B: 104, C: 105 }[next]);
      else codes.push({ A: 101, B: 100, C: 99 }[next]);
      set = next;
      i += 2;
      continue;
    }
    const ch = data[i] === '{' && data[i + 1] === '{' ? '{' : data[i];
    const step = data[i] === '{' && data[i + 1] === '{' ? 2 : 1;
    if (set === null) return null;
    if (set === 'C') {
      const pair = data.slice(i, i + 2);
      if (!/^\d\d$/.test(pair)) return null;
      codes.push(Number(pair));
      i += 2;
      continue;
    }
    const c = ch.charCodeAt(0);
    if (set === 'B' && c >= 32 && c <= 127) codes.push(c - 32);
    else if (set === 'A' && c >= 32 && c <= 95) codes.push(c - 32);
    else if (set === 'A' && c < 32) codes.push(c + 64);
    else return null;
    i += step;
  }
  if (codes.length < 2) return null;
  const check = codes.reduce((sum, c, i) => sum + c * (i === 0 ? 1 : i), 0) % 103;
  let s = '';
  for (const c of [...codes, check, 106]) [...C128[c]].forEach((w, i) => (s += (i % 2 === 0 ? '1' : '0').repeat(Number(w))));
  return s;
}

/** The modules of a symbol (true = bar), or null when the system is not drawn or the data does not fit it. */
export function barcodeModules(system: string, data: string): boolean[] | null {
  let s: string | null = null;
  if (system === 'EAN13') s = ean13(data);
  else if (system === 'UPC-A') s = /^\d{11,12}$/.test(data) ? ean13(`0${data}`) : null;
  else if (system === 'EAN8') s = ean8(data);
  else if (system === 'CODE39') s = code39(data);
  else if (system === 'CODE128') s = code128(data);
  return s === null ? null : [...s].map((c) => c === '1');
}
