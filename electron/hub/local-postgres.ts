/**
 * A PostgreSQL cluster the hub owns in its data dir, from Debian's
 * `postgresql` package (no download at install; see README "A venue with
 * several kiosks"). Used by `npm run hub` when no `ITDA_HUB_DATABASE_URL` is
 * given, and by the tests and bench as a throwaway server.
 *
 * PostgreSQL refuses to run as root: as root, the binaries run through
 * `runuser -u postgres` on a folder owned by `postgres`; as any other user
 * they run directly. The server listens on 127.0.0.1 only, with a socket dir
 * of its own and password (scram) authentication: the password sits in the
 * data dir, readable by the hub's user only.
 */
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface LocalPostgres {
  /** `postgres://itda:…@127.0.0.1:PORT/itda_hub` */
  url: string;
  port: number;
  /** Stops the server: `fast` (clean) or `immediate` (as if the machine lost power: crash recovery on the next start). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts it again on the same port (after `stop`). */
  start(): Promise<void>;
  /** It was already up when we came (a hub was killed, or serves now): not ours to stop. */
  wasRunning: boolean;
}

export interface LocalPostgresOptions {
  /** The folder that holds the cluster (`<dir>/data`), its socket dir and log. Created when missing. */
  dir: string;
  /** Default: the port a running cluster already has, else a free loopback port. */
  port?: number;
  /** Extra server settings (tests turn fsync off: a throwaway cluster). */
  settings?: Record<string, string>;
}

const DB_NAME = 'itda_hub';
const DB_USER = 'itda';

/** Debian's newest installed PostgreSQL, or `ITDA_PG_BIN`. */
export function postgresBinDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ITDA_PG_BIN) return env.ITDA_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  throw new Error('PostgreSQL is not installed: install Debian\'s "postgresql" package, or set ITDA_HUB_DATABASE_URL to a server.');
}

const asRoot = () => process.getuid?.() === 0;

async function pgRun(bin: string, args: string[]): Promise<string> {
  const [cmd, full] = asRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  try {
    const { stdout } = await run(cmd, full, { timeout: 120_000 });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${bin.split('/').pop()} failed: ${(e.stderr || e.stdout || e.message).trim()}`);
  }
}

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Makes `dir` the cluster's (owned by `postgres` when we are root; the parent must be traversable). */
function prepareDir(dir: string, parent: string) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!asRoot()) return;
  const pw = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  if (!pw) throw new Error('no "postgres" user on this machine: install Debian\'s "postgresql" package');
  const [, , uid, gid] = pw.split(':');
  chownSync(dir, Number(uid), Number(gid));
  chmodSync(dir, 0o700);
  // postgres must pass through every folder above its own to reach it: traverse (x) only, it can list
  // nothing there and read none of the hub's other files (owner-only modes).
  for (let d = parent; ; d = dirname(d)) {
    const mode = statSync(d).mode;
    if ((mode & 0o001) === 0) chmodSync(d, (mode & 0o7777) | 0o001);
    if (dirname(d) === d) break;
  }
}

export async function startLocalPostgres(opts: LocalPostgresOptions): Promise<LocalPostgres> {
  const bin = postgresBinDir();
  const home = join(opts.dir, 'postgres');
  const pgdata = join(home, 'data');
  const sockDir = join(home, 'run');
  const logFile = join(home, 'postgres.log');
  const pwFile = join(opts.dir, 'postgres-password');
  mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
  prepareDir(home, opts.dir);

  if (!existsSync(join(pgdata, 'PG_VERSION'))) {
    const password = randomBytes(24).toString('base64url');
    const tmpPw = join(home, 'initdb-password');
    writeFileSync(tmpPw, password + '\n', { mode: 0o600 });
    if (asRoot()) chownSync(tmpPw, statSync(home).uid, statSync(home).gid);
    try {
      await pgRun(join(bin, 'initdb'), ['-D', pgdata, '-U', DB_USER, '--pwfile', tmpPw, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C']);
    } finally {
      rmSync(tmpPw, { force: true });
    }
    writeFileSync(pwFile, password + '\n', { mode: 0o600 });
  }
  mkdirSync(sockDir, { recursive: true, mode: 0o700 });
  if (asRoot()) chownSync(sockDir, statSync(home).uid, statSync(home).gid);
  const password = readFileSync(pwFile, 'utf8').trim();

  let port = opts.port ?? runningPort(pgdata) ?? (await freeLoopbackPort());
  const settings = { listen_addresses: '127.0.0.1', ...(opts.settings ?? {}) };
  const start = async () => {
    if (await isRunning(bin, pgdata)) return;
    const o = [`-p ${port}`, `-k ${sockDir}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
    await pgRun(join(bin, 'pg_ctl'), ['-D', pgdata, '-l', logFile, '-w', '-t', '60', '-o', o, 'start']);
  };
  const wasRunning = await isRunning(bin, pgdata);
  if (wasRunning) port = runningPort(pgdata) ?? port;
  else await start();

  const url = `postgres://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DB_NAME}`;
  await ensureDatabase(`postgres://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`);
  return {
    url,
    port,
    start,
    wasRunning,
    async stop(mode = 'fast') {
      if (!(await isRunning(bin, pgdata))) return;
      await pgRun(join(bin, 'pg_ctl'), ['-D', pgdata, '-m', mode, '-w', '-t', '60', 'stop']);
    },
  };
}

/** The port in `postmaster.pid` (line 4) of a cluster that is already up (the hub was killed, PostgreSQL was not). */
function runningPort(pgdata: string): number | undefined {
  try {
    const port = Number(readFileSync(join(pgdata, 'postmaster.pid'), 'utf8').split('\n')[3]);
    return Number.isInteger(port) && port > 0 ? port : undefined;
  } catch {
    return undefined;
  }
}

async function isRunning(bin: string, pgdata: string): Promise<boolean> {
  if (!existsSync(join(pgdata, 'postmaster.pid'))) return false;
  try {
    await pgRun(join(bin, 'pg_ctl'), ['-D', pgdata, 'status']);
    return true;
  } catch {
    return false;
  }
}

async function ensureDatabase(adminUrl: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const has = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME]);
    if (has.rowCount === 0) await c.query(`CREATE DATABASE ${DB_NAME}`);
  } finally {
    await c.end();
  }
}
