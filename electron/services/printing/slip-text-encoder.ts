/**
 * Text mode: the slip as ESC/POS text for printers with a Korean font ROM.
 * Korean is selected with `ESC R 13` and double-byte mode `FS &`, text is
 * sent as CP949 (a superset of EUC-KR), and `FS .` closes double-byte mode.
 * Lines are wrapped here by column count, so the printer never wraps in the
 * middle of a two-byte character.
 */
import { escpos, type EscPosCommand } from './escpos-commands';
import type { PrinterProfile } from './printer-profiles';
import { slipBlocksWithFooter, type Align, type SlipDocument, type TextSize } from './slip-document';
import { encodeCp949, padPair, wrapColumns } from './text-columns';

export interface EncodeOptions {
  profile: PrinterProfile;
  partialCut: boolean;
}

export function encodeTextSlip(doc: SlipDocument, opts: EncodeOptions): EscPosCommand[] {
  const { profile } = opts;
  const out: EscPosCommand[] = [escpos.initialize(), escpos.selectKorea(), escpos.doubleByteOn()];
  const line = (text: string) => {
    out.push(escpos.text(encodeCp949(text), text), escpos.newline());
  };
  const styled = (text: string, align: Align, bold: boolean, size: TextSize | 'title') => {
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
        out.push(escpos.align('left'));
        if (b.bold) out.push(escpos.bold(true));
        const one = padPair(b.left, b.right, profile.columnsFontA);
        if (one !== null) line(one);
        else {
          for (const l of wrapColumns(b.left, profile.columnsFontA)) line(l);
          out.push(escpos.align('right'));
          for (const l of wrapColumns(b.right, profile.columnsFontA)) line(l);
        }
        if (b.bold) out.push(escpos.bold(false));
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
