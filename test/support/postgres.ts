/**
 * A throwaway PostgreSQL for hub tests and the bench: Debian's binaries, a
 * cluster in a temp dir on a free loopback port, fsync off (nothing here
 * must survive a power cut), stopped and removed by `stop()`.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { postgresBinDir, startLocalPostgres, type LocalPostgres } from '../../electron/hub/local-postgres';
import { makeTempDir } from './temp-dir';

export interface TestPostgres extends LocalPostgres {
  dir: string;
  /** Stops the server and removes its folder. */
  remove(): Promise<void>;
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const temp = makeTempDir('itda-pg-');
  try {
    const server = await startLocalPostgres({ dir: temp.path, settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200' } });
    return {
      ...server,
      dir: temp.path,
      async remove() {
        try {
          await server.stop('immediate');
        } finally {
          temp.remove();
        }
      },
    };
  } catch (err) {
    temp.remove();
    throw err;
  }
}

/** Every row of the database as `pg_dump --data-only` writes it (what a backup of the hub would hold). */
export async function dumpData(url: string): Promise<string> {
  const { stdout } = await promisify(execFile)(join(postgresBinDir(), 'pg_dump'), ['--data-only', '--no-owner', url], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}
