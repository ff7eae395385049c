import { existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diskFreeBytes, trimForSpace, trimOldPreviews } from './disk-guard';
import { makeTempDir } from '../../../test/support/temp-dir';

let dir: ReturnType<typeof makeTempDir>;
afterEach(() => dir?.remove());

function file(path: string, bytes: number, day: number) {
  writeFileSync(path, 'x'.repeat(bytes));
  utimesSync(path, new Date(Date.UTC(2026, 11, day)), new Date(Date.UTC(2026, 11, day)));
}

/** A data dir on a pretend disk whose free space is `capacity` minus what the files hold. */
function dataDir(capacity: number) {
  dir = makeTempDir();
  const logs = join(dir.path, 'logs');
  const previews = join(dir.path, 'printer-sim');
  mkdirSync(logs);
  mkdirSync(previews);
  file(join(dir.path, 'itda.db'), 500, 1);
  file(join(dir.path, 'itda.db-wal'), 300, 1);
  file(join(logs, 'itda.log.20261201T030000Z'), 100, 1);
  file(join(logs, 'itda.log.20261202T030000Z'), 100, 2);
  file(join(logs, 'itda.log'), 100, 5);
  file(join(previews, 'job-1.png'), 100, 1);
  file(join(previews, 'job-2.png'), 100, 3);
  const held = () =>
    [
      'itda.db',
      'itda.db-wal',
      'logs/itda.log.20261201T030000Z',
      'logs/itda.log.20261202T030000Z',
      'logs/itda.log',
      'printer-sim/job-1.png',
      'printer-sim/job-2.png',
    ].reduce((sum, f) => sum + (existsSync(join(dir.path, f)) ? statSync(join(dir.path, f)).size : 0), 0);
  return { logs, previews, freeBytes: () => capacity - held() };
}

describe('trimForSpace', () => {
  it('does nothing while there is room', () => {
    const d = dataDir(10_000);
    expect(trimForSpace({ logsDir: d.logs, previewDirs: [d.previews], minFreeBytes: 100, freeBytes: d.freeBytes }).removedFiles).toBe(0);
  });

  it('removes rotated logs first, then old previews, stopping once there is room', () => {
    const d = dataDir(1_500); // holds 1,300: 200 free
    const r = trimForSpace({ logsDir: d.logs, previewDirs: [d.previews], minFreeBytes: 450, freeBytes: d.freeBytes });
    expect(r).toEqual({ removedFiles: 3, freedBytes: 300, freeAfter: 500 });
    expect(existsSync(join(d.logs, 'itda.log.20261201T030000Z'))).toBe(false);
    expect(existsSync(join(d.logs, 'itda.log.20261202T030000Z'))).toBe(false);
    expect(existsSync(join(d.previews, 'job-1.png'))).toBe(false);
    expect(existsSync(join(d.previews, 'job-2.png'))).toBe(true);
    expect(readFileSync(join(d.logs, 'itda.log'), 'utf8')).toHaveLength(100);
  });

  it('empties the live log as a last resort, and never touches the database or its WAL', () => {
    const d = dataDir(1_300); // full
    const r = trimForSpace({ logsDir: d.logs, previewDirs: [d.previews], minFreeBytes: 10_000, freeBytes: d.freeBytes });
    expect(r.removedFiles).toBe(4);
    expect(readFileSync(join(d.logs, 'itda.log'), 'utf8')).toBe('');
    expect(statSync(join(dir.path, 'itda.db')).size).toBe(500);
    expect(statSync(join(dir.path, 'itda.db-wal')).size).toBe(300);
  });
});

describe('trimOldPreviews', () => {
  it('removes previews older than the cut-off only', () => {
    const d = dataDir(10_000);
    expect(trimOldPreviews([d.previews], Date.UTC(2026, 11, 2))).toBe(1);
    expect(existsSync(join(d.previews, 'job-2.png'))).toBe(true);
  });
});

describe('diskFreeBytes', () => {
  it('reads the real free space of a folder', () => {
    dir = makeTempDir();
    expect(diskFreeBytes(dir.path)).toBeGreaterThan(0);
  });
});
