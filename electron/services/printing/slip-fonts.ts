/**
 * The bundled Korean font for raster slips and previews: Pretendard (SIL OFL),
 * from the `pretendard` npm package, so a fresh install renders Hangul with no
 * system fonts. Registered once per process under our own family names.
 */
import { canvasModule } from '../app/lazy-module';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const SLIP_FONT = 'ItdaSlip';
export const SLIP_FONT_BOLD = 'ItdaSlipBold';

let registered = false;

export function ensureSlipFonts(): void {
  if (registered) return;
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('pretendard/package.json')), 'dist', 'public', 'static');
  const { GlobalFonts } = canvasModule();
  const regular = GlobalFonts.registerFromPath(join(dir, 'Pretendard-Regular.otf'), SLIP_FONT);
  const bold = GlobalFonts.registerFromPath(join(dir, 'Pretendard-Bold.otf'), SLIP_FONT_BOLD);
  if (!regular || !bold) throw new Error(`cannot load the Pretendard slip font from ${dir}`);
  registered = true;
}

/** A CSS font string for canvas. */
export function slipFont(px: number, bold: boolean): string {
  return `${px}px ${bold ? SLIP_FONT_BOLD : SLIP_FONT}`;
}
