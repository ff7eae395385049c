/**
 * ESC/POS commands as data: each builder returns `{ type, value, payload }`
 * (after ReceiptPrinterEncoder's `languages/esc-pos.js`), so tests read the
 * command list and the exact bytes. Where node-thermal-printer's EPSON table
 * has the bytes we take them from it; the Korean, raster-band and real-time
 * status commands it lacks are written here.
 */
import epson from 'node-thermal-printer/lib/types/epson-config.js';
import type { Align } from './slip-document';

export interface EscPosCommand {
  type: string;
  value?: unknown;
  payload: Buffer;
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const EOT = 0x04;

const cmd = (type: string, payload: Buffer | number[], value?: unknown): EscPosCommand => ({
  type,
  value,
  payload: Buffer.isBuffer(payload) ? payload : Buffer.from(payload),
});

export const escpos = {
  /** ESC @: clears the buffer and every mode. */
  initialize: () => cmd('initialize', epson.HW_INIT),
  /** ESC R 13: the Korean international character set. */
  selectKorea: () => cmd('international', epson.CODE_PAGE_KOREA, 13),
  /** FS &: double-byte (Kanji/Hangul) mode on; without it a CP949 printer prints two Latin glyphs per syllable. */
  doubleByteOn: () => cmd('double-byte', [FS, 0x26], true),
  /** FS .: double-byte mode off. */
  doubleByteOff: () => cmd('double-byte', [FS, 0x2e], false),
  align: (a: Align) =>
    cmd('align', a === 'center' ? epson.TXT_ALIGN_CT : a === 'right' ? epson.TXT_ALIGN_RT : epson.TXT_ALIGN_LT, a),
  bold: (on: boolean) => cmd('bold', on ? epson.TXT_BOLD_ON : epson.TXT_BOLD_OFF, on),
  /** ESC M n: font A (12×24) or B (9×17). */
  font: (f: 'A' | 'B') => cmd('font', f === 'B' ? epson.TXT_FONT_B : epson.TXT_FONT_A, f),
  /** GS ! n: character size; width and height multipliers 1..8. */
  size: (width: number, height: number) => cmd('size', [GS, 0x21, ((width - 1) << 4) | (height - 1)], { width, height }),
  /** FS ! n: double-byte character size (some Korean printers size Hangul separately from GS !). */
  doubleByteSize: (double: boolean) => cmd('double-byte-size', [FS, 0x21, double ? 0x0c : 0x00], double),
  text: (bytes: Buffer, text: string) => cmd('text', bytes, text),
  newline: () => cmd('newline', epson.CTL_LF),
  /** ESC d n: print and feed n lines. */
  feedLines: (n: number) => cmd('feed-lines', [ESC, 0x64, clampByte(n)], n),
  /** ESC J n: print and feed n dots. */
  feedDots: (n: number) => cmd('feed-dots', [ESC, 0x4a, clampByte(n)], n),
  /** GS V 0 / GS V 1. */
  cut: (partial: boolean) => cmd('cut', partial ? epson.PAPER_PART_CUT : epson.PAPER_FULL_CUT, partial ? 'partial' : 'full'),
  /** GS v 0 m xL xH yL yH d1...dk: one raster band. */
  rasterBand: (bytesPerRow: number, rows: number, data: Buffer) =>
    cmd(
      'raster',
      Buffer.concat([
        epson.S_RASTER_N,
        Buffer.from([bytesPerRow & 0xff, bytesPerRow >> 8, rows & 0xff, rows >> 8]),
        data,
      ]),
      { bytesPerRow, rows },
    ),
  /** GS ( k: QR model 2, module size, error correction M, store, print. */
  qr: (data: string, module: number) => {
    // node-thermal-printer sizes the store command by string length; bytes are what count.
    const body = Buffer.from(data, 'utf8');
    const len = body.length + 3;
    return cmd(
      'qr',
      Buffer.concat([
        epson.QRCODE_MODEL2,
        Buffer.from([GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, module]),
        epson.QRCODE_CORRECTION_M,
        Buffer.from([GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30]),
        body,
        epson.QRCODE_PRINT,
      ]),
      { data, module },
    );
  },
  /** DLE EOT n: real-time status, answered even while offline. */
  statusRequest: (n: 1 | 2 | 3 | 4) => cmd('status-request', [DLE, EOT, n], n),
};

function clampByte(n: number): number {
  return Math.max(0, Math.min(255, Math.round(n)));
}

export function encodeCommands(commands: EscPosCommand[]): Buffer {
  return Buffer.concat(commands.map((c) => c.payload));
}
