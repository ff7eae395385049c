import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { encodeCommands } from './escpos-commands';
import { profileFor } from './printer-profiles';
import { parseSlipDocument } from './slip-document';
import { encodeSlip, encodeRasterSlip, rasterBands } from './slip-encoder';
import { createMonoBitmap } from './mono-bitmap';
import { paperItemsFromBytes } from './slip-preview';
import { paperText } from './paper-model';

const p80 = profileFor(576);
const p58 = profileFor(384);
const doc = parseSlipDocument({
  blocks: [
    { type: 'title', text: '마음 약국' },
    { type: 'text', text: '오늘도 수고했어요', bold: true },
    { type: 'pair', left: '복용 / Doses', right: '하루 3회' },
    { type: 'rule' },
    { type: 'qr', data: 'https://itda.seoul.go.kr/p/01HX' },
  ],
  footer: ['서울잇다플레이스'],
});

const indexOf = (hay: Buffer, needle: number[]) => hay.indexOf(Buffer.from(needle));

describe('text mode bytes', () => {
  const { bytes, commands } = encodeSlip(doc, { mode: 'text', profile: p80, partialCut: true });

  it('selects Korea (ESC R 13) and double-byte mode (FS &) before any Hangul, and ends it with FS .', () => {
    expect([...bytes.subarray(0, 7)]).toEqual([0x1b, 0x40, 0x1b, 0x52, 0x0d, 0x1c, 0x26]);
    const firstHangul = indexOf(bytes, [...iconv.encode('마음', 'cp949')]);
    expect(firstHangul).toBeGreaterThan(6);
    const fsDot = indexOf(bytes, [0x1c, 0x2e]);
    expect(fsDot).toBeGreaterThan(firstHangul);
    expect(indexOf(bytes, [0x1d, 0x56, 0x01])).toBeGreaterThan(fsDot);
  });

  it('sends Korean as EUC-KR/CP949 and never as UTF-8', () => {
    expect(indexOf(bytes, [0xb8, 0xb6, 0xc0, 0xbd])).toBeGreaterThan(0); // 마음 in EUC-KR
    expect(bytes.includes(Buffer.from('마음', 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from('수고', 'utf8'))).toBe(false);
  });

  it('pads a pair to exactly 48 columns with Hangul counted double', () => {
    const text = commands.filter((c) => c.type === 'text').map((c) => c.value as string);
    const pair = text.find((t) => t.startsWith('복용'))!;
    expect(pair.endsWith('하루 3회')).toBe(true);
    // 복용(4) + " / Doses"(8) + 하루(4) + " 3"(2) + 회(2) = 20 columns of content, 28 spaces.
    expect(pair).toBe('복용 / Doses' + ' '.repeat(28) + '하루 3회');
  });

  it('prints the QR with GS ( k, sized by bytes, and the title at double size', () => {
    const qr = commands.find((c) => c.type === 'qr')!;
    const data = Buffer.from('https://itda.seoul.go.kr/p/01HX');
    const store = indexOf(qr.payload, [0x1d, 0x28, 0x6b, (data.length + 3) & 0xff, 0, 0x31, 0x50, 0x30]);
    expect(store).toBeGreaterThan(0);
    expect(commands.find((c) => c.type === 'size')?.payload).toEqual(Buffer.from([0x1d, 0x21, 0x11]));
  });

  it('reads back as the same text through the simulator decoder', () => {
    const txt = paperText(paperItemsFromBytes(bytes));
    expect(txt).toContain('마음 약국');
    expect(txt).toContain('오늘도 수고했어요');
    expect(txt).toContain('[QR https://itda.seoul.go.kr/p/01HX]');
    expect(txt).toContain('서울잇다플레이스');
    expect(txt.trimEnd().endsWith('--- partial cut ---')).toBe(true);
  });

  it('full cut when configured', () => {
    const full = encodeSlip(doc, { mode: 'text', profile: p80, partialCut: false }).bytes;
    expect([...full.subarray(full.length - 3)]).toEqual([0x1d, 0x56, 0x00]);
  });

  it('wraps at 32 columns on 58 mm paper without splitting a Hangul byte pair', () => {
    const long = parseSlipDocument({ blocks: [{ type: 'text', text: '가'.repeat(40) }] });
    const cmds = encodeSlip(long, { mode: 'text', profile: p58, partialCut: true }).commands;
    const lines = cmds.filter((c) => c.type === 'text').map((c) => c.value as string);
    expect(lines).toEqual(['가'.repeat(16), '가'.repeat(16), '가'.repeat(8)]);
  });
});

describe('raster mode bytes', () => {
  it('sends GS v 0 bands of at most 255 rows, the full paper width, then feed and cut', () => {
    const { commands } = encodeSlip(doc, { mode: 'raster', profile: p80, partialCut: true });
    const bands = commands.filter((c) => c.type === 'raster');
    expect(bands.length).toBeGreaterThan(1);
    for (const b of bands) {
      expect([...b.payload.subarray(0, 4)]).toEqual([0x1d, 0x76, 0x30, 0x00]);
      expect(b.payload[4] | (b.payload[5] << 8)).toBe(72); // 576 dots / 8
      const rows = b.payload[6] | (b.payload[7] << 8);
      expect(rows).toBeLessThanOrEqual(255);
      expect(b.payload.length).toBe(8 + 72 * rows);
    }
    expect(commands.at(-1)!.payload).toEqual(Buffer.from([0x1d, 0x56, 0x01]));
    expect(commands.at(-2)!.type).toBe('feed-lines');
  });

  it('splits 600 rows into 255 + 255 + 90 and loses no row', () => {
    const bmp = createMonoBitmap(384, 600);
    bmp.data.fill(0xaa);
    const bands = rasterBands(bmp, 255);
    expect(bands.map((b) => (b.value as { rows: number }).rows)).toEqual([255, 255, 90]);
    const items = paperItemsFromBytes(encodeCommands(encodeRasterSlip(bmp, p58, { cut: true, partialCut: false })));
    const rasters = items.filter((i) => i.kind === 'raster');
    expect(rasters.reduce((n, r) => n + (r.kind === 'raster' ? r.bitmap.height : 0), 0)).toBe(600);
  });

  it('is never text: no Korean bytes in any encoding outside the image', () => {
    const { commands } = encodeSlip(doc, { mode: 'raster', profile: p58, partialCut: true });
    expect(commands.some((c) => c.type === 'text')).toBe(false);
    expect(commands.filter((c) => c.type === 'raster')[0].payload[4]).toBe(48); // 384 / 8
  });
});
