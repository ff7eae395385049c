import { describe, expect, it } from 'vitest';
import { BACKGROUND_COLOR, windowOptions } from './window-options';
import { chromiumSwitches, resolveShellOptions, userArgs } from './shell-options';

const preloadPath = '/opt/itda/out/preload/index.cjs';

describe('kiosk window options', () => {
  const kiosk = windowOptions({ kiosk: true, preloadPath });
  const windowed = windowOptions({ kiosk: false, preloadPath });

  it('fills the screen without frame in kiosk mode', () => {
    expect(kiosk).toMatchObject({ kiosk: true, fullscreen: true, frame: false, resizable: false, show: false });
    expect(kiosk.backgroundColor).toBe(BACKGROUND_COLOR);
  });

  it('isolates the page from Node in both modes', () => {
    for (const o of [kiosk, windowed]) {
      expect(o.webPreferences).toMatchObject({
        preload: preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        navigateOnDragDrop: false,
      });
    }
  });

  it('has devtools only outside kiosk mode', () => {
    expect(kiosk.webPreferences?.devTools).toBe(false);
    expect(windowed.webPreferences?.devTools).toBe(true);
    expect(windowed.kiosk).toBeUndefined();
    expect(windowed.frame).toBe(true);
  });

  it('shows the portrait kiosk layout at half size when windowed', () => {
    expect(windowed.width! / windowed.height!).toBeCloseTo(1080 / 1920);
    expect(windowed.webPreferences?.zoomFactor).toBe(0.5);
  });
});

describe('shell options', () => {
  it('is a kiosk unless told otherwise', () => {
    expect(resolveShellOptions([], {})).toEqual({ kiosk: true, devTools: false });
    expect(resolveShellOptions(['--data', '/x'], { ITDA_KIOSK: '1' })).toEqual({ kiosk: true, devTools: false });
    expect(resolveShellOptions([], { ITDA_KIOSK: 'no' })).toEqual({ kiosk: true, devTools: false });
  });

  it('opens a window with devtools for ITDA_KIOSK=0 or --no-kiosk', () => {
    expect(resolveShellOptions([], { ITDA_KIOSK: '0' })).toEqual({ kiosk: false, devTools: true });
    expect(resolveShellOptions(['--no-kiosk'], {})).toEqual({ kiosk: false, devTools: true });
  });

  it('skips Electron and the script path in the arguments', () => {
    expect(userArgs(['/x/electron', 'out/main/index.js', '--no-kiosk'], false)).toEqual(['--no-kiosk']);
    expect(userArgs(['/opt/Itda Kiosk/itda', '--no-kiosk'], true)).toEqual(['--no-kiosk']);
  });

  it('turns off pinch-zoom and swipe-back in kiosk mode only', () => {
    expect(chromiumSwitches({ kiosk: true, devTools: false })).toEqual([['disable-pinch'], ['overscroll-history-navigation', '0']]);
    expect(chromiumSwitches({ kiosk: false, devTools: true })).toEqual([]);
  });
});
