/**
 * The theme tokens, read from the stylesheets the kiosk ships, checked for
 * WCAG contrast: the normal theme at AA (4.5:1 for text), the high-contrast
 * theme at AAA (7:1), and the focus ring at 3:1 against what it sits on.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contrastRatio, cssTokens } from './contrast';

const styles = join(import.meta.dirname, '..', 'styles');
const base = readFileSync(join(styles, 'base.css'), 'utf8');
const a11y = readFileSync(join(styles, 'a11y.css'), 'utf8');

const normal = { ...cssTokens(base, ':root'), ...cssTokens(a11y, ':root') };
const contrast = { ...normal, ...cssTokens(a11y, ':root[data-a11y-contrast]') };

/** Text on background, as the stylesheets pair them. */
const TEXT_PAIRS: Array<[fg: string, bg: string]> = [
  ['ink', 'bg'],
  ['ink', 'surface'],
  ['ink-soft', 'bg'],
  ['ink-soft', 'surface'],
  ['accent-ink', 'accent'],
  ['accent', 'bg'],
  ['accent', 'surface'],
  ['card-ink', 'pharmacy'],
  ['card-ink', 'store'],
  ['warn-ink', 'warn-bg'],
  ['control-ink', 'control-bg'],
  ['ok-ink', 'ok-bg'],
  ['toast-ink', 'toast-bg'],
];

/** The focus ring sits on the page, on cards and on buttons. */
const FOCUS_PAIRS: Array<[string, string]> = [
  ['focus', 'bg'],
  ['focus', 'surface'],
  ['focus-halo', 'focus'],
];

describe.each([
  ['normal', normal, 4.5],
  ['high contrast', contrast, 7],
])('%s theme', (_name, tokens, min) => {
  it.each(TEXT_PAIRS)(`--%s on --%s reaches ${min}:1`, (fg, bg) => {
    expect(tokens[fg], `--${fg}`).toBeDefined();
    expect(tokens[bg], `--${bg}`).toBeDefined();
    expect(contrastRatio(tokens[fg], tokens[bg])).toBeGreaterThanOrEqual(min);
  });

  it.each(FOCUS_PAIRS)('focus ring --%s on --%s reaches 3:1', (fg, bg) => {
    expect(contrastRatio(tokens[fg], tokens[bg])).toBeGreaterThanOrEqual(3);
  });
});

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777', '#fff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#fff', '#fff')).toBe(1);
  });
});
