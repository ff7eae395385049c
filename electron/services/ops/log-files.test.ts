import { readdirSync, readFileSync, writeFileSync, appendFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rotateLogs, rotatedLogs } from './log-files';
import { makeTempDir } from '../../../test/support/temp-dir';

let dir: ReturnType<typeof makeTempDir>;
afterEach(() => dir?.remove());

describe('rotateLogs', () => {
  it('copies a log over the limit aside and empties it in place (its writer keeps appending)', () => {
    dir = makeTempDir();
    const log = join(dir.path, 'browser.log');
    writeFileSync(log, 'x'.repeat(2000));
    writeFileSync(join(dir.path, 'small.log'), 'ok');
    // The kiosk's own log rotates itself: left alone here whatever its size.
    writeFileSync(join(dir.path, 'itda.log'), 'y'.repeat(2000));
    const r = rotateLogs(dir.path, { maxBytes: 1000, keep: 3, now: new Date('2026-12-05T03:00:00Z') });
    expect(r).toEqual({ rotated: 1, removed: 0 });
    expect(readFileSync(log, 'utf8')).toBe('');
    expect(readFileSync(join(dir.path, 'browser.log.20261205T030000Z'), 'utf8')).toHaveLength(2000);
    expect(readFileSync(join(dir.path, 'itda.log'), 'utf8')).toHaveLength(2000);
    appendFileSync(log, 'next line\n');
    expect(readFileSync(log, 'utf8')).toBe('next line\n');
    expect(readFileSync(join(dir.path, 'small.log'), 'utf8')).toBe('ok');
  });

  it('keeps only the newest copies of each log, and never touches other files', () => {
    dir = makeTempDir();
    for (let i = 1; i <= 4; i++) {
      const f = join(dir.path, `browser.log.2026120${i}T030000Z`);
      writeFileSync(f, String(i));
      utimesSync(f, new Date(Date.UTC(2026, 11, i)), new Date(Date.UTC(2026, 11, i)));
    }
    writeFileSync(join(dir.path, 'itda.db'), 'database');
    // The logger's own copies are the logger's to keep.
    writeFileSync(join(dir.path, 'itda.log.1'), 'i');
    const r = rotateLogs(dir.path, { maxBytes: 1000, keep: 2, now: new Date('2026-12-05T03:00:00Z') });
    expect(r.removed).toBe(2);
    expect(readdirSync(dir.path).sort()).toEqual(['browser.log.20261203T030000Z', 'browser.log.20261204T030000Z', 'itda.db', 'itda.log.1']);
    // Oldest first by modification time (the logger's copy was written just now).
    expect(rotatedLogs(dir.path).map((f) => f.path.slice(dir.path.length + 1))).toEqual([
      'browser.log.20261203T030000Z',
      'browser.log.20261204T030000Z',
      'itda.log.1',
    ]);
  });

  it('gives a second rotation in the same second its own name', () => {
    dir = makeTempDir();
    const log = join(dir.path, 'browser.log');
    const now = new Date('2026-12-05T03:00:00Z');
    writeFileSync(log, 'a'.repeat(20));
    rotateLogs(dir.path, { maxBytes: 10, keep: 5, now });
    writeFileSync(log, 'b'.repeat(20));
    rotateLogs(dir.path, { maxBytes: 10, keep: 5, now });
    expect(readdirSync(dir.path).sort()).toEqual(['browser.log', 'browser.log.20261205T030000Z', 'browser.log.20261205T030000Z-1']);
  });
});
