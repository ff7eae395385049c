/**
 * A calling client of the web host's `/api` WebSocket, opened as the kiosk
 * screen opens it (`screen-socket.ts`: the page's cookie and Origin): calls by
 * id, results as the host sent them. Security tests use it to act from two
 * sockets at once.
 */
import type { Result } from '../../electron/contract/errors';
import { openScreenSocket, type OpenSocketOptions } from './screen-socket';

export interface ApiSocket {
  call(method: string, input?: unknown): Promise<Result<any>>;
  close(): Promise<void>;
}

export async function openApiSocket(baseUrl: string, opts: OpenSocketOptions = {}): Promise<ApiSocket> {
  const ws = await openScreenSocket(baseUrl, opts);
  let next = 1;
  const waiting = new Map<number, (r: Result<any>) => void>();
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as { id?: number; result?: Result<any> };
    if (typeof m.id !== 'number' || !m.result) return;
    waiting.get(m.id)?.(m.result);
    waiting.delete(m.id);
  });
  return {
    call(method, input = {}) {
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ id, method, input }));
      });
    },
    close() {
      return new Promise((resolve) => {
        if (ws.readyState === ws.CLOSED) return resolve();
        ws.once('close', () => resolve());
        ws.close();
      });
    },
  };
}
