/**
 * The Node web host: serves the renderer and carries the typed contract over
 * one WebSocket at `/api`. Loopback only by default. The same services as
 * the Electron app; how tests, developers without the Electron binary and
 * staff tablets run the kiosk.
 *
 * Who may connect is decided at the upgrade (`upgrade-gate.ts`): the kiosk
 * screen (loopback page with this start's cookie and the host's Origin) or an
 * enrolled staff device (LAN, TLS, device cookie). Everything else gets 403.
 * What a connection may cost is bounded (`connection-limits.ts`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { readFileSync } from 'node:fs';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Services } from '../services/compose';
import type { Principal } from '../contract/dispatch';
import { createStaticHandler } from './static-files';
import { bootDataTag, readBootData } from './boot-data';
import { withHealthz } from './healthz';
import { parseWsCall, WS_MAX_PAYLOAD, WS_PATH, type WsServerMessage } from './ws-protocol';
import { CoreErrorCode, toWireError } from '../contract/errors';
import { decideUpgrade, loopbackOrigins, newScreenSecret, normalizeOrigin, parseCookies, screenCookieHeader, screenCookieName } from './upgrade-gate';
import { DEFAULT_CONNECTION_LIMITS, principalKey, type ConnectionLimits } from './connection-limits';
import { RateLimiter, type Bucket } from './screen-rate-limits';
import { handleDeviceRequest, type DeviceTrust } from './device-gate';

export type { DeviceTrust } from './device-gate';

export interface WebHostOptions {
  services: Services;
  rendererDir: string;
  port: number;
  host?: string;
  /** PEM files; required to listen beyond loopback (a venue LAN), optional on loopback. */
  tls?: { certFile: string; keyFile: string } | null;
  /** Origins besides the host's own that may open the API (config `webHost.allowedOrigins`). */
  allowedOrigins?: readonly string[];
  /** Enrolled staff devices (LAN). Without it, no LAN peer gets past the pairing page. */
  devices?: DeviceTrust | null;
  /**
   * Which peers are this machine (the kiosk screen's side); default: loopback.
   * Tests narrow it to 127.0.0.1 to play a LAN tablet from 127.0.0.3.
   */
  isScreenPeer?: (addr: string | undefined) => boolean;
  /** Per-principal rate limits of side-effect calls; default `SCREEN_RATE_LIMITS`. `false` only for benches that replay visitors faster than any person. */
  rateLimits?: Readonly<Record<string, Bucket>> | false;
  /** Override the limits (tests); defaults in `connection-limits.ts`. */
  limits?: Partial<ConnectionLimits>;
}

export interface WebHost {
  url: string;
  port: number;
  server: Server;
  /** Open API connections by principal key (`screen`, `device:ID`), for tests and diagnostics. */
  connectionCount(): number;
  close(): Promise<void>;
}

interface Conn {
  ws: WebSocket;
  id: string;
  principal: Principal;
  key: string;
  inFlight: number;
  alive: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

/** A peer address as the socket reports it (`::ffff:127.0.0.1` on dual-stack sockets). */
export function isLoopbackPeer(addr: string | undefined): boolean {
  if (!addr) return false;
  const a = addr.startsWith('::ffff:') ? addr.slice(7) : addr;
  return a === '::1' || a.startsWith('127.');
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopback(host) && !opts.tls) {
    // Staff pages and visitor data must not travel a venue LAN in clear text.
    throw new Error(
      `refusing to listen on ${host}: serving beyond this machine needs TLS. Set webHost.tls.certFile and webHost.tls.keyFile in the config, or use the default 127.0.0.1.`,
    );
  }
  const limits: ConnectionLimits = { ...DEFAULT_CONNECTION_LIMITS, ...opts.limits };
  const isScreenPeer = opts.isScreenPeer ?? isLoopbackPeer;
  const tls = opts.tls ? readTlsFiles(opts.tls) : null;
  const scheme = tls ? 'https:' : 'http:';
  const { services } = opts;
  const log = services.logger.child('webhost');
  const screenSecret = newScreenSecret();
  // The cookie's name needs the port, known only once listening.
  let screenCookie = { name: '', value: screenSecret };
  let screenOrigins = new Set<string>();
  const extraOrigins = new Set((opts.allowedOrigins ?? []).map(normalizeOrigin));
  const serveStatic = withHealthz(services, createStaticHandler(opts.rendererDir, 'ws: wss:', {
    onPage: (_req, headers) => {
      headers['set-cookie'] = screenCookieHeader(screenCookie.name, screenCookie.value, Boolean(tls));
    },
    // The attract screen paints from the page itself, not after a round trip on the API.
    pageHead: async () => {
      const data = await readBootData(services.dispatch);
      return data ? bootDataTag(data) : null;
    },
    log,
  }));

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    try {
      if (isScreenPeer(req.socket.remoteAddress)) {
        serveStatic(req, res);
        return;
      }
      // A LAN peer sees the renderer only once enrolled; before, the pairing page alone.
      handleDeviceRequest(req, res, { devices: opts.devices ?? null, serveStatic, log });
    } catch (err) {
      log.error('request handler failed', { err, url: req.url?.slice(0, 200) });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('internal error');
      else res.destroy();
    }
  };
  // Idle and slow sockets are checked this often against the header timeout (Node's default is 30 s).
  const httpOptions = { connectionsCheckingInterval: Math.max(250, Math.min(5_000, limits.headersTimeoutMs / 2)), headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.headersTimeoutMs * 3 };
  const server: Server = tls ? createTlsServer({ ...tls, ...httpOptions }, onRequest) : createServer(httpOptions, onRequest);
  server.maxConnections = limits.maxSockets;
  // A socket that sends nothing is never a request: the header timeout alone does not see it.
  // (ws clears the timeout on the sockets it upgrades; keep-alive has its own, shorter one.)
  server.setTimeout(limits.headersTimeoutMs);
  server.on('clientError', (err, socket) => {
    // Malformed requests and timed-out sockets: answer if possible, never crash.
    if (socket.writable && !(err as NodeJS.ErrnoException).code?.startsWith('ECONN')) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD });
  const conns = new Set<Conn>();
  const perPrincipal = new Map<string, number>();
  const rateLimiter = new RateLimiter(opts.rateLimits === false ? {} : opts.rateLimits);
  let nextConnection = 1;

  const refuse = (socket: Socket, status: 403 | 404 | 503, why: string, req: IncomingMessage) => {
    log.warn('API connection refused', { status, why, peer: req.socket.remoteAddress, origin: req.headers.origin?.slice(0, 100) });
    const text = status === 403 ? 'Forbidden' : status === 404 ? 'Not Found' : 'Service Unavailable';
    socket.end(`HTTP/1.1 ${status} ${text}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  };

  server.on('upgrade', (req, socket: Socket, head) => {
    socket.on('error', () => socket.destroy());
    try {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path !== WS_PATH) return refuse(socket, 404, 'not the API path', req);
      const decision = decideUpgrade(
        {
          origin: req.headers.origin,
          host: req.headers.host,
          cookies: parseCookies(req.headers.cookie),
          loopbackPeer: isScreenPeer(req.socket.remoteAddress),
        },
        {
          screenCookie,
          screenOrigins,
          scheme,
          extraOrigins,
          deviceCookie: opts.devices?.cookieName,
          findDevice: opts.devices ? (c) => opts.devices!.find(c) : undefined,
        },
      );
      if (!decision.ok) return refuse(socket, 403, decision.reason, req);
      const key = principalKey(decision.principal);
      if (conns.size >= limits.maxTotal) return refuse(socket, 503, 'too many connections', req);
      if ((perPrincipal.get(key) ?? 0) >= limits.maxPerPrincipal) return refuse(socket, 503, `too many connections for ${key}`, req);
      wss.handleUpgrade(req, socket, head, (ws) => accept(ws, req, decision.principal, key));
    } catch (err) {
      log.error('upgrade failed', { err });
      socket.destroy();
    }
  });

  const send = (c: Conn, msg: WsServerMessage | string) => {
    if (c.ws.readyState !== c.ws.OPEN) return;
    c.ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
    if (c.ws.bufferedAmount > limits.maxBufferedBytes) {
      // A client that does not read its replies would otherwise hold them all in our memory.
      log.warn('closing a connection that does not read its replies', { connectionId: c.id, buffered: c.ws.bufferedAmount });
      c.ws.terminate();
    }
  };

  const unsubscribe = services.onPush((event) => {
    const text = JSON.stringify({ push: event } satisfies WsServerMessage);
    for (const c of conns) send(c, text);
  });
  const unsubscribeRevoked = opts.devices?.onRevoked((deviceId) => {
    for (const c of conns) if (c.principal.kind === 'device' && c.principal.deviceId === deviceId) c.ws.close(4001, 'device revoked');
  });

  const pinger = setInterval(() => {
    for (const c of conns) {
      if (!c.alive) {
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      try {
        c.ws.ping();
      } catch {
        c.ws.terminate();
      }
    }
  }, limits.pingIntervalMs);
  pinger.unref();

  function accept(ws: WebSocket, req: IncomingMessage, principal: Principal, key: string) {
    const c: Conn = { ws, id: `ws-${nextConnection++}`, principal, key, inFlight: 0, alive: true };
    const peer = req.socket.remoteAddress;
    conns.add(c);
    perPrincipal.set(key, (perPrincipal.get(key) ?? 0) + 1);
    ws.on('pong', () => (c.alive = true));
    ws.on('close', () => {
      conns.delete(c);
      const n = (perPrincipal.get(key) ?? 1) - 1;
      if (n > 0) perPrincipal.set(key, n);
      else perPrincipal.delete(key);
      try {
        services.endConnection(c.id);
      } catch (err) {
        log.error('endConnection failed', { err, connectionId: c.id });
      }
    });
    ws.on('error', (err) => log.warn('websocket error', { connectionId: c.id, err }));
    ws.on('message', (data, isBinary) => {
      c.alive = true;
      const call = isBinary ? null : parseWsCall(data.toString());
      if (!call) {
        // A malformed message gets a typed error on id -1: the client can log it, nothing crashes.
        send(c, {
          id: -1,
          result: { ok: false, error: { code: CoreErrorCode.invalidInput, messageKey: 'errors.contract.invalid_input', retryable: false } },
        });
        return;
      }
      if (c.inFlight >= limits.maxInFlight) {
        log.warn('closing a connection with too many calls in flight', { connectionId: c.id });
        ws.terminate();
        return;
      }
      c.inFlight++;
      void run(c, call.id, call.method, call.input, peer).finally(() => c.inFlight--);
    });
  }

  async function run(c: Conn, id: number, method: string, input: unknown, peer: string | undefined) {
    try {
      rateLimiter.take(c.key, method);
      const result = await services.dispatch(method, input, { transport: 'ws', connectionId: c.id, principal: c.principal, peer });
      send(c, { id, result });
    } catch (err) {
      // Rate limits answer typed; anything else is a host bug, logged, and the connection lives on.
      if ((err as { code?: string })?.code !== CoreErrorCode.rateLimited) log.error('call handling failed', { err, method });
      send(c, { id, result: { ok: false, error: toWireError(err) } });
    }
  }

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
  server.on('error', (err) => log.error('web host server error', { err }));
  const port = (server.address() as AddressInfo).port;
  screenCookie = { name: screenCookieName(port), value: screenSecret };
  screenOrigins = loopbackOrigins(scheme, port, opts.allowedOrigins);
  const url = `${scheme}//${host.includes(':') ? `[${host}]` : host}:${port}`;
  log.info(`web host listening on ${url}`);

  return {
    url,
    port,
    server,
    connectionCount: () => conns.size,
    async close() {
      clearInterval(pinger);
      unsubscribe();
      unsubscribeRevoked?.();
      for (const c of conns) c.ws.terminate();
      wss.close();
      server.closeAllConnections();
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
