/**
 * Three web-host kiosks and a hub (`npm run hub` as a child process) on a
 * throwaway PostgreSQL. After visits, the hub's events per kiosk are exactly
 * the kiosk's SQLite events, none twice; that stays true when the hub is
 * SIGKILLed while visits go on, and when PostgreSQL restarts (a connection
 * dropped while the hub holds one must not end the hub's process).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startTestPostgres, type TestPostgres } from '../support/postgres';
import { startWebKiosk, type WebKiosk } from '../support/web-kiosk';
import { hubLinkFor, hubSyncOf, pairKiosk, spawnHub, until, type HubProcess } from '../support/hub';
import { makeTempDir } from '../support/temp-dir';
import { freeLoopbackPort } from '../../electron/hub/local-postgres';
import { hubPool } from '../../electron/hub/hub';

let postgres: TestPostgres;
let hub: HubProcess | null = null;
let hubPort: number;
let hubDir: ReturnType<typeof makeTempDir>;
let db: pg.Pool;
const kiosks: WebKiosk[] = [];
const IDS = ['venue-kiosk-a', 'venue-kiosk-b', 'venue-kiosk-c'];
let visitNo = 0;

async function startHubProcess() {
  hub = await spawnHub({ databaseUrl: postgres.url, port: hubPort, dataDir: hubDir.path });
}

/** One visitor at the check-in: consent, a snack, the queue, the ticket. */
async function visit(k: WebKiosk) {
  const requestId = `hub-visit-${String(++visitNo).padStart(6, '0')}`;
  await k.call('app.visitorEvent', { kind: 'session.start', language: 'ko' });
  await k.call('store.start', { requestId, consent: visitNo % 2 === 0 });
  await k.call('store.chooseSnacks', { requestId, itemIds: ['cup-ramen'] });
  await k.call('store.talkNow', { requestId });
  await k.call('store.finish', { requestId, language: 'ko' });
}

async function allSent() {
  await until('every kiosk outbox empty', () => kiosks.every((k) => hubSyncOf(k.services).outbox.lag().events === 0), 60_000);
}

/** The hub holds each kiosk's events exactly: same seqs, ids, types and payloads, none twice. */
async function expectHubEqualsKiosks() {
  for (const k of kiosks) {
    const local = k.services.db!.prepare('SELECT kiosk_seq AS seq, id, type, payload FROM events WHERE kiosk_id = ? ORDER BY kiosk_seq').all(k.services.kioskId) as {
      seq: number;
      id: string;
      type: string;
      payload: string;
    }[];
    const remote = (await db.query('SELECT seq, id, type, payload FROM events WHERE kiosk_id = $1 ORDER BY seq', [k.services.kioskId])).rows;
    expect(remote.length).toBe(local.length);
    expect(remote.map((r) => [Number(r.seq), r.id, r.type, r.payload])).toEqual(local.map((l) => [l.seq, l.id, l.type, JSON.parse(l.payload)]));
    const distinct = await db.query('SELECT COUNT(DISTINCT id) AS n FROM events WHERE kiosk_id = $1', [k.services.kioskId]);
    expect(Number(distinct.rows[0].n)).toBe(local.length);
  }
}

beforeAll(async () => {
  postgres = await startTestPostgres();
  db = new pg.Pool({ connectionString: postgres.url, max: 2 });
  db.on('error', () => undefined);
  hubDir = makeTempDir('itda-hub-proc-');
  hubPort = await freeLoopbackPort();
  await startHubProcess();
  for (const id of IDS) {
    const code = await pairKiosk(postgres.url, id);
    kiosks.push(await startWebKiosk({ kioskId: id }, { hub: hubLinkFor(hub!.url, code) }));
  }
  await until('kiosks paired', () => kiosks.every((k) => hubSyncOf(k.services).paired()));
}, 180_000);

afterAll(async () => {
  for (const k of kiosks) await k.stop();
  hub?.child.kill('SIGTERM');
  await hub?.exited;
  await db?.end();
  await postgres?.remove();
  hubDir?.remove();
}, 60_000);

describe('kiosk events reach the hub exactly once', { timeout: 120_000 }, () => {
  it('after visits on each of three kiosks, the hub holds each kiosk’s events, none twice', async () => {
    for (let i = 0; i < 3; i++) for (const k of kiosks) await visit(k);
    await allSent();
    await expectHubEqualsKiosks();
    const perKiosk = (await db.query('SELECT kiosk_id, COUNT(*) AS n FROM events GROUP BY kiosk_id ORDER BY kiosk_id')).rows;
    expect(perKiosk.map((r) => r.kiosk_id)).toEqual(IDS);
  });

  it('the hub SIGKILLed: visits go on, and when it returns everything arrives once', async () => {
    hub!.child.kill('SIGKILL');
    await hub!.exited;
    for (let i = 0; i < 3; i++) for (const k of kiosks) await visit(k);
    expect(kiosks.every((k) => hubSyncOf(k.services).outbox.lag().events > 0)).toBe(true);
    await startHubProcess();
    await allSent();
    await expectHubEqualsKiosks();
  });

  it('a database connection that drops while the hub holds it is logged, not fatal to the hub', async () => {
    const logged: string[] = [];
    const pool = hubPool(postgres.url, (msg) => logged.push(msg));
    try {
      const lent = await pool.connect();
      const pid = (await lent.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
      // Between two queries of a transaction, PostgreSQL ends the backend (as a restart does).
      await db.query('SELECT pg_terminate_backend($1)', [pid]);
      await until('the drop is logged', () => logged.includes('hub database connection dropped while in use'), 10_000);
      await expect(lent.query('SELECT 1')).rejects.toThrow();
      lent.release();
      // The broken client is not lent again: the next query gets a fresh connection.
      expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows[0].one).toBe(1);
    } finally {
      await pool.end();
    }
  });

  it('PostgreSQL restarted (immediate stop, crash recovery): the kiosks wait and then catch up, once', async () => {
    await postgres.stop('immediate');
    for (let i = 0; i < 2; i++) for (const k of kiosks) await visit(k);
    await new Promise((r) => setTimeout(r, 1_500)); // some sends fail against the stopped server
    await postgres.start();
    await allSent();
    await expectHubEqualsKiosks();
  });
});
