/**
 * The nightly maintenance run: SQLite housekeeping (`PRAGMA optimize`, a WAL
 * checkpoint), the domains' retention purges, old printer previews and log
 * rotation. Each step is tried on its own: one failing step is reported and
 * the others still run. The whole run is logged as events.
 */
import type { Db } from '../storage/database';
import { rotateLogs } from './log-files';
import { trimOldPreviews } from './disk-guard';
import type { OpsConfig } from './ops-config';

export interface MaintenanceStep {
  ok: boolean;
  detail: string;
}

export interface RetentionTask {
  /** The domain's name (`store`). */
  name: string;
  /** Purges what its retention rules say; returns counts for the record. */
  run(): Record<string, number> | void;
}

export interface MaintenanceInput {
  db: Db;
  ops: OpsConfig;
  logsDir: string;
  previewDirs: string[];
  retention: RetentionTask[];
  now: Date;
}

function step(fn: () => string): MaintenanceStep {
  try {
    return { ok: true, detail: fn().slice(0, 300) };
  } catch (err) {
    return { ok: false, detail: String((err as Error)?.message ?? err).slice(0, 300) };
  }
}

export function runMaintenanceSteps(input: MaintenanceInput): Record<string, MaintenanceStep> {
  const steps: Record<string, MaintenanceStep> = {};
  for (const task of input.retention) {
    steps[`retention.${task.name}`] = step(() => JSON.stringify(task.run() ?? {}));
  }
  steps.optimize = step(() => {
    input.db.pragma('optimize');
    return 'PRAGMA optimize';
  });
  steps.checkpoint = step(() => {
    // TRUNCATE: fold the WAL into the database and shrink the WAL file to zero.
    const [r] = input.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    if (r && r.busy) throw new Error(`checkpoint busy (${r.checkpointed}/${r.log} pages)`);
    return `checkpointed ${r?.checkpointed ?? 0} pages`;
  });
  steps.previews = step(() => {
    const removed = trimOldPreviews(input.previewDirs, input.now.getTime() - input.ops.previewKeepDays * 86_400_000);
    return `removed ${removed} preview files`;
  });
  steps.logs = step(() => {
    const r = rotateLogs(input.logsDir, { maxBytes: input.ops.logMaxMb * 1_048_576, keep: input.ops.logKeepFiles, now: input.now });
    return `rotated ${r.rotated}, removed ${r.removed}`;
  });
  return steps;
}
