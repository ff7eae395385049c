/** Foundation: events appended per second to the SQLite log, single inserts and batched, in WAL with synchronous=FULL. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { openDatabase } from '../electron/services/storage/database';
import { EventLog } from '../electron/services/storage/event-log';
import type { BenchModule, BenchRow } from './bench-table';

export const storageBench: BenchModule = {
  area: 'storage',
  async run(): Promise<BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), 'itda-bench-'));
    try {
      const db = openDatabase({ dataDir: dir });
      const log = new EventLog(db, 'bench-kiosk', { 'bench.tick': z.object({ n: z.number(), screen: z.string() }) });
      const single = 2_000;
      let t = performance.now();
      for (let i = 0; i < single; i++) log.append('bench.tick', { n: i, screen: 'home' });
      const singleRate = single / ((performance.now() - t) / 1000);

      const batches = 50;
      const batchSize = 500;
      t = performance.now();
      for (let b = 0; b < batches; b++) {
        log.appendMany(Array.from({ length: batchSize }, (_, i) => ({ type: 'bench.tick', payload: { n: i, screen: 'home' } })));
      }
      const batchRate = (batches * batchSize) / ((performance.now() - t) / 1000);

      // Peer: a raw prepared INSERT without schema checks or ULIDs, to show what the log's safety costs.
      const raw = db.prepare("INSERT INTO events (id, at, kiosk_id, type, payload, kiosk_seq) VALUES (?, ?, 'k', 'bench.tick', '{}', ?)");
      t = performance.now();
      for (let i = 0; i < single; i++) raw.run(`raw-${i}`, new Date().toISOString(), i + 1);
      const rawRate = single / ((performance.now() - t) / 1000);
      db.close();
      return [
        { area: 'storage', metric: 'events appended/s, single inserts', value: singleRate, unit: 'ev/s', peer: { name: 'raw INSERT', value: rawRate } },
        { area: 'storage', metric: `events appended/s, batches of ${batchSize}`, value: batchRate, unit: 'ev/s' },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
