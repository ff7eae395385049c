/**
 * One hub: PostgreSQL (a server named by URL, or a cluster of its own in the
 * data dir), its migrations, and the HTTP server. `npm run hub` and the tests
 * start it through `startHub()`.
 */
import pg from 'pg';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { startLocalPostgres, type LocalPostgres } from './local-postgres';
import { applyHubMigrations } from './hub-migrations';
import { startHubServer, type HubServer, type HubServerOptions } from './hub-server';

export interface HubOptions {
  dataDir: string;
  /** A PostgreSQL server; without it the hub runs its own cluster in `<dataDir>/postgres`. */
  databaseUrl?: string;
  port: number;
  host?: string;
  tls?: HubServerOptions['tls'];
  now?: () => Date;
  offlineAfterMs?: number;
  log?: HubServerOptions['log'];
  sessionClock?: HubServerOptions['sessionClock'];
  hashParams?: HubServerOptions['hashParams'];
}

export interface Hub {
  url: string;
  pool: pg.Pool;
  /** The staff side: enrolled devices, PINs, sessions (`hub-staff.ts`). */
  staff: HubServer['staff'];
  /** The cluster the hub started itself (none with `databaseUrl`). */
  postgres: LocalPostgres | null;
  close(opts?: { stopPostgres?: boolean }): Promise<void>;
}

/** A pool that survives PostgreSQL restarting: a dropped client is logged and replaced, never fatal. */
export function hubPool(url: string, log: HubServerOptions['log'] = () => undefined): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 20, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  // The pool listens for errors only on idle clients (`pool.on('error')`); it takes its listener off a
  // client it lends out. A connection that drops while lent (PostgreSQL stopping between two queries
  // of a batch's transaction) then emitted 'error' with no listener, which ended the hub's process.
  // This listener stays for the client's life: the query in flight fails on its own, the request
  // answers an error, and the client, no longer queryable, is dropped when it is released.
  pool.on('connect', (client) => client.on('error', (err) => log('hub database connection dropped while in use', { err: err.message })));
  pool.on('error', (err) => log('hub database connection dropped', { err: err.message }));
  return pool;
}

export async function openHubDatabase(opts: Pick<HubOptions, 'dataDir' | 'databaseUrl' | 'log'>): Promise<{ pool: pg.Pool; postgres: LocalPostgres | null }> {
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const postgres = opts.databaseUrl ? null : await startLocalPostgres({ dir: opts.dataDir });
  const pool = hubPool(opts.databaseUrl ?? postgres!.url, opts.log);
  try {
    await applyHubMigrations(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  return { pool, postgres };
}

export async function startHub(opts: HubOptions): Promise<Hub> {
  const { pool, postgres } = await openHubDatabase(opts);
  let server;
  try {
    server = await startHubServer({ pool, port: opts.port, host: opts.host, tls: opts.tls, now: opts.now, offlineAfterMs: opts.offlineAfterMs, log: opts.log, sessionClock: opts.sessionClock, hashParams: opts.hashParams, keysDir: join(opts.dataDir, 'keys') });
  } catch (err) {
    await pool.end();
    throw err;
  }
  return {
    url: server.url,
    pool,
    staff: server.staff,
    postgres,
    async close({ stopPostgres = true } = {}) {
      await server.close();
      await pool.end();
      if (stopPostgres) await postgres?.stop('fast');
    },
  };
}

export const defaultHubDataDir = (root: string) => join(root, 'hub-data');
