/**
 * How this Electron start should behave, from flags and environment: kiosk
 * (the venue default) or a windowed developer mode with devtools.
 * `ITDA_KIOSK=0` or `--no-kiosk` selects the windowed mode; anything else is
 * kiosk, so a typo on a venue machine never opens devtools to visitors.
 */
export interface ShellOptions {
  kiosk: boolean;
  /** Devtools exist only outside kiosk mode. */
  devTools: boolean;
}

export function resolveShellOptions(argv: readonly string[], env: NodeJS.ProcessEnv): ShellOptions {
  const windowed = argv.includes('--no-kiosk') || env.ITDA_KIOSK === '0' || env.ITDA_KIOSK === 'false';
  return { kiosk: !windowed, devTools: windowed };
}

/**
 * The arguments after Electron's own: `electron out/main/index.js --data X`
 * gives `--data X`. A packaged app has no script argument to skip.
 */
export function userArgs(argv: readonly string[], packaged: boolean): string[] {
  return argv.slice(packaged ? 1 : 2);
}

/**
 * Chromium switches for a touch kiosk, applied before `ready`. Pinch-zoom and
 * the overscroll swipe back would strand a visitor on a magnified or earlier
 * screen with no way back; both stay on in the windowed developer mode.
 */
export function chromiumSwitches(shell: ShellOptions): [string, string?][] {
  if (!shell.kiosk) return [];
  return [['disable-pinch'], ['overscroll-history-navigation', '0']];
}
