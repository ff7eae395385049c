/**
 * A 1-bit image as the printer takes it: rows of bytes, most significant bit
 * leftmost, 1 = a black dot. The raster encoder bands it into `GS v 0`; the
 * simulator rebuilds it from those bands; previews draw it back to PNG.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { canvasModule } from '../app/lazy-module';

export interface MonoBitmap {
  /** Dots per row; a multiple of 8. */
  width: number;
  height: number;
  bytesPerRow: number;
  data: Uint8Array;
}

export function createMonoBitmap(width: number, height: number): MonoBitmap {
  const bytesPerRow = Math.ceil(width / 8);
  return { width: bytesPerRow * 8, height, bytesPerRow, data: new Uint8Array(bytesPerRow * height) };
}

/**
 * Thresholds a canvas drawn black on white. 160 rather than 128 keeps the
 * anti-aliased edges of thin Hangul strokes, which a 203 dpi head would
 * otherwise break into dots.
 */
export function monoFromContext(ctx: SKRSContext2D, width: number, height: number, threshold = 160): MonoBitmap {
  const out = createMonoBitmap(width, height);
  if (height === 0) return out;
  const rgba = ctx.getImageData(0, 0, width, height).data;
  for (let y = 0; y < height; y++) {
    const rowStart = y * width * 4;
    const outRow = y * out.bytesPerRow;
    for (let x = 0; x < width; x++) {
      if (rgba[rowStart + x * 4] < threshold) out.data[outRow + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return out;
}

export function getDot(bmp: MonoBitmap, x: number, y: number): boolean {
  return (bmp.data[y * bmp.bytesPerRow + (x >> 3)] & (0x80 >> (x & 7))) !== 0;
}

/** Draws black dots of a bitmap onto a canvas at (dx, dy). */
export function drawMono(ctx: SKRSContext2D, bmp: MonoBitmap, dx: number, dy: number): void {
  if (bmp.height === 0) return;
  const img = ctx.getImageData(dx, dy, bmp.width, bmp.height);
  const px = img.data;
  for (let y = 0; y < bmp.height; y++) {
    for (let x = 0; x < bmp.width; x++) {
      if (getDot(bmp, x, y)) {
        const i = (y * bmp.width + x) * 4;
        px[i] = px[i + 1] = px[i + 2] = 0;
        px[i + 3] = 255;
      }
    }
  }
  ctx.putImageData(img, dx, dy);
}

export function monoToPng(bmp: MonoBitmap): Buffer {
  const canvas = canvasModule().createCanvas(bmp.width, Math.max(1, bmp.height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, bmp.width, Math.max(1, bmp.height));
  drawMono(ctx, bmp, 0, 0);
  return canvas.toBuffer('image/png');
}
