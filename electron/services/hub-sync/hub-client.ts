/**
 * The kiosk's HTTP(S) client for the hub: JSON in, `{ ok, value | error }`
 * out, one keep-alive agent, a timeout on every call. Every failure is a
 * `HubCallError` saying whether trying again may help (network, hub or its
 * database down: yes; a refused credential: no, staff must pair again).
 */
import { request as httpRequest, Agent as HttpAgent } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import { readFileSync } from 'node:fs';

export class HubCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface HubClientOptions {
  url: string;
  caFile?: string | null;
  timeoutMs?: number;
}

export class HubClient {
  private credential: string | null = null;
  private readonly agent: HttpAgent | HttpsAgent;
  private readonly base: URL;
  private readonly timeoutMs: number;

  constructor(opts: HubClientOptions) {
    this.base = new URL(opts.url);
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    const ca = opts.caFile ? readFileSync(opts.caFile) : undefined;
    this.agent = this.base.protocol === 'https:' ? new HttpsAgent({ keepAlive: true, maxSockets: 4, ca }) : new HttpAgent({ keepAlive: true, maxSockets: 4 });
  }

  setCredential(credential: string | null) {
    this.credential = credential;
  }

  get paired(): boolean {
    return this.credential !== null;
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('POST', path, JSON.stringify(body));
  }

  /** POSTs a body that is already JSON text or bytes, sent as is (the hub bench's kiosks hold their batches serialised). */
  postSerialized<T>(path: string, json: string | Buffer): Promise<T> {
    return this.call<T>('POST', path, json);
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  close() {
    this.agent.destroy();
  }

  private call<T>(method: 'GET' | 'POST', path: string, text?: string | Buffer): Promise<T> {
    const url = new URL(path, this.base);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<T>((resolve, reject) => {
      const req = send(
        url,
        {
          method,
          agent: this.agent,
          timeout: this.timeoutMs,
          headers: {
            accept: 'application/json',
            ...(text !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } : {}),
            ...(this.credential ? { authorization: `Bearer ${this.credential}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (err) => reject(new HubCallError('hub.network', `reading the hub's reply failed: ${err.message}`, true)));
          res.on('end', () => {
            let parsed: { ok: boolean; value?: T; error?: { code: string; message: string; retryable: boolean } & Record<string, unknown> };
            try {
              parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              return reject(new HubCallError('hub.bad_reply', `the hub answered ${res.statusCode} without JSON`, true));
            }
            if (parsed.ok) return resolve(parsed.value as T);
            const e = parsed.error ?? { code: 'hub.internal', message: `HTTP ${res.statusCode}`, retryable: true };
            const { code, message, retryable, ...detail } = e;
            reject(new HubCallError(code, message, retryable, detail));
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer from the hub within ${this.timeoutMs} ms`)));
      req.on('error', (err) => reject(err instanceof HubCallError ? err : new HubCallError('hub.network', `cannot reach the hub: ${err.message}`, true)));
      req.end(text);
    });
  }
}
