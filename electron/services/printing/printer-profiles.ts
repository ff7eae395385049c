/**
 * Printer capabilities as data (after ReceiptPrinterEncoder's
 * `data/printers/*.json`): one record per paper width at 203 dpi. Encoders,
 * the simulator and previews read these instead of branching on models.
 */
import type { AckKind } from './print-ack';
import type { PrinterConfig, PrintWidthDots } from './printer-config';

export interface PrinterProfile {
  id: '80mm' | '58mm';
  widthDots: PrintWidthDots;
  /** Font A (12×24 dots) columns; a Hangul glyph (24×24) takes two. */
  columnsFontA: number;
  /** Font B (9×17 dots) columns. */
  columnsFontB: number;
  fontA: { width: number; height: number };
  fontB: { width: number; height: number };
  /** Default line spacing (ESC 2): 1/6 inch ≈ 30 dots at 203 dpi. */
  lineHeightDots: number;
  /** Raster text pixel sizes for the bundled font. */
  rasterFontPx: { small: number; normal: number; large: number; title: number };
  /** Side margin in the raster image, in dots. */
  rasterMarginDots: number;
  /** Lines fed before a cut: the cutter sits above the print head. */
  cutFeedLines: number;
  /** `GS v 0` band height limit: tall single images are garbled by many printers. */
  rasterBandRows: number;
  /**
   * The in-sequence reply that confirms a job: `GS r 1` every ESC/POS printer answers, or
   * `GS ( H` (process ID, TM-series and clones) which names the job it confirms.
   */
  ack: AckKind;
  /** Whether the printer has a Korean (CP949) font; without one, slips go as raster whatever the line. */
  koreanFont: boolean;
  /** The printer's own time to print and cut a slip once its last byte arrived (the ack budget adds the wire time). */
  printerTimeMs: number;
}

export const printerProfiles: Record<PrintWidthDots, PrinterProfile> = {
  576: {
    id: '80mm',
    widthDots: 576,
    columnsFontA: 48,
    columnsFontB: 64,
    fontA: { width: 12, height: 24 },
    fontB: { width: 9, height: 17 },
    lineHeightDots: 30,
    rasterFontPx: { small: 22, normal: 26, large: 36, title: 42 },
    rasterMarginDots: 8,
    cutFeedLines: 4,
    rasterBandRows: 255,
    ack: 'transmit-status',
    koreanFont: true,
    printerTimeMs: 8000,
  },
  384: {
    id: '58mm',
    widthDots: 384,
    columnsFontA: 32,
    columnsFontB: 42,
    fontA: { width: 12, height: 24 },
    fontB: { width: 9, height: 17 },
    lineHeightDots: 30,
    rasterFontPx: { small: 20, normal: 24, large: 32, title: 36 },
    rasterMarginDots: 4,
    cutFeedLines: 4,
    rasterBandRows: 255,
    ack: 'transmit-status',
    koreanFont: true,
    printerTimeMs: 8000,
  },
};

/** Where a printer's model differs from its paper width's profile (config `printer.ack`, `printer.koreanFont`). */
export type ProfileOverrides = Partial<Pick<PrinterProfile, 'ack' | 'koreanFont' | 'printerTimeMs'>>;

export function profileFor(width: PrintWidthDots, overrides: ProfileOverrides = {}): PrinterProfile {
  const base = printerProfiles[width];
  const o = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return Object.keys(o).length ? { ...base, ...o } : base;
}

/** The config's word on the printer's model, over its profile's. */
export function profileOverrides(cfg: Pick<PrinterConfig, 'ack' | 'koreanFont' | 'printerTimeMs'>): ProfileOverrides {
  return { ack: cfg.ack, koreanFont: cfg.koreanFont, printerTimeMs: cfg.printerTimeMs };
}
