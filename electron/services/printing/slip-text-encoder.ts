/**
 * Text and hybrid modes: the slip as ESC/POS text for printers with a Korean
 * font ROM. Korean is selected with `ESC R 13` and double-byte mode `FS &`,
 * text is sent as CP949 (a superset of EUC-KR), and `FS .` closes
 * double-byte mode. Lines are wrapped here by column count, so the printer
 * never wraps in the middle of a two-byte character. The QR is the
 * printer's own symbol (`GS ( k`), a few dozen bytes instead of an image.
 *
 * Every string first goes through `cp949Safe` (dashes, ellipses, quotes,
 * emoji). A line that still holds characters CP949 lacks loses them in text
 * mode; hybrid mode draws that one line as a small raster image instead, so
 * nothing prints as `?` and the slip stays a few kilobytes.
 */
import { cp949Safe, dropUnencodable, unencodable } from './cp949-safe';
import { escpos, type EscPosCommand } from './escpos-commands';
import type { PrinterProfile } from './printer-profiles';
import { slipBlocksWithFooter, type Align, type SlipBlock, type SlipDocument, type TextSize } from './slip-document';
import { renderSlipBitmap } from './slip-raster';
import { encodeCp949, padPair, wrapColumns } from './text-columns';

export interface EncodeOptions {
  profile: PrinterProfile;
  partialCut: boolean;
  /** Hybrid: a line text cannot print is drawn as a raster line instead of losing characters. */
  hybrid?: boolean;
  /** Raster bands for a line, given by the caller (slip-encoder) so this module does not import it back. */
  rasterLine?: (block: SlipBlock) => EscPosCommand[];
}

interface LineStyle {
  align: Align;
  bold: boolean;
  size: TextSize | 'title';
}

export function encodeTextSlip(doc: SlipDocument, opts: EncodeOptions): EscPosCommand[] {
  const { profile } = opts;
  const out: EscPosCommand[] = [escpos.initialize(), escpos.selectKorea(), escpos.doubleByteOn()];
  let style: LineStyle = { align: 'left', bold: false, size: 'normal' };
  const line = (text: string) => {
    if (unencodable(text).length && opts.hybrid && opts.rasterLine) {
      const block: SlipBlock =
        style.size === 'title'
          ? { type: 'title', text, align: style.align }
          : { type: 'text', text, align: style.align, bold: style.bold, size: style.size };
      out.push(...opts.rasterLine(block));
      return;
    }
    const safe = dropUnencodable(text);
    out.push(escpos.text(encodeCp949(safe), safe), escpos.newline());
  };
  const styled = (raw: string, align: Align, bold: boolean, size: TextSize | 'title') => {
    const text = cp949Safe(raw);
    style = { align, bold, size };
    out.push(escpos.align(align));
    if (bold) out.push(escpos.bold(true));
    let columns = profile.columnsFontA;
    if (size === 'small') {
      out.push(escpos.font('B'));
      columns = profile.columnsFontB;
    } else if (size === 'large' || size === 'title') {
      out.push(escpos.size(2, 2));
      columns = Math.floor(profile.columnsFontA / 2);
    }
    for (const l of wrapColumns(text, columns)) line(l);
    if (size === 'small') out.push(escpos.font('A'));
    else if (size !== 'normal') out.push(escpos.size(1, 1));
    if (bold) out.push(escpos.bold(false));
    style = { align: 'left', bold: false, size: 'normal' };
  };

  for (const b of slipBlocksWithFooter(doc)) {
    switch (b.type) {
      case 'title':
        styled(b.text, b.align, true, 'title');
        break;
      case 'text':
        styled(b.text, b.align, b.bold, b.size);
        break;
      case 'pair': {
        const left = cp949Safe(b.left);
        const right = cp949Safe(b.right);
        out.push(escpos.align('left'));
        if (b.bold) out.push(escpos.bold(true));
        style = { align: 'left', bold: b.bold, size: 'normal' };
        const one = padPair(left, right, profile.columnsFontA);
        if (one !== null) line(one);
        else {
          for (const l of wrapColumns(left, profile.columnsFontA)) line(l);
          out.push(escpos.align('right'));
          style = { align: 'right', bold: b.bold, size: 'normal' };
          for (const l of wrapColumns(right, profile.columnsFontA)) line(l);
        }
        if (b.bold) out.push(escpos.bold(false));
        style = { align: 'left', bold: false, size: 'normal' };
        break;
      }
      case 'rule':
        out.push(escpos.align('left'));
        line(b.style === 'solid' ? '-'.repeat(profile.columnsFontA) : '- '.repeat(profile.columnsFontA / 2).trimEnd());
        break;
      case 'qr':
        out.push(escpos.align('center'), escpos.qr(b.data, b.module), escpos.newline());
        if (b.caption) styled(b.caption, 'center', false, 'small');
        break;
      case 'feed':
        out.push(escpos.feedLines(b.lines));
        break;
      case 'spacer':
        out.push(escpos.feedDots(b.dots));
        break;
    }
  }
  out.push(escpos.align('left'), escpos.doubleByteOff());
  if (doc.cut) out.push(escpos.feedLines(profile.cutFeedLines), escpos.cut(opts.partialCut));
  return out;
}
