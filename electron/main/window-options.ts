/**
 * The one kiosk window's options, pure so they are tested without Electron.
 * Every web preference that widens what the page can do is set explicitly,
 * so a future Electron default cannot loosen it silently.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** The kiosk's screen is 1080x1920 portrait. */
export const KIOSK_SIZE = { width: 1080, height: 1920 } as const;
/** Shown behind the page before its first paint: the attract screen's calm ground, not a white flash. */
export const BACKGROUND_COLOR = '#10202b';

export interface WindowOptionsInput {
  kiosk: boolean;
  /** Absolute path of the built preload (`out/preload/index.cjs`). */
  preloadPath: string;
}

export function windowOptions({ kiosk, preloadPath }: WindowOptionsInput): BrowserWindowConstructorOptions {
  const windowed: BrowserWindowConstructorOptions = {
    // Half the kiosk's size at half zoom: developers see the kiosk's exact layout on a laptop screen.
    width: KIOSK_SIZE.width / 2,
    height: KIOSK_SIZE.height / 2,
    resizable: true,
    frame: true,
  };
  const fullscreen: BrowserWindowConstructorOptions = {
    kiosk: true,
    fullscreen: true,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    skipTaskbar: true,
  };
  return {
    ...(kiosk ? fullscreen : windowed),
    show: false,
    backgroundColor: BACKGROUND_COLOR,
    autoHideMenuBar: true,
    title: 'Itda Kiosk',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: !kiosk,
      zoomFactor: kiosk ? 1 : 0.5,
      // The attract screen may play a calm sound before any visitor touches it.
      autoplayPolicy: 'no-user-gesture-required',
    },
  };
}
