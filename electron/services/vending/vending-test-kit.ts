/** Builds a vending service on a temp database and an in-process board, for unit and integration tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PushEvent } from '../../contract/events';
import type { ServiceContext } from '../context';
import { parseConfig } from '../config/load-config';
import { createLogger } from '../app/logger';
import { appEventSchemas } from '../app/app-events';
import { openDatabase, type Db } from '../storage/database';
import { EventLog } from '../storage/event-log';
import { vendingEventSchemas } from './vending-events';

export interface TestKit {
  dir: string;
  db: Db;
  events: EventLog;
  pushed: PushEvent[];
  ctx: ServiceContext;
  types(): string[];
  alerts(): { kind: string; detail: Record<string, unknown> }[];
  cleanup(): void;
}

export function makeTestContext(vending: Record<string, unknown> = {}, dir = mkdtempSync(join(tmpdir(), 'itda-vending-'))): TestKit {
  const db = openDatabase({ dataDir: dir });
  const events = new EventLog(db, 'test-kiosk', {});
  events.register(appEventSchemas);
  events.register(vendingEventSchemas);
  const pushed: PushEvent[] = [];
  const logger = createLogger({ dir: null, echo: false });
  const ctx: ServiceContext = {
    db,
    events,
    config: parseConfig({ vending }),
    kioskId: 'test-kiosk',
    dataDir: dir,
    logger,
    health: { ok: true } as unknown as ServiceContext['health'],
    push: (e) => pushed.push(e),
    record: (type, payload = {}) => void events.append(type, payload),
    getService: () => {
      throw new TypeError('no services in vending tests');
    },
  };
  return {
    dir,
    db,
    events,
    pushed,
    ctx,
    types: () => events.recent({ limit: 10_000 }).reverse().map((e) => e.type),
    alerts: () =>
      (db.prepare('SELECT kind, detail FROM staff_alerts ORDER BY at, rowid').all() as { kind: string; detail: string }[]).map((r) => ({ kind: r.kind, detail: JSON.parse(r.detail) })),
    cleanup() {
      try {
        db.close();
      } catch {
        // already closed
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
