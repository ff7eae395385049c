/**
 * A venue hub for tests: in-process (`startTestHub`, with an injectable
 * clock) or as a child process (`spawnHub`, what `npm run hub` runs, so a
 * test can SIGKILL it), on a PostgreSQL from `startTestPostgres()`. Kiosks
 * join with `pairKiosk()` and `hubLinkFor()`, paced fast for tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { hubPool, startHub, type Hub } from '../../electron/hub/hub';
import { startHubServer, type HubServer } from '../../electron/hub/hub-server';
import { applyHubMigrations } from '../../electron/hub/hub-migrations';
import { freeLoopbackPort } from '../../electron/hub/local-postgres';
import { startTestPostgres, type TestPostgres } from './postgres';
import { startTestServices, type TestServices } from './test-services';
import { createPairCode } from '../../electron/hub/pairing';
import type { HubLink } from '../../electron/services/hub-sync/hub-link';
import { HubClient } from '../../electron/services/hub-sync/hub-client';
import type { Services } from '../../electron/services/compose';
import type { HubSyncService } from '../../electron/services/hub-sync/hub-sync-domain';
import { makeTempDir } from './temp-dir';
import { TEST_PINS } from './staff-pins';

const root = join(import.meta.dirname, '..', '..');

/** Cheap PIN hashes for test hubs (as `TEST_STAFF_HOST` for kiosks); hub-staff.test.ts checks the shipped ones. */
export const TEST_HUB_HASH = { alg: 'scrypt', N: 1 << 12, r: 8, p: 1 } as const;

export async function startTestHub(
  databaseUrl: string,
  opts: { now?: () => Date; offlineAfterMs?: number; port?: number; sessionClock?: () => number } = {},
): Promise<Hub & { remove(): Promise<void> }> {
  const temp = makeTempDir('itda-hub-');
  const hub = await startHub({ dataDir: temp.path, databaseUrl, port: opts.port ?? 0, now: opts.now, offlineAfterMs: opts.offlineAfterMs, sessionClock: opts.sessionClock, hashParams: TEST_HUB_HASH });
  return {
    ...hub,
    async remove() {
      await hub.close();
      temp.remove();
    },
  };
}

export interface HubProcess {
  url: string;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  stderr(): string;
}

/** `npm run hub` as a child (node + tsx directly, so a signal reaches the hub itself, not a wrapper). */
export async function spawnHub(opts: { databaseUrl: string; port: number; dataDir: string }): Promise<HubProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron/hub/hub-cli.ts'), '--port', String(opts.port), '--data', opts.dataDir], {
    cwd: root,
    env: { ...process.env, ITDA_HUB_DATABASE_URL: opts.databaseUrl, ITDA_LOG_ECHO: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the hub did not start in 60 s: ${err}`)), 60_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /Itda hub ready at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the hub exited (${code}) before it was ready: ${err}`));
    });
  });
  return { url, child, exited, stderr: () => err };
}

export async function pairKiosk(databaseUrl: string, kioskId: string, venue = 'test-venue'): Promise<string> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    return await createPairCode(pool, kioskId, venue);
  } finally {
    await pool.end();
  }
}

export function hubLinkFor(url: string, pairCode: string | null, timing: HubLink['timing'] = {}): HubLink {
  return {
    url,
    pairCode,
    caFile: null,
    lagAlert: { events: 100_000, minutes: 600 },
    timing: { heartbeatMs: 1_000, pollMs: 500, baseDelayMs: 100, maxDelayMs: 1_000, ...timing },
  };
}

export function hubSyncOf(services: Services): HubSyncService {
  const d = services.domains.get('hub');
  if (!d?.service) throw new Error('this kiosk has no hub link');
  return d.service as HubSyncService;
}

/** Waits until `check()` is true (polling), or fails with `what`. */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An answer of the hub as a staff device sees it (never thrown: tests look at refusals too). */
export interface HubAnswer<T = any> {
  status: number;
  ok: boolean;
  value: T;
  error: { code: string; message: string; details?: string[] } | null;
}

/**
 * A staff tablet on the hub, the way a person enrolls one: a pairing code
 * from the hub (what `npm run hub -- pair-device` prints), entered on the
 * pairing page (the cookie it sets is kept), then a PIN (`login`).
 */
export class HubStaffDevice {
  token = '';
  private constructor(
    readonly url: string,
    readonly cookie: string,
  ) {}

  static async enroll(hub: Pick<Hub, 'url' | 'staff'>, name = 'front desk'): Promise<HubStaffDevice> {
    const { code } = await hub.staff.createPairingCode(name, 'test');
    const r = await fetch(`${hub.url}/pair`, { method: 'POST', body: new URLSearchParams({ code }), redirect: 'manual' });
    const cookie = /^(itda_device=[^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
    if (r.status !== 303 || !cookie) throw new Error(`pairing refused: ${r.status}`);
    return new HubStaffDevice(hub.url, cookie);
  }

  /** A device that never enrolled (or holds a forged cookie). */
  static stranger(url: string, cookie = ''): HubStaffDevice {
    return new HubStaffDevice(url, cookie);
  }

  async login(pin: string): Promise<HubAnswer<{ token: string; role: string }>> {
    const r = await this.call<{ token: string; role: string }>('POST', '/staff/login', { pin });
    if (r.ok) this.token = r.value.token;
    return r;
  }

  get<T = any>(path: string) {
    return this.call<T>('GET', path);
  }

  post<T = any>(path: string, body: unknown) {
    return this.call<T>('POST', path, body);
  }

  /** The value, or a thrown error naming the refusal. */
  async value<T = any>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const r = await this.call<T>(method, path, body);
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.error)}`);
    return r.value;
  }

  async text(path: string): Promise<{ status: number; body: string }> {
    const r = await fetch(this.url + path, { headers: this.headers() });
    return { status: r.status, body: await r.text() };
  }

  private headers(): Record<string, string> {
    return { ...(this.cookie ? { cookie: this.cookie } : {}), ...(this.token ? { 'x-itda-staff-token': this.token } : {}) };
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<HubAnswer<T>> {
    const r = await fetch(this.url + path, {
      method,
      headers: { ...this.headers(), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const j = (await r.json()) as { ok: boolean; value?: T; error?: HubAnswer['error'] };
    return { status: r.status, ok: j.ok, value: j.value as T, error: j.error ?? null };
  }
}

/** An enrolled tablet logged in with a fresh PIN of `role` (added to the hub for it). */
export async function hubStaffLogin(hub: Pick<Hub, 'url' | 'staff'>, role: 'staff' | 'technician' | 'admin' = 'staff', pin?: string): Promise<HubStaffDevice> {
  const device = await HubStaffDevice.enroll(hub, `tablet-${role}`);
  const mine = pin ?? HUB_TEST_PINS[role];
  await hub.staff.addPin(role, role, mine).catch((err: { code?: string }) => {
    if (err.code !== 'staff.pin_taken') throw err;
  });
  const r = await device.login(mine);
  if (!r.ok) throw new Error(`login refused: ${JSON.stringify(r.error)}`);
  return device;
}

/** PINs that pass the rules: the kiosk's own test PINs. */
export const HUB_TEST_PINS = TEST_PINS;

/**
 * The hub's HTTP side on one fixed loopback port, over a test's own pool, that a test takes
 * down and brings back (the venue network failing and returning) while PostgreSQL stays.
 * `keysDir`: where it keeps venue keys (none: it hands out no venue key, as a hub before them did).
 */
export interface RestartableHub {
  /** Serves again; nothing when it serves already. */
  up(): Promise<void>;
  down(): Promise<void>;
  /** The serving hub (its staff side for `hubStaffLogin`), or null while down. */
  server(): HubServer | null;
}

export function restartableHub(pool: pg.Pool, port: number, keysDir?: string): RestartableHub {
  let server: HubServer | null = null;
  return {
    async up() {
      server ??= await startHubServer({ pool, port, keysDir, hashParams: TEST_HUB_HASH });
    },
    async down() {
      await server?.close();
      server = null;
    },
    server: () => server,
  };
}

/**
 * A venue for tests: a throwaway PostgreSQL, the hub's HTTP side on a fixed
 * loopback port (`hub.down()` / `hub.up()`: the network failing and
 * returning), and kiosks paired into one venue. Heartbeats come only when a
 * test asks (`hubSyncOf(k.services).heartbeat()`), so each step is seen as it happens.
 */
export interface TestVenue {
  postgres: TestPostgres;
  pool: pg.Pool;
  hub: RestartableHub;
  kiosks: TestServices[];
  venue: string;
  stop(): Promise<void>;
}

export async function startTestVenue(kioskIds: string[], venue: string, opts: { prefix?: string } = {}): Promise<TestVenue> {
  const postgres = await startTestPostgres();
  const pool = hubPool(postgres.url);
  await applyHubMigrations(pool);
  const port = await freeLoopbackPort();
  const hub = restartableHub(pool, port);
  await hub.up();
  const kiosks: TestServices[] = [];
  const stop = async () => {
    for (const k of kiosks) await k.stop();
    await hub.down();
    await pool.end();
    await postgres.remove();
  };
  try {
    for (const id of kioskIds) {
      const code = await pairKiosk(postgres.url, id, venue);
      const link = hubLinkFor(`http://127.0.0.1:${port}`, code, { heartbeatMs: 600_000, venueTimeoutMs: 5_000 });
      const k = await startTestServices({ kioskId: id }, { hub: link, prefix: opts.prefix ?? 'itda-venue-' });
      kiosks.push(k);
      await until(`${id} paired`, () => hubSyncOf(k.services).paired());
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { postgres, pool, hub, kiosks, venue, stop };
}

/** A visitor checks in at `k` without consent and asks to talk now: the ticket the screen shows. */
export async function checkInToTalk(k: TestServices, requestId: string): Promise<{ requestId: string; ticket: any }> {
  await callKiosk(k, 'store.start', { requestId, consent: false });
  return { requestId, ticket: await callKiosk(k, 'store.talkNow', { requestId }) };
}

/** A contract call on a kiosk's services; a refusal throws, carrying its code. */
export async function callKiosk(k: TestServices, method: string, input: unknown = {}): Promise<any> {
  const r = await k.services.dispatch(method, input);
  if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code}`), r.error);
  return r.value as any;
}

/** `npm run hub -- <subcommand …>` on a test database (node + tsx directly): exit code and output. */
export async function runHubCli(databaseUrl: string, args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const temp = makeTempDir('itda-hub-cli-');
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron/hub/hub-cli.ts'), ...args, '--data', temp.path], {
      cwd: root,
      env: { ...process.env, ITDA_HUB_DATABASE_URL: databaseUrl, ITDA_LOG_ECHO: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.stdin!.end(stdin);
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    return { code, stdout, stderr };
  } finally {
    temp.remove();
  }
}

/**
 * A kiosk as the hub sees it on the wire, without the kiosk's services: it
 * pairs with a code and sends batches of events (seq numbered for it), for
 * tests that need exact event counts at the hub.
 */
export async function wireKiosk(hub: Pick<Hub, 'url'>, databaseUrl: string, kioskId: string, venue: string) {
  const client = new HubClient({ url: hub.url });
  const code = await pairKiosk(databaseUrl, kioskId, venue);
  const { credential } = await client.post<{ credential: string }>('/v1/pair', { kioskId, code });
  client.setCredential(credential);
  let seq = 0;
  return {
    /** Sends `count` events of `type` with `payload`, at `at` (now by default). */
    async send(type: string, count: number, payload: Record<string, unknown> = {}, at = new Date()) {
      const events = Array.from({ length: count }, () => {
        seq++;
        return { seq, id: `${kioskId}-${seq}`, at: at.toISOString(), type, payload };
      });
      return client.post<{ ackedSeq: number; inserted: number }>('/v1/events', { events });
    },
    close: () => client.close(),
  };
}
