/**
 * What the preload puts on `window.itda` in the Electron window: the typed
 * contract, carried over IPC. The web host has no bridge (`window.itda` is
 * undefined) and its client speaks WebSocket instead; both clients wrap this
 * shape into the renderer's `ApiClient`.
 */
import type { Result } from '../contract/errors';

export interface ItdaBridge {
  /**
   * Calls one contract method. Never rejects: a method name outside the
   * contract resolves `contract.unknown_method` without touching IPC, and a
   * broken IPC link resolves `internal`.
   */
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /**
   * Listens to one pushed event (`app.health`, `device.status`,
   * `staff.alert`); other names get a listener that never fires. Returns the
   * function that unsubscribes.
   */
  on(name: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    itda?: ItdaBridge;
  }
}
