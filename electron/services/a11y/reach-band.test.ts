import { describe, expect, it } from 'vitest';
import { lowReachSchema } from './a11y-config';
import { reachBand } from './reach-band';

describe('reachBand', () => {
  it('uses the lower 55 % of the screen when no geometry is configured', () => {
    expect(reachBand(lowReachSchema.parse({}))).toEqual({ top: 0.45, bottom: 1 });
  });

  it('keeps controls within 400–1220 mm of the floor for a screen hung at 700–1900 mm', () => {
    const band = reachBand(lowReachSchema.parse({ screenBottomMm: 700, screenHeightMm: 1200 }));
    // 1900 − 1220 = 680 mm from the top of a 1200 mm screen; its lower edge (700 mm) is already in reach.
    expect(band).toEqual({ top: 0.567, bottom: 1 });
  });

  it('stops above the floor margin for a screen that reaches lower than 400 mm', () => {
    const band = reachBand(lowReachSchema.parse({ screenBottomMm: 200, screenHeightMm: 1000 }));
    expect(band).toEqual({ top: 0, bottom: 0.8 });
  });

  it('falls back to the lowest quarter for a screen hung out of reach', () => {
    expect(reachBand(lowReachSchema.parse({ screenBottomMm: 1300, screenHeightMm: 600 }))).toEqual({ top: 0.75, bottom: 1 });
  });
});
