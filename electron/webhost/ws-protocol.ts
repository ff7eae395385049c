/**
 * The contract carried over one WebSocket. Client → server: `{ id, method, input }`.
 * Server → client: `{ id, result }` for a call, `{ push: { name, payload } }` for events.
 * Shared by the web host and the renderer's WebSocket client.
 */
import type { Result } from './../contract/errors';
import type { PushEvent } from './../contract/events';

export interface WsCall {
  id: number;
  method: string;
  input: unknown;
}

export type WsServerMessage = { id: number; result: Result<unknown> } | { push: PushEvent };

export const WS_PATH = '/api';

/** Largest message a client may send: calls are small; anything bigger is abuse or a bug. */
export const WS_MAX_PAYLOAD = 256 * 1024;

export function parseWsCall(text: string): WsCall | null {
  let msg: unknown;
  try {
    msg = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof msg !== 'object' || msg === null) return null;
  const { id, method, input } = msg as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || typeof method !== 'string' || method.length > 100) return null;
  return { id, method, input };
}
