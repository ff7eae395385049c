/**
 * A stand-in for the `electron` module, for main and preload tests on a
 * machine without the Electron binary: `vi.mock('electron', () => import('<this file>'))`.
 * It records what the code asked Electron to do (handlers, windows, dialogs)
 * and lets a test play Electron's part (fire `ready`, invoke an IPC channel,
 * push to the renderer). `resetElectronMock()` between tests.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  destroyed = false;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send = vi.fn((channel: string, ...args: unknown[]) => {
    this.sent.push({ channel, args });
  });
  reload = vi.fn();
  openDevTools = vi.fn();
  forcefullyCrashRenderer = vi.fn();
  setVisualZoomLevelLimits = vi.fn(async () => {});
  isDestroyed = () => this.destroyed;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  destroyed = false;
  loadedUrl: string | null = null;
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.instances.push(this);
  }
  loadURL = vi.fn(async (url: string) => {
    this.loadedUrl = url;
  });
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = () => false;
  isDestroyed = () => this.destroyed;
  /** Like Electron: 'close' first (a listener may prevent it), then 'closed'. Returns whether it closed. */
  close(): boolean {
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    return true;
  }
  static fromWebContents(contents: unknown) {
    return BrowserWindow.instances.find((w) => w.webContents === contents) ?? null;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  singleInstance = true;
  userData = '/tmp/itda-electron-mock-userdata';
  private readyResolve!: () => void;
  private ready = new Promise<void>((r) => (this.readyResolve = r));
  requestSingleInstanceLock = vi.fn(() => this.singleInstance);
  whenReady = vi.fn(() => this.ready);
  getPath = vi.fn((name: string) => (name === 'userData' ? this.userData : `/tmp/${name}`));
  getVersion = vi.fn(() => '0.0.0-mock');
  quit = vi.fn(() => {
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.emit('will-quit');
  });
  exit = vi.fn();
  relaunch = vi.fn();
  readonly switches: [string, string | undefined][] = [];
  commandLine = {
    appendSwitch: vi.fn((name: string, value?: string) => {
      this.switches.push([name, value]);
    }),
  };
  /** Test side: Electron finished starting. */
  fireReady() {
    this.readyResolve();
  }
}

export let app = new FakeApp();

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle: vi.fn((channel: string, handler: Handler) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
  /** Test side: a renderer invokes `channel`. */
  async invoke(channel: string, event: unknown, ...args: unknown[]) {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  },
};

export const ipcRenderer = {
  listeners: new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>(),
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined),
  on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
    const list = ipcRenderer.listeners.get(channel) ?? [];
    list.push(listener);
    ipcRenderer.listeners.set(channel, list);
    return ipcRenderer;
  }),
  /** Test side: main sends `args` on `channel`. */
  emit(channel: string, ...args: unknown[]) {
    for (const l of ipcRenderer.listeners.get(channel) ?? []) l({ sender: ipcRenderer }, ...args);
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed.set(key, api);
  }),
};

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => {
    protocol.privileged.push(...schemes);
  }),
  handle: vi.fn((scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
    protocol.handlers.set(scheme, handler);
  }),
};

function fakeSession() {
  return {
    permissionRequestHandler: null as null | ((...args: unknown[]) => void),
    permissionCheckHandler: null as null | ((...args: unknown[]) => boolean),
    devicePermissionHandler: null as null | ((...args: unknown[]) => boolean),
    beforeRequest: null as null | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    setPermissionRequestHandler: vi.fn(function (this: ReturnType<typeof fakeSession>, h) {
      this.permissionRequestHandler = h;
    }),
    setPermissionCheckHandler: vi.fn(function (this: ReturnType<typeof fakeSession>, h) {
      this.permissionCheckHandler = h;
    }),
    setDevicePermissionHandler: vi.fn(function (this: ReturnType<typeof fakeSession>, h) {
      this.devicePermissionHandler = h;
    }),
    webRequest: {
      onBeforeRequest: vi.fn((h: (details: { url: string }, cb: (r: { cancel: boolean }) => void) => void) => {
        session.defaultSession.beforeRequest = h;
      }),
    },
  };
}

export const session = { defaultSession: fakeSession() };

export const dialog = { showErrorBox: vi.fn() };
export const Menu = { setApplicationMenu: vi.fn() };

export const powerSaveBlocker = {
  started: new Set<number>(),
  nextId: 1,
  start: vi.fn((_type: string) => {
    const id = powerSaveBlocker.nextId++;
    powerSaveBlocker.started.add(id);
    return id;
  }),
  stop: vi.fn((id: number) => {
    powerSaveBlocker.started.delete(id);
  }),
  isStarted: vi.fn((id: number) => powerSaveBlocker.started.has(id)),
};

export function resetElectronMock(): void {
  app = new FakeApp();
  BrowserWindow.instances = [];
  ipcMain.handlers.clear();
  ipcRenderer.listeners.clear();
  contextBridge.exposed.clear();
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  session.defaultSession = fakeSession();
  powerSaveBlocker.started.clear();
  vi.clearAllMocks();
}

/** A stand-in keychain: "seals" by reversing and tagging, so tests can tell sealed bytes from plain. */
export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  encryptString: vi.fn((plain: string) => Buffer.from('sealed:' + [...plain].reverse().join(''))),
  decryptString: vi.fn((sealed: Buffer) => [...sealed.toString().replace(/^sealed:/, '')].reverse().join('')),
};
