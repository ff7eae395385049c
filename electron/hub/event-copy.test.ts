import { describe, expect, it } from 'vitest';
import { copyField, copyRows } from './event-copy';

/** COPY's text format read back the way PostgreSQL reads it: fields split on raw tabs, then `\\x` escapes undone. */
function readCopyLine(line: string): string[] {
  return line.split('\t').map((f) => f.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r', '\\': '\\' })[c] ?? c));
}

describe('COPY text for events', () => {
  it('leaves plain values as they are', () => {
    expect(copyField('pharmacy.prescribed')).toBe('pharmacy.prescribed');
    expect(copyField('2026-12-06T03:00:00.000Z')).toBe('2026-12-06T03:00:00.000Z');
    expect(copyField('약국 처방 ☎')).toBe('약국 처방 ☎');
  });

  it('escapes exactly backslash, tab, newline and carriage return', () => {
    expect(copyField('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyField('\\.')).toBe('\\\\.');
  });

  it('writes one line per event whose fields read back to what the kiosk sent', () => {
    const events = [
      { seq: 7, id: 'id\twith\ttabs', at: '2026-12-06T03:00:00.000Z', type: 'x.y', payloadJson: JSON.stringify({ note: 'line one\nline two', path: 'C:\\temp', quote: '"', ko: '외로움안녕' }) },
      { seq: 8, id: 'plain', at: '2026-12-06T12:00:00+09:00', type: 'a\\b', payloadJson: '{\n\t"pretty": true\n}' },
    ];
    const text = copyRows('kiosk-1', events);
    const lines = text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    const first = readCopyLine(lines[0]);
    expect(first).toEqual(['kiosk-1', '7', 'id\twith\ttabs', '2026-12-06T03:00:00.000Z', 'x.y', events[0].payloadJson]);
    // A pretty-printed payload keeps its whitespace, escaped.
    expect(lines[1].endsWith('\ta\\\\b\t{\\n\\t"pretty": true\\n}')).toBe(true);
    expect(readCopyLine(lines[1])).toEqual(['kiosk-1', '8', 'plain', '2026-12-06T12:00:00+09:00', 'a\\b', '{\n\t"pretty": true\n}']);
  });
});
