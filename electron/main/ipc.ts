/**
 * The only IPC door into main: one `invoke` channel carrying
 * `(method, input)`, and one push channel out. Every call is checked for its
 * sender (our window, its main frame, an `app://kiosk` page) before the
 * shared dispatcher validates the input against the contract, exactly as the
 * web host does. A refused or broken call gets a typed error, never a throw.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { invokeChannel, pushChannel } from '../contract/names';
import type { Result } from '../contract/errors';
import type { PushEvent } from '../contract/events';
import type { Dispatcher } from '../contract/dispatch';
import { isAppUrl } from './navigation-guard';

/** The code a call from a foreign sender gets; the kiosk's own page never sees it. */
export const FORBIDDEN_SENDER = 'contract.forbidden';

export interface SenderFacts {
  /** `event.sender.id` */
  senderId: number;
  /** The trusted window's `webContents.id`, or null when there is no window. */
  windowContentsId: number | null;
  /** `event.senderFrame?.url`; null when the frame is gone (navigated or destroyed). */
  frameUrl: string | null;
  /** Whether the frame is the page's main frame (`senderFrame.parent === null`). */
  isMainFrame: boolean;
}

export type SenderVerdict = { ok: true } | { ok: false; reason: string };

export function checkSender(f: SenderFacts): SenderVerdict {
  if (f.windowContentsId === null) return { ok: false, reason: 'no kiosk window' };
  if (f.senderId !== f.windowContentsId) return { ok: false, reason: 'not the kiosk window' };
  if (f.frameUrl === null) return { ok: false, reason: 'sender frame is gone' };
  if (!f.isMainFrame) return { ok: false, reason: 'not the main frame' };
  if (!isAppUrl(f.frameUrl)) return { ok: false, reason: 'not an app:// page' };
  return { ok: true };
}

export function senderFacts(event: IpcMainInvokeEvent, window: { webContents: Pick<WebContents, 'id'> } | null): SenderFacts {
  let frameUrl: string | null = null;
  let isMainFrame = false;
  try {
    const frame = event.senderFrame;
    if (frame) {
      frameUrl = frame.url;
      isMainFrame = frame.parent === null;
    }
  } catch {
    // Reading a frame that was disposed throws; treat it as gone.
  }
  return { senderId: event.sender.id, windowContentsId: window?.webContents.id ?? null, frameUrl, isMainFrame };
}

export interface IpcWiring {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  /** The current kiosk window (it may be recreated after a crash). */
  getWindow(): { webContents: Pick<WebContents, 'id' | 'send' | 'isDestroyed'>; isDestroyed(): boolean } | null;
  services: { dispatch: Dispatcher; onPush(listener: (e: PushEvent) => void): () => void };
  log: { warn(message: string, fields?: Record<string, unknown>): void; error(message: string, fields?: Record<string, unknown>): void };
}

/** Registers the invoke handler and the push relay; returns the function that removes both. */
export function registerIpc({ ipcMain, getWindow, services, log }: IpcWiring): () => void {
  ipcMain.handle(invokeChannel, async (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
    const verdict = checkSender(senderFacts(event, getWindow()));
    if (!verdict.ok) {
      log.warn('refused an IPC call', { reason: verdict.reason, method: typeof method === 'string' ? method.slice(0, 64) : typeof method });
      return { ok: false, error: { code: FORBIDDEN_SENDER, messageKey: `errors.${FORBIDDEN_SENDER}`, retryable: false } };
    }
    try {
      return await services.dispatch(typeof method === 'string' ? method : String(method), input, { transport: 'ipc', principal: { kind: 'screen' } });
    } catch (err) {
      // The dispatcher already turns handler faults into Results; this is a last guard for the door itself.
      log.error('IPC dispatch failed', { err });
      return { ok: false, error: { code: 'internal', messageKey: 'errors.internal', retryable: false } };
    }
  });

  const unsubscribe = services.onPush((event) => {
    const win = getWindow();
    if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
    try {
      win.webContents.send(pushChannel, event);
    } catch (err) {
      log.warn('cannot push to the window', { name: event.name, err });
    }
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(invokeChannel);
  };
}
