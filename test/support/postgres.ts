/**
 * A throwaway PostgreSQL for hub tests and the bench: Debian's binaries, a
 * cluster in a temp dir on a free loopback port, fsync off (nothing here
 * must survive a power cut), stopped and removed by `stop()`.
 */
import { startLocalPostgres, type LocalPostgres } from '../../electron/hub/local-postgres';
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
