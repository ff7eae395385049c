/**
 * The venue hub (issue 12), on a real PostgreSQL (Debian's, a throwaway
 * cluster with its default durability) and the hub's HTTP server on
 * loopback:
 * - ingest: 10 simulated kiosks sending batches of 1,000 events at once;
 * - sync lag: 50 simulated kiosks (each its own SQLite outbox and sender)
 *   writing one event a second; lag is written → acknowledged by the hub;
 * - catch-up: one kiosk back after 24 h offline (20,000 events waiting);
 * - ticket round trip: a kiosk asking the hub for the venue's next number.
 * Simulated kiosks are the real outbox, sender and client without the rest
 * of the kiosk (printing, vending), so 50 of them fit on this machine.
 */
import pg from 'pg';
import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { makeTempDir } from '../test/support/temp-dir';
import { postgresBinDir, startLocalPostgres } from '../electron/hub/local-postgres';
import { copyRows } from '../electron/hub/event-copy';
import { parseBatch } from '../electron/hub/ingest';
import { hubPool } from '../electron/hub/hub';
import { applyHubMigrations } from '../electron/hub/hub-migrations';
import { startHubServer } from '../electron/hub/hub-server';
import { createPairCode, redeemPairCode } from '../electron/hub/pairing';
import { openDatabase, type Db } from '../electron/services/storage/database';
import { EventLog } from '../electron/services/storage/event-log';
import { Outbox } from '../electron/services/hub-sync/outbox';
import { OutboxSender } from '../electron/services/hub-sync/outbox-sender';
import { HubClient } from '../electron/services/hub-sync/hub-client';
import { VenueLink } from '../electron/services/hub-sync/venue-link';
import { percentile, type BenchModule, type BenchRow } from './bench-table';

const schemas = { 'visitor.screen_viewed': z.object({ screen: z.string() }), 'pharmacy.prescribed': z.object({ symptomId: z.string(), rxId: z.string() }) };

interface SimKiosk {
  id: string;
  db: Db;
  log: EventLog;
  outbox: Outbox;
  client: HubClient;
  close(): void;
}

async function simKiosk(pool: pg.Pool, url: string, id: string): Promise<SimKiosk> {
  const db = openDatabase({ dataDir: '', memory: true });
  const log = new EventLog(db, id, schemas);
  const { credential } = await redeemPairCode(pool, id, await createPairCode(pool, id, 'bench-venue'));
  const client = new HubClient({ url });
  client.setCredential(credential);
  return { id, db, log, outbox: new Outbox(db, log), client, close: () => (client.close(), db.close()) };
}

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The peer of the ingest row: PostgreSQL alone taking the same rows the same
 * way (10 psql clients at once, one transaction per 1,000-row COPY, into a
 * table shaped and indexed like `events`), on the same machine at the same
 * moment. The ratio says how much the hub adds (HTTP, JSON, checks, the
 * mark) whatever else the machine is doing.
 */
async function psqlCopyRate(url: string, dir: string, copyTexts: string[][]): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('CREATE TABLE events_peer (LIKE events INCLUDING DEFAULTS INCLUDING INDEXES)');
  } finally {
    await c.end();
  }
  const files = copyTexts.map((batches, i) => {
    const file = join(dir, `peer-${i}.sql`);
    writeFileSync(file, batches.map((text) => `BEGIN;\nCOPY events_peer (kiosk_id, seq, id, at, type, payload) FROM STDIN;\n${text}\\.\nCOMMIT;\n`).join(''));
    return file;
  });
  const psql = join(postgresBinDir(), 'psql');
  const t = performance.now();
  await Promise.all(files.map((file) => run(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', file, url])));
  const rate = copyTexts.flat().length * 1_000 / ((performance.now() - t) / 1000);
  for (const f of files) rmSync(f);
  return rate;
}

export const hubBench: BenchModule = {
  area: 'hub',
  async run(): Promise<BenchRow[]> {
    const dir = makeTempDir('itda-bench-hub-');
    const postgres = await startLocalPostgres({ dir: dir.path, settings: { max_connections: '200' } });
    const pool = hubPool(postgres.url);
    const rows: BenchRow[] = [];
    const kiosks: SimKiosk[] = [];
    try {
      await applyHubMigrations(pool);
      const server = await startHubServer({ pool, port: 0 });
      try {
        // Ingest: 10 kiosks × 20 batches × 1,000 events, all kiosks at once.
        const ingestKiosks = await Promise.all(Array.from({ length: 10 }, (_, i) => simKiosk(pool, server.url, `ingest-${i}`)));
        kiosks.push(...ingestKiosks);
        const batches = 20;
        const size = 1_000;
        const payloads = ingestKiosks.map((k) =>
          Array.from({ length: batches }, (_, b) =>
            Array.from({ length: size }, (_, i) => {
              const seq = b * size + i + 1;
              return { seq, id: `${k.id}-${seq}`, at: new Date(Date.now() - 86_400_000 + seq).toISOString(), type: 'pharmacy.prescribed', payload: { symptomId: `s${seq % 12}`, rxId: `rx-${seq}` } };
            }),
          ),
        );
        // Each kiosk holds its batches as request bodies before the clock starts: at a venue every kiosk
        // serialises its batch on its own machine, while here all ten would take the hub's two cores
        // (about a tenth of the hub's time). Sending, reading the reply and all of the hub stay timed.
        const bodies = payloads.map((batchesOfKiosk) => batchesOfKiosk.map((events) => Buffer.from(JSON.stringify({ events }))));
        let t = performance.now();
        await Promise.all(ingestKiosks.map(async (k, ki) => {
          for (const body of bodies[ki]) await k.client.postSerialized('/v1/events', body);
        }));
        const ingestRate = (ingestKiosks.length * batches * size) / ((performance.now() - t) / 1000);
        const peerRate = await psqlCopyRate(postgres.url, dir.path, ingestKiosks.map((k, ki) => payloads[ki].map((events) => copyRows(k.id, parseBatch({ events })))));
        rows.push({ area: 'hub', metric: 'ingest, 10 kiosks, batches of 1,000', value: ingestRate, unit: 'ev/s', target: '≥ 50,000 ev/s', peer: { name: 'psql COPY, same rows', value: peerRate } });

        // Sync lag: 50 kiosks, one event a second each, for 20 s.
        const lagKiosks = await Promise.all(Array.from({ length: 50 }, (_, i) => simKiosk(pool, server.url, `lag-${i}`)));
        kiosks.push(...lagKiosks);
        const lags: number[] = [];
        const senders = lagKiosks.map((k) => {
          const writtenAt = new Map<number, number>();
          const sender = new OutboxSender({
            outbox: k.outbox,
            pollMs: 5_000,
            post: async (path, body) => {
              const r = (await k.client.post(path, body)) as { ackedSeq: number };
              const now = performance.now();
              for (const [seq, at] of writtenAt) if (seq <= r.ackedSeq) (lags.push(now - at), writtenAt.delete(seq));
              return r;
            },
          });
          const unsubscribe = k.log.subscribe((e) => {
            writtenAt.set(e.kioskSeq, performance.now());
            sender.kick();
          });
          sender.start();
          return { k, sender, unsubscribe };
        });
        const seconds = 20;
        await Promise.all(senders.map(async ({ k }, i) => {
          await sleep((i * 1000) / senders.length);
          for (let s = 0; s < seconds; s++) {
            k.log.append('visitor.screen_viewed', { screen: 'home' });
            await sleep(1000);
          }
        }));
        await Promise.all(senders.map((s) => s.sender.flush()));
        for (const s of senders) (s.unsubscribe(), await s.sender.stop());
        rows.push({ area: 'hub', metric: `sync lag p95, 50 kiosks × 1 ev/s (${lags.length} events)`, value: percentile(lags, 95), unit: 'ms', target: 'p95 < 2,000 ms' });

        // Catch-up: 24 h offline, 20,000 events waiting.
        const back = await simKiosk(pool, server.url, 'catch-up-1');
        kiosks.push(back);
        for (let i = 0; i < 20; i++) back.log.appendMany(Array.from({ length: 1_000 }, () => ({ type: 'visitor.screen_viewed', payload: { screen: 'store' } })));
        const sender = new OutboxSender({ outbox: back.outbox, post: (p, b) => back.client.post(p, b) });
        t = performance.now();
        await sender.flush();
        const catchUp = performance.now() - t;
        await sender.stop();
        if (back.outbox.lag().events !== 0) throw new Error('catch-up left events behind');
        rows.push({ area: 'hub', metric: 'catch-up after 24 h offline (20,000 events)', value: catchUp / 1000, unit: 's', target: '< 10 s' });

        // Ticket round trip: three kiosks taking turns, 300 tickets.
        const links = kiosks.slice(0, 3).map((k) => new VenueLink({ client: k.client, ready: () => true, timeoutMs: 10_000 }));
        const trips: number[] = [];
        for (let i = 0; i < 300; i++) {
          t = performance.now();
          const ticket = await links[i % 3].ticket(`bench-entry-${i}`, '2026-12-05');
          if (!ticket) throw new Error('the hub gave no ticket');
          trips.push(performance.now() - t);
        }
        rows.push({ area: 'hub', metric: 'ticket round trip through the hub, p95', value: percentile(trips, 95), unit: 'ms', target: 'p95 < 100 ms' });
      } finally {
        await server.close();
      }
    } finally {
      for (const k of kiosks) k.close();
      await pool.end();
      await postgres.stop('fast');
      dir.remove();
    }
    return rows;
  },
};
