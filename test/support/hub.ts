/**
 * A venue hub for tests: in-process (`startTestHub`, with an injectable
 * clock) or as a child process (`spawnHub`, what `npm run hub` runs, so a
 * test can SIGKILL it), on a PostgreSQL from `startTestPostgres()`. Kiosks
 * join with `pairKiosk()` and `hubLinkFor()`, paced fast for tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { startHub, type Hub } from '../../electron/hub/hub';
import { createPairCode } from '../../electron/hub/pairing';
import type { HubLink } from '../../electron/services/hub-sync/hub-link';
import type { Services } from '../../electron/services/compose';
import type { HubSyncService } from '../../electron/services/hub-sync/hub-sync-domain';
import { makeTempDir } from './temp-dir';

const root = join(import.meta.dirname, '..', '..');

export async function startTestHub(databaseUrl: string, opts: { now?: () => Date; offlineAfterMs?: number; port?: number } = {}): Promise<Hub & { remove(): Promise<void> }> {
  const temp = makeTempDir('itda-hub-');
  const hub = await startHub({ dataDir: temp.path, databaseUrl, port: opts.port ?? 0, now: opts.now, offlineAfterMs: opts.offlineAfterMs });
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
  if (!d) throw new Error('this kiosk has no hub link');
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
