/**
 * The contract over the web host's WebSocket. Reconnects with backoff; calls
 * made while disconnected wait for the connection (up to a limit) instead of
 * failing a visitor's tap; calls in flight when the link drops resolve with
 * `connection.lost` (the service may or may not have run them, so the UI
 * must not blindly repeat a side effect).
 */
import type { ApiClient, ApiInput, ApiMethod, ApiOutput } from '../../../electron/contract/api';
import type { Result } from '../../../electron/contract/errors';
import type { PushEventName, PushEventPayload } from '../../../electron/contract/events';

type Pending = { resolve: (r: Result<unknown>) => void; sent: boolean; method: string; input: unknown };

const lost: Result<never> = {
  ok: false,
  error: { code: 'connection.lost', messageKey: 'errors.connection.lost', retryable: true },
};

export interface WsClientOptions {
  url: string;
  onConnectionChange?: (connected: boolean) => void;
  /** How long a call waits for a connection before it gives up. */
  queueTimeoutMs?: number;
}

export function createWsClient(opts: WsClientOptions): ApiClient & { close(): void } {
  let ws: WebSocket | null = null;
  let nextId = 1;
  let retry = 0;
  let closed = false;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(p: unknown) => void>>();

  const connect = () => {
    if (closed) return;
    const sock = new WebSocket(opts.url);
    let opened = false;
    ws = sock;
    sock.onopen = () => {
      opened = true;
      retry = 0;
      opts.onConnectionChange?.(true);
      for (const [id, p] of pending) {
        if (!p.sent) {
          sock.send(JSON.stringify({ id, method: p.method, input: p.input }));
          p.sent = true;
        }
      }
    };
    sock.onmessage = (ev) => {
      let msg: { id?: number; result?: Result<unknown>; push?: { name: string; payload: unknown } };
      try {
        msg = JSON.parse(String(ev.data));
      } catch {
        return;
      }
      if (msg.push) {
        for (const l of listeners.get(msg.push.name) ?? []) l(msg.push.payload);
        return;
      }
      if (typeof msg.id === 'number' && msg.result) {
        const p = pending.get(msg.id);
        if (p) {
          pending.delete(msg.id);
          p.resolve(msg.result);
        }
      }
    };
    sock.onclose = () => {
      if (ws === sock) ws = null;
      opts.onConnectionChange?.(false);
      for (const [id, p] of pending) {
        if (p.sent) {
          pending.delete(id);
          p.resolve(lost);
        }
      }
      if (!closed) {
        const delay = Math.min(5000, 250 * 2 ** retry++);
        // Refused before it opened: the host may have restarted, and its screen cookie is per start.
        // Loading the page again (not running it) gives this page the new cookie.
        if (!opened) void refreshScreenCookie(opts.url);
        setTimeout(connect, delay);
      }
    };
  };
  connect();

  return {
    call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<Result<ApiOutput<M>>> {
      return new Promise((resolve) => {
        const id = nextId++;
        const entry: Pending = { resolve: resolve as (r: Result<unknown>) => void, sent: false, method, input };
        pending.set(id, entry);
        if (ws && ws.readyState === WebSocket.OPEN) {
          ws.send(JSON.stringify({ id, method, input }));
          entry.sent = true;
        } else {
          setTimeout(() => {
            if (pending.get(id) === entry && !entry.sent) {
              pending.delete(id);
              resolve(lost);
            }
          }, opts.queueTimeoutMs ?? 10_000);
        }
      });
    },
    on<N extends PushEventName>(name: N, listener: (payload: PushEventPayload<N>) => void) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      const l = listener as (p: unknown) => void;
      set.add(l);
      return () => set!.delete(l);
    },
    close() {
      closed = true;
      ws?.close();
    },
  };
}

/** GETs the host's page for its `Set-Cookie` (the screen cookie is HttpOnly: script never sees it). */
async function refreshScreenCookie(wsUrl: string): Promise<void> {
  try {
    const page = new URL('/', wsUrl.replace(/^ws/, 'http'));
    await fetch(page, { credentials: 'same-origin', cache: 'no-store' });
  } catch {
    // The host is down: the next attempt tries again.
  }
}
