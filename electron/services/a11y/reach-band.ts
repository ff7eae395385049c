/**
 * Which part of the screen a seated or short visitor can reach, as fractions
 * of the screen's height from its top. Pure: the low-reach layout's numbers.
 */
import type { LowReachConfig } from './a11y-config';

export interface ReachBand {
  /** 0 = top edge of the screen, 1 = bottom edge. */
  top: number;
  bottom: number;
}

export function reachBand(c: LowReachConfig): ReachBand {
  const { screenBottomMm: bottomMm, screenHeightMm: heightMm } = c;
  if (bottomMm === undefined || heightMm === undefined) return { top: c.defaultTopFraction, bottom: 1 };
  const screenTop = bottomMm + heightMm;
  const high = Math.min(c.reachHighMm, screenTop);
  const low = Math.max(c.reachLowMm, bottomMm);
  // A screen hung wholly out of reach still gets a usable band: its lowest quarter.
  if (high - low < heightMm * 0.25) return { top: 0.75, bottom: 1 };
  const frac = (mm: number) => Math.round(((screenTop - mm) / heightMm) * 1000) / 1000;
  return { top: frac(high), bottom: frac(low) };
}
