/**
 * The three ways ESC/POS clients send pictures, read back into 1-bit
 * bitmaps, with the limits a real head imposes. A header whose size is
 * impossible for any receipt paper (wider than 1024 dots, taller than 2400
 * rows a command) is not an image: the caller skips it with a warning and
 * resynchronises, instead of waiting for megabytes that never come (the
 * issue's eight bytes `1d 76 41 42 43 44 45 46` wedged the old simulator).
 *
 * - `GS v 0 m xL xH yL yH d…`: raster, rows of bytes (our encoder, node-thermal-printer).
 * - `ESC * m nL nH d…`: column bit image, 8 or 24 dots tall (python-escpos `bitImageColumn`).
 * - `GS ( L` / `GS 8 L` fn 112 then fn 50: graphics stored, then printed (newer clients).
 */
import { createMonoBitmap, type MonoBitmap } from './mono-bitmap';

/** Widest head we accept: 1024 dots (128 bytes a row); 80 mm heads are 576 or 640. */
export const MAX_IMAGE_WIDTH_DOTS = 1024;
/** Tallest image one command may carry (Epson's `GS v 0` allows yH ≤ 8: 2303 rows). */
export const MAX_IMAGE_ROWS = 2400;

export type ImageParse =
  | { kind: 'image'; bitmap: MonoBitmap; len: number }
  /** Not enough bytes yet; `need` is how many the whole command takes from its first byte. */
  | { kind: 'need'; need: number }
  /** The header is impossible: skip `len` bytes (the header) and go on. */
  | { kind: 'invalid'; len: number; why: string };

/** `GS v 0` at `i` (b[i] = GS, b[i+1] = 'v'). */
export function parseRasterGsv0(b: Buffer, i: number): ImageParse {
  if (i + 3 > b.length) return { kind: 'need', need: 8 };
  if (b[i + 2] !== 0x30) return { kind: 'invalid', len: 2, why: `GS v followed by 0x${hex(b[i + 2])}, not "0"` };
  if (i + 8 > b.length) return { kind: 'need', need: 8 };
  const m = b[i + 3];
  const xBytes = b[i + 4] | (b[i + 5] << 8);
  const rows = b[i + 6] | (b[i + 7] << 8);
  if ((m > 3 && m < 48) || m > 51) return { kind: 'invalid', len: 8, why: `GS v 0 mode ${m}` };
  if (xBytes < 1 || xBytes * 8 > MAX_IMAGE_WIDTH_DOTS || rows < 1 || rows > MAX_IMAGE_ROWS) {
    return { kind: 'invalid', len: 8, why: `GS v 0 of ${xBytes * 8}×${rows} dots is impossible for the paper` };
  }
  const size = xBytes * rows;
  if (i + 8 + size > b.length) return { kind: 'need', need: 8 + size };
  const bmp = createMonoBitmap(xBytes * 8, rows);
  bmp.data.set(b.subarray(i + 8, i + 8 + size));
  return { kind: 'image', bitmap: scaleFor(bmp, m), len: 8 + size };
}

/** `ESC * m nL nH d…` at `i`: n columns, each 1 byte (8 dots) or 3 bytes (24 dots) tall, MSB on top. */
export function parseBitImage(b: Buffer, i: number): ImageParse {
  if (i + 5 > b.length) return { kind: 'need', need: 5 };
  const m = b[i + 2];
  const n = b[i + 3] | (b[i + 4] << 8);
  const tall = m === 32 || m === 33;
  if (!(m === 0 || m === 1 || tall)) return { kind: 'invalid', len: 3, why: `ESC * mode ${m}` };
  if (n < 1 || n > MAX_IMAGE_WIDTH_DOTS) return { kind: 'invalid', len: 5, why: `ESC * of ${n} columns is impossible for the paper` };
  const perCol = tall ? 3 : 1;
  const size = n * perCol;
  if (i + 5 + size > b.length) return { kind: 'need', need: 5 + size };
  // Single density (m 0, 32) prints each column two dots wide.
  const xScale = m === 0 || m === 32 ? 2 : 1;
  const height = perCol * 8;
  const bmp = createMonoBitmap(n * xScale, height);
  for (let c = 0; c < n; c++) {
    for (let k = 0; k < perCol; k++) {
      const byte = b[i + 5 + c * perCol + k];
      for (let bit = 0; bit < 8; bit++) {
        if (!(byte & (0x80 >> bit))) continue;
        const y = k * 8 + bit;
        for (let sx = 0; sx < xScale; sx++) setDot(bmp, c * xScale + sx, y);
      }
    }
  }
  return { kind: 'image', bitmap: bmp, len: 5 + size };
}

/**
 * The body of a graphics command (`GS ( L` / `GS 8 L` after the length):
 * `m fn a bx by c xL xH yL yH d…` for fn 112 (store raster graphics).
 * Returns the stored bitmap, or null for the functions we only consume.
 */
export function graphicsStore(body: Buffer): { bitmap: MonoBitmap } | { invalid: string } | null {
  const fn = body[1];
  if (fn !== 0x70 && fn !== 112) return null;
  if (body.length < 10) return { invalid: 'graphics header too short' };
  const [, , a, bx, by, c] = body;
  const w = body[6] | (body[7] << 8);
  const h = body[8] | (body[9] << 8);
  if (a !== 0x30 || c !== 0x31) return { invalid: `graphics tone ${a} / colour ${c} not monochrome` };
  if (w < 1 || w > MAX_IMAGE_WIDTH_DOTS || h < 1 || h > MAX_IMAGE_ROWS) return { invalid: `graphics of ${w}×${h} dots is impossible for the paper` };
  const bytesPerRow = Math.ceil(w / 8);
  if (body.length < 10 + bytesPerRow * h) return { invalid: 'graphics data shorter than its header says' };
  let bmp = createMonoBitmap(w, h);
  bmp.data.set(body.subarray(10, 10 + bytesPerRow * h));
  if (bx === 2 || by === 2) bmp = scale(bmp, bx === 2 ? 2 : 1, by === 2 ? 2 : 1);
  return { bitmap: bmp };
}

function scaleFor(bmp: MonoBitmap, m: number): MonoBitmap {
  const mode = m % 48;
  return mode === 0 ? bmp : scale(bmp, mode === 1 || mode === 3 ? 2 : 1, mode === 2 || mode === 3 ? 2 : 1);
}

function scale(src: MonoBitmap, sx: number, sy: number): MonoBitmap {
  const out = createMonoBitmap(Math.min(MAX_IMAGE_WIDTH_DOTS, src.width * sx), src.height * sy);
  for (let y = 0; y < out.height; y++)
    for (let x = 0; x < out.width; x++) {
      const xs = Math.floor(x / sx);
      const ys = Math.floor(y / sy);
      if (src.data[ys * src.bytesPerRow + (xs >> 3)] & (0x80 >> (xs & 7))) setDot(out, x, y);
    }
  return out;
}

function setDot(bmp: MonoBitmap, x: number, y: number): void {
  bmp.data[y * bmp.bytesPerRow + (x >> 3)] |= 0x80 >> (x & 7);
}

function hex(n: number): string {
  return n.toString(16).padStart(2, '0');
}
