/**
 * Golden jobs as real client libraries send them (test/fixtures/printing,
 * built by build-fixtures.ts with node-thermal-printer and python-escpos
 * style bytes), decoded by the simulator to PNG and checked against a
 * second, independent reading: zbar reads the barcodes and QR codes off the
 * PNG, a tiny reference decoder in this file rebuilds the raster image, and
 * pixel checks find the known shapes where the bytes put them.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { getDot } from '../../electron/services/printing/mono-bitmap';
import { paperText, type PaperItem } from '../../electron/services/printing/paper-model';
import { renderPaper } from '../../electron/services/printing/paper-render';
import { PrinterSimCore, type SimJob } from '../../electron/services/printing/sim/printer-sim-core';

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'printing');
const hasZbar = spawnSync('zbarimg', ['--version']).status === 0;
const hasConvert = spawnSync('convert', ['-version']).status === 0;

function printJob(name: string): { items: PaperItem[]; png: Buffer; job: SimJob } {
  const jobs: SimJob[] = [];
  const core = new PrinterSimCore({ onJob: (j) => jobs.push(j) });
  const conn = core.connect(() => {}, () => {});
  conn.receive(readFileSync(join(FIXTURES, name)));
  conn.end();
  expect(jobs).toHaveLength(1);
  return { items: jobs[0].items, png: renderPaper(jobs[0].items, 576), job: jobs[0] };
}

async function pixels(png: Buffer): Promise<{ width: number; height: number; black(x: number, y: number): boolean }> {
  const img = await loadImage(png);
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height).data;
  return { width: img.width, height: img.height, black: (x, y) => data[(y * img.width + x) * 4] < 128 };
}

/** What zbar reads off the PNG, with a white border added (a scanner needs a quiet zone). */
function zbar(png: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'itda-golden-'));
  try {
    writeFileSync(join(dir, 'in.png'), png);
    spawnSync('convert', [join(dir, 'in.png'), '-bordercolor', 'white', '-border', '40', join(dir, 'out.png')]);
    const r = spawnSync('zbarimg', ['--raw', '-q', join(dir, 'out.png')], { encoding: 'utf8' });
    return r.stdout.split('\n').filter(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reference decoder: the first `GS v 0` of a job, rebuilt dot by dot, knowing nothing of ours. */
function referenceRaster(bytes: Buffer): { width: number; height: number; dot(x: number, y: number): boolean } {
  const at = bytes.indexOf(Buffer.from([0x1d, 0x76, 0x30]));
  const xBytes = bytes[at + 4] + bytes[at + 5] * 256;
  const rows = bytes[at + 6] + bytes[at + 7] * 256;
  const data = bytes.subarray(at + 8, at + 8 + xBytes * rows);
  return { width: xBytes * 8, height: rows, dot: (x, y) => ((data[y * xBytes + Math.floor(x / 8)] >> (7 - (x % 8))) & 1) === 1 };
}

describe('golden jobs from client libraries', () => {
  it('node-thermal-printer text: bold, underline, invert as styles, not garbage', () => {
    const { items } = printJob('ntp-text.bin');
    const text = paperText(items);
    expect(text).toContain('ITDA GOLDEN');
    expect(text).toContain('underlined words');
    expect(text).toContain('INVERTED');
    const runs = items.flatMap((i) => (i.kind === 'line' ? i.runs : []));
    expect(runs.find((r) => r.text === 'ITDA GOLDEN')).toMatchObject({ bold: true });
    expect(runs.find((r) => r.text === 'underlined words')).toMatchObject({ underline: 1 });
    expect(runs.find((r) => r.text === 'INVERTED')).toMatchObject({ invert: true });
    expect(items.some((i) => i.kind === 'barcode' && i.modules !== null)).toBe(true);
  });

  it.skipIf(!hasZbar || !hasConvert)('node-thermal-printer text: zbar reads the CODE128 bars and the QR code off the PNG', () => {
    const read = zbar(printJob('ntp-text.bin').png);
    expect(read).toContain('ITDA-0427');
    expect(read).toContain('https://itda.seoul.go.kr/golden');
  });

  it('node-thermal-printer printImageBuffer: the image matches a reference decoding, dot for dot, and lands where drawn', async () => {
    const bytes = readFileSync(join(FIXTURES, 'ntp-image.bin'));
    const ref = referenceRaster(bytes);
    const { items, png } = printJob('ntp-image.bin');
    const raster = items.find((i) => i.kind === 'raster');
    expect(raster?.kind).toBe('raster');
    if (raster?.kind !== 'raster') return;
    expect([raster.bitmap.width, raster.bitmap.height]).toEqual([ref.width, ref.height]);
    let differ = 0;
    for (let y = 0; y < ref.height; y++) for (let x = 0; x < ref.width; x++) if (getDot(raster.bitmap, x, y) !== ref.dot(x, y)) differ++;
    expect(differ).toBe(0);
    const px = await pixels(png);
    expect(px.black(70, 30)).toBe(true); // inside the rectangle (x 20-119, y 10-49)
    expect(px.black(10, 5)).toBe(false);
    expect(px.black(150, 30)).toBe(false);
  });

  it('python-escpos column image: ESC * stripes at ESC 3 24 abut into one solid square', async () => {
    const { items, png } = printJob('pyescpos-column.bin');
    expect(paperText(items)).toContain('after the column image');
    const px = await pixels(png);
    let white = 0;
    for (let y = 0; y < 48; y++) for (let x = 0; x < 48; x++) if (!px.black(x, y)) white++;
    expect(white).toBe(0);
    expect(px.black(60, 10)).toBe(false);
  });

  it('python-escpos graphics and positions: GS ( L square, ESC $ text at dot 240', async () => {
    const { items, png } = printJob('pyescpos-graphics.bin');
    const raster = items.find((i) => i.kind === 'raster');
    expect(raster?.kind === 'raster' && [raster.bitmap.width, raster.bitmap.height]).toEqual([48, 48]);
    const line = items.find((i) => i.kind === 'line' && i.runs.some((r) => r.text === 'AT240'));
    expect(line?.kind === 'line' && line.runs.find((r) => r.text === 'AT240')?.x).toBe(240);
    const px = await pixels(png);
    const lineTop = 48;
    let inkGap = 0;
    let inkAt = 0;
    for (let y = lineTop; y < lineTop + 30; y++) {
      for (let x = 60; x < 236; x++) if (px.black(x, y)) inkGap++;
      for (let x = 240; x < 300; x++) if (px.black(x, y)) inkAt++;
    }
    expect(inkGap).toBe(0);
    expect(inkAt).toBeGreaterThan(20);
  });

  it.skipIf(!hasZbar || !hasConvert)('python-escpos EAN-13 (GS k 2, NUL-terminated): zbar reads 8801234567893', () => {
    expect(zbar(printJob('pyescpos-graphics.bin').png)).toContain('8801234567893');
  });
});
