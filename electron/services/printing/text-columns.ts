/**
 * Column arithmetic for text mode. A character's width on the printer is
 * its CP949 byte count: one byte prints in a 12-dot cell, two bytes (Hangul,
 * Hanja, symbols) print as one 24-dot double-byte glyph.
 */
import { iconvModule } from '../app/lazy-module';

const widthCache = new Map<string, number>();

export function charColumns(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (code < 0x80) return 1;
  let w = widthCache.get(ch);
  if (w === undefined) {
    w = Math.min(2, encodeCp949(ch).length);
    widthCache.set(ch, w);
  }
  return w;
}

export function textColumns(s: string): number {
  let n = 0;
  for (const ch of s) n += charColumns(ch);
  return n;
}

/** UTF-8 never reaches the printer: unknown characters become `?` (one byte). */
export function encodeCp949(s: string): Buffer {
  return iconvModule().encode(s, 'cp949');
}

/** Wraps to a column count, at spaces where possible. */
export function wrapColumns(text: string, columns: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let lineCols = 0;
    for (const word of para.split(' ')) {
      const wc = textColumns(word);
      const sep = line === '' ? 0 : 1;
      if (lineCols + sep + wc <= columns) {
        line += (sep ? ' ' : '') + word;
        lineCols += sep + wc;
        continue;
      }
      if (line !== '') out.push(line);
      line = '';
      lineCols = 0;
      for (const ch of word) {
        const cc = charColumns(ch);
        if (lineCols + cc > columns) {
          out.push(line);
          line = '';
          lineCols = 0;
        }
        line += ch;
        lineCols += cc;
      }
    }
    out.push(line);
  }
  return out;
}

/** `left` then spaces then `right`, exactly `columns` wide; null when both do not fit on one line. */
export function padPair(left: string, right: string, columns: number): string | null {
  const gap = columns - textColumns(left) - textColumns(right);
  if (gap < 1) return null;
  return left + ' '.repeat(gap) + right;
}
