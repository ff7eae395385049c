/**
 * A kiosk killed (SIGKILL) while it writes events and sends them in small
 * batches: on restart it sends what the hub has not acknowledged, and the
 * hub holds every event once. Then the worst case made certain: every
 * acknowledgement lost (the mark wiped back to 0), the whole log is sent
 * again, and still nothing is doubled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startTestPostgres, type TestPostgres } from '../support/postgres';
import { hubLinkFor, hubSyncOf, pairKiosk, startTestHub, until } from '../support/hub';
import { makeTempDir } from '../support/temp-dir';
import { composeServices } from '../../electron/services/compose';
import { parseConfig } from '../../electron/services/config/load-config';
import { createLogger } from '../../electron/services/app/logger';

let postgres: TestPostgres;
let hub: Awaited<ReturnType<typeof startTestHub>>;
const root = join(import.meta.dirname, '..', '..');

beforeAll(async () => {
  postgres = await startTestPostgres();
  hub = await startTestHub(postgres.url);
}, 120_000);

afterAll(async () => {
  await hub?.remove();
  await postgres?.remove();
}, 60_000);

const hubCount = async (kioskId: string) => Number((await hub.pool.query('SELECT COUNT(*) AS n FROM events WHERE kiosk_id = $1', [kioskId])).rows[0].n);

describe('a kiosk killed mid-batch', { timeout: 120_000 }, () => {
  it('resends after restart and the hub holds every event once', async () => {
    const dir = makeTempDir('itda-crash-kiosk-');
    const kioskId = 'crash-kiosk-1';
    const code = await pairKiosk(postgres.url, kioskId);
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/hub/fixtures/kiosk-writer.ts'), dir.path, hub.url, kioskId, code], {
      cwd: root,
      env: { ...process.env, ITDA_LOG_ECHO: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((r) => child.once('exit', r));
    await until('the kiosk sent some batches', async () => (await hubCount(kioskId)) >= 300, 60_000);
    child.kill('SIGKILL');
    await exited;

    const again = await composeServices({
      dataDir: dir.path,
      config: parseConfig({ kioskId }),
      host: 'web',
      version: 'test',
      logger: createLogger({ dir: join(dir.path, 'logs'), echo: false }),
      hub: hubLinkFor(hub.url, null),
    });
    try {
      const sync = hubSyncOf(again);
      const written = again.events!.lastKioskSeq();
      await until('caught up', () => sync.outbox.lag().events === 0, 60_000);
      const rows = (await hub.pool.query('SELECT seq, id FROM events WHERE kiosk_id = $1 ORDER BY seq', [kioskId])).rows;
      const local = again.db!.prepare('SELECT kiosk_seq, id FROM events ORDER BY kiosk_seq').all() as { kiosk_seq: number; id: string }[];
      expect(local.length).toBeGreaterThanOrEqual(written);
      expect(rows.map((r) => [Number(r.seq), r.id])).toEqual(local.map((l) => [l.kiosk_seq, l.id]));

      // Every acknowledgement lost: the hub's mark is ahead, so it answers with it and nothing is stored twice.
      again.db!.prepare('UPDATE hub_outbox SET acked_seq = 0').run();
      await sync.flush();
      expect(sync.outbox.ackedSeq()).toBe(again.events!.lastKioskSeq());
      expect(await hubCount(kioskId)).toBe(again.events!.lastKioskSeq());
    } finally {
      await again.close();
      dir.remove();
    }
  });
});
