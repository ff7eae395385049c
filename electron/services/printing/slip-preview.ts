/**
 * PNG preview of exactly what would print: the slip is encoded to ESC/POS,
 * read back by the simulator's decoder and drawn from those bytes. A bug in
 * an encoder therefore shows in the preview, as it would on paper.
 */
import { EscPosDecoder } from './escpos-decoder';
import { PaperModel, type PaperItem } from './paper-model';
import { renderPaper } from './paper-render';
import type { PrintMode } from './printer-config';
import type { PrinterProfile } from './printer-profiles';
import type { SlipDocument } from './slip-document';
import { encodeSlip } from './slip-encoder';

export function paperItemsFromBytes(bytes: Buffer, widthDots = 576): PaperItem[] {
  const paper = new PaperModel(widthDots);
  const jobs = paper.apply(new EscPosDecoder().push(bytes));
  return [...jobs.flat(), ...paper.takeUncut()];
}

export function previewBytes(bytes: Buffer, widthDots: number): Buffer {
  return renderPaper(paperItemsFromBytes(bytes, widthDots), widthDots);
}

export function previewSlip(doc: SlipDocument, opts: { mode: PrintMode; profile: PrinterProfile; partialCut?: boolean }): Buffer {
  const { bytes } = encodeSlip(doc, { mode: opts.mode, profile: opts.profile, partialCut: opts.partialCut ?? true });
  return previewBytes(bytes, opts.profile.widthDots);
}
