/**
 * A slip described once, printed by either mode. Prescriptions (Mind
 * Pharmacy), check-in tickets and the technician's `print FILE` all build
 * this document; `slip-raster.ts` and `slip-text-encoder.ts` turn it into
 * ESC/POS bytes for a printer profile. The document holds what the visitor
 * takes home, so it lives only in the print queue, never in events.
 */
import { z } from 'zod';

const line = z.string().max(2000);
export const alignSchema = z.enum(['left', 'center', 'right']);
export type Align = z.infer<typeof alignSchema>;
/** `small` is font B in text mode; `large` is double width and height. */
export const textSizeSchema = z.enum(['small', 'normal', 'large']);
export type TextSize = z.infer<typeof textSizeSchema>;

export const slipBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('title'), text: line.min(1), align: alignSchema.default('center') }).strict(),
  z
    .object({
      type: z.literal('text'),
      text: line,
      align: alignSchema.default('left'),
      bold: z.boolean().default(false),
      size: textSizeSchema.default('normal'),
    })
    .strict(),
  /** Label on the left, value on the right (`복용 / Doses    3회`). */
  z.object({ type: z.literal('pair'), left: line, right: line, bold: z.boolean().default(false) }).strict(),
  z.object({ type: z.literal('rule'), style: z.enum(['solid', 'dashed']).default('solid') }).strict(),
  z
    .object({
      type: z.literal('qr'),
      data: z.string().min(1).max(500),
      /** Module size in dots (printer "cell size"). */
      module: z.number().int().min(2).max(8).default(6),
      caption: line.optional(),
    })
    .strict(),
  /** Blank lines of the normal text height. */
  z.object({ type: z.literal('feed'), lines: z.number().int().min(1).max(10).default(1) }).strict(),
  /** Exact vertical space in dots. */
  z.object({ type: z.literal('spacer'), dots: z.number().int().min(1).max(400).default(12) }).strict(),
]);
export type SlipBlock = z.output<typeof slipBlockSchema>;
export type SlipBlockInput = z.input<typeof slipBlockSchema>;

export const slipDocumentSchema = z
  .object({
    blocks: z.array(slipBlockSchema).min(1).max(200),
    /** Small centred lines after a dashed rule: venue, hours, a kind word. */
    footer: z.array(line).max(10).default([]),
    cut: z.boolean().default(true),
  })
  .strict();
export type SlipDocument = z.output<typeof slipDocumentSchema>;
export type SlipDocumentInput = z.input<typeof slipDocumentSchema>;

/** Validates and fills defaults; throws zod's error with paths on a bad document. */
export function parseSlipDocument(raw: unknown): SlipDocument {
  return slipDocumentSchema.parse(raw);
}

/** The blocks to print, footer included, so both encoders lay out the same list. */
export function slipBlocksWithFooter(doc: SlipDocument): SlipBlock[] {
  if (doc.footer.length === 0) return doc.blocks;
  return [
    ...doc.blocks,
    { type: 'rule', style: 'dashed' },
    ...doc.footer.map((text): SlipBlock => ({ type: 'text', text, align: 'center', bold: false, size: 'small' })),
  ];
}
