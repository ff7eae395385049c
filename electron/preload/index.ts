/**
 * The sandboxed preload: exposes the typed contract as `window.itda` and
 * nothing else. It imports only `electron` and the plain name lists, because
 * a sandboxed preload cannot load npm packages or ESM; the build makes it one
 * CommonJS file. Main validates every input again: this list only spares a
 * round trip for names that cannot exist.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { invokeChannel, methodNames, pushChannel, pushEventNames } from '../contract/names';
import type { ItdaBridge } from './itda-bridge';
import type { Result } from '../contract/errors';

const methods: ReadonlySet<string> = new Set(methodNames);
const events: ReadonlySet<string> = new Set(pushEventNames);
const listeners = new Map<string, Set<(payload: unknown) => void>>();

// One IPC listener for every push; the renderer's callbacks never see the
// IpcRendererEvent (it carries `sender`, a handle back into ipcRenderer).
ipcRenderer.on(pushChannel, (_event, message: unknown) => {
  if (typeof message !== 'object' || message === null) return;
  const { name, payload } = message as { name?: unknown; payload?: unknown };
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) {
    try {
      listener(payload);
    } catch (err) {
      // One screen's faulty listener must not starve the others of the event.
      console.error(`itda: listener for ${name} failed`, err);
    }
  }
});

const unknownMethod: Result<unknown> = {
  ok: false,
  error: { code: 'contract.unknown_method', messageKey: 'errors.contract.unknown_method', retryable: false },
};

const bridge: ItdaBridge = {
  async call(method, input) {
    if (typeof method !== 'string' || !methods.has(method)) return structuredClone(unknownMethod);
    try {
      return (await ipcRenderer.invoke(invokeChannel, method, input)) as Result<unknown>;
    } catch {
      // Main answers every call with a Result; a rejection means the link
      // itself broke (main restarting, input that cannot be cloned).
      return { ok: false, error: { code: 'internal', messageKey: 'errors.internal', retryable: false } };
    }
  },
  on(name, listener) {
    if (typeof name !== 'string' || !events.has(name) || typeof listener !== 'function') return () => {};
    let set = listeners.get(name);
    if (!set) listeners.set(name, (set = new Set()));
    // Wrapped so the same function subscribed twice unsubscribes independently.
    const entry = (payload: unknown) => listener(payload);
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  },
};

contextBridge.exposeInMainWorld('itda', bridge);
