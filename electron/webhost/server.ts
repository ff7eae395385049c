/**
 * The Node web host: serves the renderer and carries the typed contract over
 * one WebSocket at `/api`. Loopback only by default. The same services as
 * the Electron app; how tests, developers without the Electron binary and
 * staff tablets run the kiosk.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Services } from '../services/compose';
import { createStaticHandler } from './static-files';
import { parseWsCall, WS_MAX_PAYLOAD, WS_PATH, type WsServerMessage } from './ws-protocol';
import { CoreErrorCode } from '../contract/errors';

export interface WebHostOptions {
  services: Services;
  rendererDir: string;
  port: number;
  host?: string;
  /** PEM files; required to listen beyond loopback (a venue LAN), optional on loopback. */
  tls?: { certFile: string; keyFile: string } | null;
}

export interface WebHost {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopback(host) && !opts.tls) {
    // Staff pages and visitor data must not travel a venue LAN in clear text.
    throw new Error(
      `refusing to listen on ${host}: serving beyond this machine needs TLS. Set webHost.tls.certFile and webHost.tls.keyFile in the config, or use the default 127.0.0.1.`,
    );
  }
  const tls = opts.tls ? readTlsFiles(opts.tls) : null;
  const { services } = opts;
  const log = services.logger.child('webhost');
  const serveStatic = createStaticHandler(opts.rendererDir, 'ws: wss:');
  const server: Server = tls ? createTlsServer(tls, (req, res) => serveStatic(req, res)) : createServer((req, res) => serveStatic(req, res));
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD });
  const sockets = new Set<WebSocket>();
  let nextConnection = 1;

  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== WS_PATH) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const unsubscribe = services.onPush((event) => {
    const text = JSON.stringify({ push: event } satisfies WsServerMessage);
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  wss.on('connection', (ws, req: IncomingMessage) => {
    const connectionId = `ws-${nextConnection++}`;
    const peer = req?.socket?.remoteAddress;
    sockets.add(ws);
    ws.on('close', () => {
      sockets.delete(ws);
      services.endConnection(connectionId);
    });
    ws.on('error', (err) => log.warn('websocket error', { connectionId, err }));
    ws.on('message', async (data, isBinary) => {
      const call = isBinary ? null : parseWsCall(data.toString());
      if (!call) {
        // A malformed message gets a typed error on id -1: the client can log it, nothing crashes.
        send(ws, {
          id: -1,
          result: { ok: false, error: { code: CoreErrorCode.invalidInput, messageKey: 'errors.contract.invalid_input', retryable: false } },
        });
        return;
      }
      const result = await services.dispatch(call.method, call.input, { transport: 'ws', connectionId, peer });
      send(ws, { id: call.id, result });
    });
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        reject(new Error(`port ${opts.port} on ${host} is already in use: stop the other kiosk process or start with --port N`));
      } else reject(err);
    };
    server.once('error', onError);
    server.listen(opts.port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log.info(`web host listening on ${url}`);

  return {
    url,
    port,
    server,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readTlsFiles(files: { certFile: string; keyFile: string }): { cert: Buffer; key: Buffer } {
  const read = (what: string, file: string) => {
    try {
      return readFileSync(file);
    } catch (err) {
      throw new Error(`cannot read the TLS ${what} file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  };
  return { cert: read('certificate', files.certFile), key: read('key', files.keyFile) };
}

function send(ws: WebSocket, msg: WsServerMessage) {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
}
