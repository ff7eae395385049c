/**
 * The kiosk as a real web host process on a data dir, and a contract client
 * over its WebSocket as the renderer has. The process can be SIGKILLed (a
 * power cut, an OOM kill) and started again on the same data dir.
 * One process (`node`, with `--import tsx` unless a fresh bundle is there),
 * not the tsx launcher, whose child would outlive a SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { Result } from '../contract/errors';
import { WS_PATH, type WsServerMessage } from '../webhost/ws-protocol';
import { hostArgs } from './host-entry';

export interface KioskProcess {
  url: string;
  pid: number;
  client: KioskClient;
  /** SIGKILL, then waits for the exit. */
  kill(): Promise<void>;
  /** SIGTERM (the host closes its services), SIGKILL after `graceMs`. Returns true on a clean exit. */
  stop(graceMs?: number): Promise<boolean>;
  /** How the last `stop()` ended, in words (exit code or signal, and how long it took), for a report. */
  stopDetail(): string;
  /** The host's stderr so far (last 4 KB), for a report when something breaks. */
  stderr(): string;
}

export interface KioskClient {
  call(method: string, input?: unknown): Promise<Result<unknown>>;
  close(): void;
}

export interface KioskProcessOptions {
  root: string;
  dataDir: string;
  configFile: string;
  timeoutMs?: number;
  /** The host entry (TypeScript, from the root); default the rig's host, bundled when fresh (`host-entry.ts`). */
  entry?: string;
}

export async function startKioskProcess(opts: KioskProcessOptions): Promise<KioskProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...(opts.entry ? ['--import', 'tsx', join(opts.root, opts.entry)] : hostArgs(opts.root)), '--data', opts.dataDir, '--config', opts.configFile],
    { cwd: opts.root, env: { ...process.env, ITDA_LOG_ECHO: '0' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  let lastStop = 'not stopped';
  child.stdout!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4096)));
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4096)));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Never leave a half-started host behind: it would hold its data dir and eat the CPU the next runs need.
      child.kill('SIGKILL');
      reject(new Error(`kiosk host did not start in time: ${err.slice(-800)}`));
    }, opts.timeoutMs ?? 180_000);
    const check = () => {
      const m = /ready at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kiosk host exited (${code}) before it was ready: ${err.slice(-800)}`));
    });
  });
  let client: KioskClient;
  try {
    client = await connectClient(url);
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  const waitExit = async (ms: number) => Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
  return {
    url,
    pid: child.pid!,
    client,
    async kill() {
      client.close();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop(graceMs = 25_000) {
      client.close();
      const t0 = Date.now();
      const ended = () => `exit code ${child.exitCode}, signal ${child.signalCode}`;
      if (child.exitCode !== null || child.signalCode !== null) {
        lastStop = `the host had already ended before SIGTERM (${ended()})`;
        return child.exitCode === 0;
      }
      child.kill('SIGTERM');
      if (await waitExit(graceMs)) {
        lastStop = `ended ${Date.now() - t0} ms after SIGTERM (${ended()})`;
        return child.exitCode === 0;
      }
      child.kill('SIGKILL');
      await exited;
      lastStop = `still running ${graceMs} ms after SIGTERM, then SIGKILLed (${ended()})`;
      return false;
    },
    stopDetail: () => lastStop,
    stderr: () => err,
  };
}

/**
 * Connects as the kiosk screen does: load the page (which sets this start's
 * screen cookie), then open the API with that cookie and the page's Origin.
 */
export async function connectClient(hostUrl: string): Promise<KioskClient> {
  const cookie = await screenCookie(hostUrl);
  const ws = new WebSocket(hostUrl.replace(/^http/, 'ws') + WS_PATH, { headers: { cookie }, origin: new URL(hostUrl).origin });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const waiting = new Map<number, (r: Result<unknown>) => void>();
  const lost = (): Result<unknown> => ({ ok: false, error: { code: 'chaos.connection_lost', messageKey: 'errors.app.connection_lost', retryable: true } });
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as WsServerMessage;
    if ('id' in msg) {
      waiting.get(msg.id)?.(msg.result);
      waiting.delete(msg.id);
    }
  });
  ws.on('error', () => {});
  ws.on('close', () => {
    for (const done of waiting.values()) done(lost());
    waiting.clear();
  });
  return {
    call(method, input = {}) {
      if (ws.readyState !== ws.OPEN) return Promise.resolve(lost());
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ id, method, input }));
      });
    },
    close() {
      ws.terminate();
    },
  };
}

function screenCookie(hostUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(`${hostUrl}/`, (res) => {
      res.resume();
      const cookie = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('itda_screen_'));
      if (cookie) resolve(cookie);
      else reject(new Error(`the page at ${hostUrl} set no screen cookie (status ${res.statusCode})`));
    }).on('error', reject);
  });
}
