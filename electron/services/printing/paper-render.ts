/**
 * Draws printed items as the head would: text in the printer's character
 * cells (12×24 for font A, 24×24 for a double-byte glyph, times the size
 * multipliers), raster images dot for dot, QR symbols module for module.
 * The glyph shapes come from the bundled font, not the printer's ROM; the
 * positions, widths and line breaks are the printer's.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type QRCode from 'qrcode';
import { canvasModule, qrcodeModule } from '../app/lazy-module';
import { drawMono, getDot } from './mono-bitmap';
import type { PaperItem, TextRun } from './paper-model';
import { LINE_SPACING_DOTS } from './paper-model';
import { ensureSlipFonts, slipFont } from './slip-fonts';
import { charColumns } from './text-columns';

const FONT_CELL = { A: { width: 12, height: 24 }, B: { width: 9, height: 17 } };

export function renderPaper(items: PaperItem[], widthDots: number): Buffer {
  ensureSlipFonts();
  const height = Math.max(1, items.reduce((h, it) => h + itemHeight(it), 0));
  const canvas = canvasModule().createCanvas(widthDots, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, widthDots, height);
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  let y = 0;
  for (const it of items) {
    drawItem(ctx, it, y, widthDots);
    y += itemHeight(it);
  }
  return canvas.toBuffer('image/png');
}

function runCells(r: TextRun): { ch: string; w: number; h: number; run: TextRun }[] {
  const cell = FONT_CELL[r.font];
  return [...r.text].map((ch) => {
    const cols = r.doubleByte ? charColumns(ch) : 1;
    return { ch, w: cell.width * cols * r.width, h: cell.height * r.height, run: r };
  });
}

function itemHeight(it: PaperItem): number {
  switch (it.kind) {
    case 'line': {
      const tallest = Math.max(...it.runs.map((r) => FONT_CELL[r.font].height * r.height));
      return Math.max(LINE_SPACING_DOTS, tallest + 6);
    }
    case 'raster':
      return it.bitmap.height;
    case 'qr':
      return qrSize(it.data) * it.module;
    case 'barcode':
      return it.height + (it.hri === 2 || it.hri === 3 ? 30 : 0) + (it.hri === 1 || it.hri === 3 ? 30 : 0) + 4;
    case 'feed':
      return it.dots;
    case 'cut':
      return 6;
  }
}

/** The symbol for QR data, or null when the data cannot be a QR code (too long): drawn as a box. */
function qrSymbol(data: string): ReturnType<typeof QRCode.create> | null {
  try {
    return qrcodeModule().create(data || ' ', { errorCorrectionLevel: 'M' });
  } catch {
    return null;
  }
}

function qrSize(data: string): number {
  return qrSymbol(data)?.modules.size ?? 21;
}

function startX(align: string, contentWidth: number, widthDots: number): number {
  if (align === 'center') return Math.max(0, Math.floor((widthDots - contentWidth) / 2));
  if (align === 'right') return Math.max(0, widthDots - contentWidth);
  return 0;
}

function drawItem(ctx: SKRSContext2D, it: PaperItem, y: number, widthDots: number): void {
  switch (it.kind) {
    case 'line': {
      const cells = it.runs.flatMap((r) => runCells(r));
      const positioned = it.runs.some((r) => r.x !== undefined);
      const total = cells.reduce((w, c) => w + c.w, 0);
      const lineH = itemHeight(it);
      let x = positioned ? 0 : startX(it.align, total, widthDots);
      let run: TextRun | null = null;
      for (const c of cells) {
        if (c.run !== run) {
          run = c.run;
          if (run.x !== undefined) x = run.x;
        }
        if (x + c.w > widthDots) break;
        const top = y + lineH - c.h - 3;
        if (c.run.invert) ctx.fillRect(x, top, c.w, c.h);
        if (c.ch !== ' ') {
          ctx.save();
          if (c.run.invert) ctx.fillStyle = '#fff';
          ctx.font = slipFont(Math.round(c.h * 0.92), c.run.bold);
          ctx.fillText(c.ch, x + c.w / 2, y + lineH - c.h / 2 - 3, c.w);
          ctx.restore();
        }
        if (c.run.underline) ctx.fillRect(x, y + lineH - 3, c.w, c.run.underline);
        x += c.w;
      }
      break;
    }
    case 'raster': {
      const x0 = startX(it.align, it.bitmap.width, widthDots);
      if (x0 + it.bitmap.width <= widthDots) drawMono(ctx, it.bitmap, x0, y);
      else {
        for (let yy = 0; yy < it.bitmap.height; yy++)
          for (let xx = 0; xx < widthDots; xx++) if (getDot(it.bitmap, xx, yy)) ctx.fillRect(xx, y + yy, 1, 1);
      }
      break;
    }
    case 'qr': {
      const qr = qrSymbol(it.data);
      if (!qr) {
        const side = 21 * it.module;
        ctx.strokeRect(startX(it.align, side, widthDots) + 0.5, y + 0.5, side - 1, side - 1);
        break;
      }
      const n = qr.modules.size;
      const x0 = startX(it.align, n * it.module, widthDots);
      for (let r = 0; r < n; r++)
        for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) ctx.fillRect(x0 + c * it.module, y + r * it.module, it.module, it.module);
      break;
    }
    case 'barcode': {
      const hriAbove = it.hri === 1 || it.hri === 3;
      const hriBelow = it.hri === 2 || it.hri === 3;
      const barsTop = y + 2 + (hriAbove ? 30 : 0);
      if (it.modules) {
        const w = it.modules.length * it.module;
        const x0 = startX(it.align, Math.min(w, widthDots), widthDots);
        it.modules.forEach((bar, i) => {
          if (bar && x0 + (i + 1) * it.module <= widthDots) ctx.fillRect(x0 + i * it.module, barsTop, it.module, it.height);
        });
      } else {
        // A system we do not draw: an outlined box says a barcode is there, with its data.
        ctx.strokeRect(8.5, barsTop + 0.5, widthDots - 17, it.height - 1);
        ctx.font = slipFont(20, false);
        ctx.fillText(`${it.system} ${it.data}`.slice(0, 40), widthDots / 2, barsTop + it.height / 2);
      }
      ctx.font = slipFont(22, false);
      if (hriAbove) ctx.fillText(it.data, widthDots / 2, y + 17);
      if (hriBelow) ctx.fillText(it.data, widthDots / 2, barsTop + it.height + 15);
      break;
    }
    case 'cut':
      ctx.save();
      ctx.fillStyle = '#999';
      for (let x = 0; x < widthDots; x += 12) ctx.fillRect(x, y + 2, 6, 1);
      ctx.restore();
      break;
    case 'feed':
      break;
  }
}
