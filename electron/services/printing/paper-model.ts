/**
 * What lands on the paper: decoded operations applied to the printer's
 * modes (alignment, emphasis, font, size) become printed lines, raster
 * images, QR symbols, feeds and cuts. The simulator collects one job per cut;
 * previews render the same items.
 */
import type { DecodedOp } from './escpos-decoder';
import type { MonoBitmap } from './mono-bitmap';
import type { Align } from './slip-document';

export interface TextRun {
  text: string;
  bold: boolean;
  font: 'A' | 'B';
  width: number;
  height: number;
  /** Whether the printer was in double-byte (Hangul) mode for this run. */
  doubleByte: boolean;
}

export type PaperItem =
  | { kind: 'line'; align: Align; runs: TextRun[] }
  | { kind: 'raster'; align: Align; bitmap: MonoBitmap }
  | { kind: 'qr'; align: Align; data: string; module: number }
  | { kind: 'feed'; dots: number }
  | { kind: 'cut'; partial: boolean };

/** Default line spacing (ESC 2) at 203 dpi. */
export const LINE_SPACING_DOTS = 30;

export class PaperModel {
  private align: Align = 'left';
  private bold = false;
  private font: 'A' | 'B' = 'A';
  private size = { width: 1, height: 1 };
  private doubleByte = false;
  private line: TextRun[] = [];
  private items: PaperItem[] = [];

  /** Applies operations; returns the items of every job completed by a cut. */
  apply(ops: DecodedOp[]): PaperItem[][] {
    const jobs: PaperItem[][] = [];
    for (const o of ops) {
      switch (o.op) {
        case 'init':
          this.flushLine(false);
          this.align = 'left';
          this.bold = false;
          this.font = 'A';
          this.size = { width: 1, height: 1 };
          this.doubleByte = false;
          break;
        case 'align':
          this.align = o.align;
          break;
        case 'bold':
          this.bold = o.on;
          break;
        case 'font':
          this.font = o.font;
          break;
        case 'size':
          this.size = { width: o.width, height: o.height };
          break;
        case 'double-byte':
          this.doubleByte = o.on;
          break;
        case 'text':
          this.line.push({ text: o.text, bold: this.bold, font: this.font, ...this.size, doubleByte: this.doubleByte });
          break;
        case 'newline':
          this.flushLine(true);
          break;
        case 'feed-lines':
          this.flushLine(false);
          if (o.n > 0) this.items.push({ kind: 'feed', dots: o.n * LINE_SPACING_DOTS });
          break;
        case 'feed-dots':
          this.flushLine(false);
          if (o.n > 0) this.items.push({ kind: 'feed', dots: o.n });
          break;
        case 'raster':
          this.flushLine(false);
          this.items.push({ kind: 'raster', align: this.align, bitmap: o.bitmap });
          break;
        case 'qr':
          this.flushLine(false);
          this.items.push({ kind: 'qr', align: this.align, data: o.data, module: o.module });
          break;
        case 'cut':
          this.flushLine(false);
          this.items.push({ kind: 'cut', partial: o.partial });
          jobs.push(this.items);
          this.items = [];
          break;
        case 'end-job':
          // A connection closed without a cut: what it printed is its own job, never joined to the next.
          this.flushLine(false);
          if (this.items.length) jobs.push(this.items);
          this.items = [];
          break;
        default:
          break;
      }
    }
    return jobs;
  }

  /** Items printed since the last cut (a job sent without a cut). */
  takeUncut(): PaperItem[] {
    this.flushLine(false);
    const items = this.items;
    this.items = [];
    return items;
  }

  /** LF prints the line buffer; an empty buffer still feeds one line. ESC d prints it without the extra line. */
  private flushLine(isLineFeed: boolean): void {
    if (this.line.length > 0) {
      this.items.push({ kind: 'line', align: this.align, runs: this.line });
      this.line = [];
    } else if (isLineFeed) {
      this.items.push({ kind: 'feed', dots: LINE_SPACING_DOTS });
    }
  }
}

/** The decoded text of a job, one printed line a line, with markers for images, symbols and cuts. */
export function paperText(items: PaperItem[]): string {
  const out: string[] = [];
  for (const it of items) {
    if (it.kind === 'line') out.push(it.runs.map((r) => r.text).join(''));
    else if (it.kind === 'raster') out.push(`[raster ${it.bitmap.width}x${it.bitmap.height}]`);
    else if (it.kind === 'qr') out.push(`[QR ${it.data}]`);
    else if (it.kind === 'feed') out.push('');
    else out.push(it.partial ? '--- partial cut ---' : '--- cut ---');
  }
  return out.join('\n') + '\n';
}
