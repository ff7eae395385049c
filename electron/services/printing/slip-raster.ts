/**
 * Raster mode: lays a slip out with the bundled Korean font and renders it
 * to a 1-bit bitmap the width of the paper. Layout is measured first, then
 * drawn on a canvas of the exact height, then thresholded.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { canvasModule, qrcodeModule } from '../app/lazy-module';
import type { PrinterProfile } from './printer-profiles';
import { slipBlocksWithFooter, type Align, type SlipDocument } from './slip-document';
import { ensureSlipFonts, slipFont } from './slip-fonts';
import { monoFromContext, type MonoBitmap } from './mono-bitmap';

type DrawOp =
  | { kind: 'text'; text: string; x: number; y: number; font: string; align: Align }
  | { kind: 'rect'; x: number; y: number; w: number; h: number };

const LINE_GAP = 1.3;

export function renderSlipBitmap(doc: SlipDocument, profile: PrinterProfile): MonoBitmap {
  ensureSlipFonts();
  const width = profile.widthDots;
  const measureCtx = canvasModule().createCanvas(8, 8).getContext('2d');
  const { ops, height } = layout(doc, profile, measureCtx);
  const canvas = canvasModule().createCanvas(width, Math.max(1, height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'top';
  for (const op of ops) {
    if (op.kind === 'rect') {
      ctx.fillRect(op.x, op.y, op.w, op.h);
    } else {
      ctx.font = op.font;
      ctx.textAlign = op.align;
      ctx.fillText(op.text, op.x, op.y);
    }
  }
  return monoFromContext(ctx, width, height);
}

function layout(doc: SlipDocument, profile: PrinterProfile, ctx: SKRSContext2D): { ops: DrawOp[]; height: number } {
  const margin = profile.rasterMarginDots;
  const inner = profile.widthDots - margin * 2;
  const px = profile.rasterFontPx;
  const ops: DrawOp[] = [];
  let y = 4;

  const anchor = (align: Align) => (align === 'center' ? margin + inner / 2 : align === 'right' ? margin + inner : margin);
  const textLines = (text: string, size: number, bold: boolean, align: Align) => {
    const font = slipFont(size, bold);
    ctx.font = font;
    for (const l of wrapByWidth(text, inner, (s) => ctx.measureText(s).width)) {
      ops.push({ kind: 'text', text: l, x: anchor(align), y, font, align });
      y += Math.round(size * LINE_GAP);
    }
  };

  for (const b of slipBlocksWithFooter(doc)) {
    switch (b.type) {
      case 'title':
        y += 4;
        textLines(b.text, px.title, true, b.align);
        y += 6;
        break;
      case 'text':
        textLines(b.text, px[b.size], b.bold, b.align);
        break;
      case 'pair': {
        const font = slipFont(px.normal, b.bold);
        ctx.font = font;
        const rightW = ctx.measureText(b.right).width;
        const leftW = ctx.measureText(b.left).width;
        if (leftW + rightW + px.normal <= inner) {
          ops.push({ kind: 'text', text: b.left, x: margin, y, font, align: 'left' });
          ops.push({ kind: 'text', text: b.right, x: margin + inner, y, font, align: 'right' });
          y += Math.round(px.normal * LINE_GAP);
        } else {
          textLines(b.left, px.normal, b.bold, 'left');
          textLines(b.right, px.normal, b.bold, 'right');
        }
        break;
      }
      case 'rule': {
        const mid = y + 8;
        if (b.style === 'solid') ops.push({ kind: 'rect', x: margin, y: mid, w: inner, h: 2 });
        else for (let x = margin; x < margin + inner; x += 14) ops.push({ kind: 'rect', x, y: mid, w: Math.min(8, margin + inner - x), h: 2 });
        y += 18;
        break;
      }
      case 'qr': {
        const qr = qrcodeModule().create(b.data, { errorCorrectionLevel: 'M' });
        const n = qr.modules.size;
        const m = Math.max(1, Math.min(b.module, Math.floor(inner / n)));
        const x0 = Math.round(profile.widthDots / 2 - (n * m) / 2);
        y += m * 2;
        for (let r = 0; r < n; r++) {
          for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) ops.push({ kind: 'rect', x: x0 + c * m, y: y + r * m, w: m, h: m });
        }
        y += n * m + m * 2;
        if (b.caption) textLines(b.caption, px.small, false, 'center');
        break;
      }
      case 'feed':
        y += b.lines * profile.lineHeightDots;
        break;
      case 'spacer':
        y += b.dots;
        break;
    }
  }
  return { ops, height: y + 8 };
}

/**
 * Greedy wrap by measured width: at spaces (Korean breaks between eojeol),
 * and inside a word only when the word alone is too wide.
 */
export function wrapByWidth(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') out.push(line);
      line = '';
      for (const ch of word) {
        if (line !== '' && measure(line + ch) > maxWidth) {
          out.push(line);
          line = '';
        }
        line += ch;
      }
    }
    out.push(line);
  }
  return out;
}
