/**
 * What lands on the paper: decoded operations applied to the printer's
 * modes (alignment, emphasis, underline, invert, font, size, line spacing,
 * positions) become printed lines, images, QR symbols, barcodes, feeds and
 * cuts. The simulator collects one job per cut; previews render the same
 * items. A line wraps at the paper width, as the printer's line buffer
 * does, and a job longer than a few metres of paper is cut into parts, so
 * memory stays bounded whatever arrives (a 10 MiB line is 2 m of paper, not
 * 10 MiB of one line).
 */
import { barcodeModules } from './escpos-barcodes';
import type { DecodedOp } from './escpos-decoder';
import type { MonoBitmap } from './mono-bitmap';
import type { Align } from './slip-document';
import { charColumns } from './text-columns';

export interface TextRun {
  text: string;
  bold: boolean;
  font: 'A' | 'B';
  width: number;
  height: number;
  /** Whether the printer was in double-byte (Hangul) mode for this run. */
  doubleByte: boolean;
  underline?: number;
  invert?: boolean;
  /** Set by `ESC $` / `ESC \`: where the run starts, in dots from the left; lines with positions are left-aligned. */
  x?: number;
}

export type PaperItem =
  | { kind: 'line'; align: Align; runs: TextRun[] }
  | { kind: 'raster'; align: Align; bitmap: MonoBitmap }
  | { kind: 'qr'; align: Align; data: string; module: number }
  | { kind: 'barcode'; align: Align; system: string; data: string; modules: boolean[] | null; height: number; module: number; hri: number }
  | { kind: 'feed'; dots: number }
  | { kind: 'cut'; partial: boolean };

/** Default line spacing (ESC 2) at 203 dpi. */
export const LINE_SPACING_DOTS = 30;
/** One job is at most this tall (≈ 2.5 m at 203 dpi); beyond it the paper is split into parts. */
export const MAX_JOB_DOTS = 20_000;
const CELL_WIDTH = { A: 12, B: 9 };
const CELL_HEIGHT = { A: 24, B: 17 };

export class PaperModel {
  private align: Align = 'left';
  private bold = false;
  private underline = 0;
  private invert = false;
  private font: 'A' | 'B' = 'A';
  private size = { width: 1, height: 1 };
  private doubleByte = false;
  private lineSpacing = LINE_SPACING_DOTS;
  private line: TextRun[] = [];
  /** Dots used on the current line, and where the next run starts when a position was set. */
  private lineX = 0;
  private nextX: number | null = null;
  /** An ESC * image waiting for its LF; the LF feeds only what the line spacing adds beyond it. */
  private inlineImageHeight = 0;
  private items: PaperItem[] = [];
  private jobDots = 0;
  /** Jobs completed inside one operation (the size bound splits a long one). */
  private completed: PaperItem[][] = [];

  constructor(private readonly widthDots = 576) {}

  /** Applies operations; returns the items of every job completed by a cut (or the size bound). */
  apply(ops: DecodedOp[]): PaperItem[][] {
    const jobs = this.completed;
    this.completed = [];
    for (const o of ops) {
      switch (o.op) {
        case 'init':
          this.flushLine(false);
          this.align = 'left';
          this.bold = false;
          this.underline = 0;
          this.invert = false;
          this.font = 'A';
          this.size = { width: 1, height: 1 };
          this.doubleByte = false;
          this.lineSpacing = LINE_SPACING_DOTS;
          break;
        case 'align':
          this.align = o.align;
          break;
        case 'bold':
          this.bold = o.on;
          break;
        case 'underline':
          this.underline = Math.min(2, o.n);
          break;
        case 'invert':
          this.invert = o.on;
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
        case 'line-spacing':
          this.lineSpacing = o.dots ?? LINE_SPACING_DOTS;
          break;
        case 'position':
          this.nextX = Math.min(this.widthDots, o.x);
          break;
        case 'relative-position':
          this.nextX = Math.max(0, Math.min(this.widthDots, (this.nextX ?? this.lineX) + o.dx));
          break;
        case 'text':
          this.addText(o.text);
          break;
        case 'newline':
          this.flushLine(true);
          break;
        case 'feed-lines':
          this.flushLine(false);
          if (o.n > 0) this.push({ kind: 'feed', dots: o.n * this.lineSpacing });
          break;
        case 'feed-dots':
          this.flushLine(false);
          if (o.n > 0) this.push({ kind: 'feed', dots: o.n });
          break;
        case 'raster':
          this.flushLine(false);
          this.push({ kind: 'raster', align: this.align, bitmap: o.bitmap });
          break;
        case 'bit-image':
          this.flushLine(false);
          this.push({ kind: 'raster', align: this.align, bitmap: o.bitmap });
          this.inlineImageHeight = o.bitmap.height;
          break;
        case 'qr':
          this.flushLine(false);
          this.push({ kind: 'qr', align: this.align, data: o.data, module: o.module });
          break;
        case 'barcode':
          this.flushLine(false);
          this.push({ kind: 'barcode', align: this.align, system: o.system, data: o.data, modules: barcodeModules(o.system, o.data), height: o.height, module: o.module, hri: o.hri });
          break;
        case 'cut':
          this.flushLine(false);
          this.items.push({ kind: 'cut', partial: o.partial });
          jobs.push(this.takeItems());
          break;
        case 'end-job':
          // A connection closed without a cut: what it printed is its own job, never joined to the next.
          this.flushLine(false);
          if (this.items.length) jobs.push(this.takeItems());
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
    return this.takeItems();
  }

  private takeItems(): PaperItem[] {
    const items = this.items;
    this.items = [];
    this.jobDots = 0;
    return items;
  }

  private push(item: PaperItem): void {
    this.items.push(item);
    this.jobDots += item.kind === 'feed' ? item.dots : item.kind === 'raster' ? item.bitmap.height : item.kind === 'line' ? LINE_SPACING_DOTS : 100;
    if (this.jobDots > MAX_JOB_DOTS) this.completed.push(this.takeItems());
  }

  /** Adds text to the line buffer; the printer prints the line and goes on when it is full. */
  private addText(text: string): void {
    const cell = CELL_WIDTH[this.font] * this.size.width;
    let run = '';
    let runX: number | undefined = this.nextX ?? undefined;
    if (this.nextX !== null) this.lineX = this.nextX;
    this.nextX = null;
    const close = () => {
      if (run) this.line.push(this.run(run, runX));
      run = '';
      runX = undefined;
    };
    if (!this.doubleByte) {
      // One cell a character: cut the text where the line is full, without walking it character by character.
      let rest = text;
      while (rest.length) {
        const fits = Math.floor((this.widthDots - this.lineX) / cell);
        if (fits <= 0) {
          close();
          this.flushLine(false);
          if (cell > this.widthDots) return;
          continue;
        }
        run += rest.slice(0, fits);
        this.lineX += Math.min(fits, rest.length) * cell;
        rest = rest.slice(fits);
      }
      close();
      return;
    }
    for (const ch of text) {
      const w = cell * charColumns(ch);
      if (this.lineX + w > this.widthDots) {
        close();
        this.flushLine(false);
      }
      run += ch;
      this.lineX += w;
    }
    close();
  }

  private run(text: string, x: number | undefined): TextRun {
    const r: TextRun = { text, bold: this.bold, font: this.font, ...this.size, doubleByte: this.doubleByte };
    if (this.underline) r.underline = this.underline;
    if (this.invert) r.invert = true;
    if (x !== undefined) r.x = x;
    return r;
  }

  /** LF prints the line buffer; an empty buffer still feeds one line. ESC d prints it without the extra line. */
  private flushLine(isLineFeed: boolean): void {
    if (this.line.length > 0) {
      this.push({ kind: 'line', align: this.align, runs: this.line });
      this.line = [];
    } else if (isLineFeed) {
      const extra = this.inlineImageHeight ? Math.max(0, this.lineSpacing - this.inlineImageHeight) : this.lineSpacing;
      if (extra > 0) this.push({ kind: 'feed', dots: extra });
    }
    this.inlineImageHeight = 0;
    this.lineX = 0;
    this.nextX = null;
  }
}

/** Font cell height of a run, for renderers. */
export function runHeight(r: TextRun): number {
  return CELL_HEIGHT[r.font] * r.height;
}

/** The decoded text of a job, one printed line a line, with markers for images, symbols and cuts. */
export function paperText(items: PaperItem[]): string {
  const out: string[] = [];
  for (const it of items) {
    if (it.kind === 'line') out.push(it.runs.map((r) => r.text).join(''));
    else if (it.kind === 'raster') out.push(`[raster ${it.bitmap.width}x${it.bitmap.height}]`);
    else if (it.kind === 'qr') out.push(`[QR ${it.data}]`);
    else if (it.kind === 'barcode') out.push(`[${it.system} ${it.data}]`);
    else if (it.kind === 'feed') out.push('');
    else out.push(it.partial ? '--- partial cut ---' : '--- cut ---');
  }
  return out.join('\n') + '\n';
}
