/**
 * One slip document → ESC/POS bytes, in any mode, for a printer profile.
 * Raster mode sends the rendered slip as `GS v 0` bands of at most
 * `profile.rasterBandRows` rows: one tall image is garbled by many printers
 * (and by node-thermal-printer's own image path). Text mode is the printer's
 * Korean font and native QR; hybrid is text mode plus a raster line for
 * whatever the font cannot draw (≈1-2 KB instead of ≈50 KB: under 2 s at
 * 19200 baud instead of 25 s).
 */
import { encodeCommands, escpos, type EscPosCommand } from './escpos-commands';
import type { MonoBitmap } from './mono-bitmap';
import type { PrintMode } from './printer-config';
import type { PrinterProfile } from './printer-profiles';
import type { SlipBlock, SlipDocument } from './slip-document';
import { renderSlipBitmap } from './slip-raster';
import { encodeTextSlip } from './slip-text-encoder';

export interface EncodedSlip {
  mode: PrintMode;
  commands: EscPosCommand[];
  bytes: Buffer;
}

export interface SlipEncodeOptions {
  mode: PrintMode;
  profile: PrinterProfile;
  partialCut: boolean;
}

export function encodeSlip(doc: SlipDocument, opts: SlipEncodeOptions): EncodedSlip {
  const rasterLine = (block: SlipBlock) =>
    rasterBands(renderSlipBitmap({ blocks: [block], footer: [], cut: false }, opts.profile), opts.profile.rasterBandRows);
  const commands =
    opts.mode === 'raster'
      ? encodeRasterSlip(renderSlipBitmap(doc, opts.profile), opts.profile, { cut: doc.cut, partialCut: opts.partialCut })
      : encodeTextSlip(doc, { ...opts, hybrid: opts.mode === 'hybrid', rasterLine });
  return { mode: opts.mode, commands, bytes: encodeCommands(commands) };
}

export function encodeRasterSlip(
  bmp: MonoBitmap,
  profile: PrinterProfile,
  opts: { cut: boolean; partialCut: boolean },
): EscPosCommand[] {
  const out: EscPosCommand[] = [escpos.initialize(), escpos.align('left')];
  out.push(...rasterBands(bmp, profile.rasterBandRows));
  if (opts.cut) out.push(escpos.feedLines(profile.cutFeedLines), escpos.cut(opts.partialCut));
  return out;
}

export function rasterBands(bmp: MonoBitmap, maxRows: number): EscPosCommand[] {
  const out: EscPosCommand[] = [];
  for (let y = 0; y < bmp.height; y += maxRows) {
    const rows = Math.min(maxRows, bmp.height - y);
    const data = Buffer.from(bmp.data.subarray(y * bmp.bytesPerRow, (y + rows) * bmp.bytesPerRow));
    out.push(escpos.rasterBand(bmp.bytesPerRow, rows, data));
  }
  return out;
}
