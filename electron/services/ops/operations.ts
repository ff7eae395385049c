/**
 * Kiosk operations, beside the service domains: the disk guard (every few
 * minutes), the nightly maintenance window, staff alerts for supervised
 * processes that keep crashing, and extra health probes for `/healthz` (the
 * venue hub's outbox lag registers one when a hub is configured).
 *
 * Durations run on timers (monotonic); only "which Seoul hour is it" reads
 * the wall clock, so an NTP correction at worst moves the nightly run.
 */
import { join } from 'node:path';
import type { Db } from '../storage/database';
import { getSetting, setSetting } from '../storage/database';
import type { KioskConfig } from '../config/config-schema';
import type { Logger } from '../app/logger';
import type { StaffAlertKind } from '../app/staff-alerts';
import { diskFreeBytes, trimForSpace } from './disk-guard';
import { runMaintenanceSteps, type RetentionTask } from './maintenance';
import { maintenanceDecision, visitorActiveFrom } from './maintenance-window';
import { seoulDay } from '../store/seoul-time';

const MB = 1_048_576;
const LAST_RUN_KEY = 'ops.maintenance_last_day';

/** One line of `/healthz`: `serving: false` means visitors cannot be served because of it. */
export interface HealthProbe {
  serving: boolean;
  reason?: string;
  detail?: Record<string, unknown>;
}

export interface OperationsDeps {
  db: Db;
  config: KioskConfig;
  dataDir: string;
  logger: Logger;
  record(type: string, payload: unknown): void;
  raiseAlert(kind: StaffAlertKind, detail: Record<string, string | number | boolean | null>): void;
  retention: RetentionTask[];
  now?: () => Date;
  freeBytes?: () => number;
  /** Disk guard period (ms). Default 5 minutes. */
  diskEveryMs?: number;
  /** Maintenance window check period (ms). Default 1 minute. */
  windowEveryMs?: number;
}

export interface DiskReport {
  freeMb: number;
  minFreeMb: number;
  /** Below the configured minimum (trimming runs). */
  low: boolean;
  /** Below a quarter of it: the kiosk may fail to record a visit. */
  critical: boolean;
}

export class Operations {
  private readonly probes = new Map<string, () => HealthProbe>();
  private timers: NodeJS.Timeout[] = [];
  private diskLow = false;
  private deferredDay: string | null = null;
  private readonly now: () => Date;
  private readonly freeBytes: () => number;
  private readonly logsDir: string;
  private readonly previewDirs: string[];

  constructor(private readonly d: OperationsDeps) {
    this.now = d.now ?? (() => new Date());
    this.freeBytes = d.freeBytes ?? (() => diskFreeBytes(d.dataDir));
    this.logsDir = join(d.dataDir, 'logs');
    this.previewDirs = [join(d.dataDir, 'printer-sim')];
  }

  start(): void {
    this.guardDisk();
    this.checkWindow();
    const every = (ms: number, fn: () => void) => {
      const t = setInterval(() => {
        try {
          fn();
        } catch (err) {
          this.d.logger.error('operations task failed', { err });
        }
      }, ms);
      t.unref();
      this.timers.push(t);
    };
    every(this.d.diskEveryMs ?? 5 * 60_000, () => this.guardDisk());
    every(this.d.windowEveryMs ?? 60_000, () => this.checkWindow());
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }

  /** Adds a `/healthz` line (the hub's outbox lag). Returns a remover. */
  addProbe(name: string, probe: () => HealthProbe): () => void {
    this.probes.set(name, probe);
    return () => this.probes.delete(name);
  }

  runProbes(): Record<string, HealthProbe> {
    const out: Record<string, HealthProbe> = {};
    for (const [name, probe] of this.probes) {
      try {
        out[name] = probe();
      } catch (err) {
        out[name] = { serving: true, reason: `probe failed: ${(err as Error).message}` };
      }
    }
    return out;
  }

  disk(): DiskReport {
    const min = this.d.config.ops.minFreeDiskMb;
    let free = NaN;
    try {
      free = this.freeBytes() / MB;
    } catch {
      // statfs unavailable: report unknown (NaN) rather than guess.
    }
    return { freeMb: Math.round(free), minFreeMb: min, low: free < min, critical: free < min / 4 };
  }

  lastMaintenanceDay(): string | null {
    return getSetting(this.d.db, LAST_RUN_KEY) ?? null;
  }

  /** Frees space when the disk is below the minimum; logs the episode once. */
  guardDisk(): void {
    const minFreeBytes = this.d.config.ops.minFreeDiskMb * MB;
    const before = this.disk();
    if (!before.low) {
      this.diskLow = false;
      return;
    }
    if (!this.diskLow) {
      this.diskLow = true;
      this.safeRecord('ops.disk_low', { freeMb: before.freeMb, minFreeMb: before.minFreeMb });
      this.d.logger.warn('disk space low: trimming old logs and printer previews', { freeMb: before.freeMb });
    }
    const r = trimForSpace({ logsDir: this.logsDir, previewDirs: this.previewDirs, minFreeBytes, freeBytes: this.freeBytes });
    if (r.removedFiles || r.freedBytes) {
      this.safeRecord('ops.disk_trimmed', { removedFiles: r.removedFiles, freedMb: Math.round(r.freedBytes / MB), freeMbAfter: Math.round(r.freeAfter / MB) });
    }
  }

  private visitorActive(now: Date): boolean {
    const last = this.d.db
      .prepare(
        `SELECT type, at FROM events WHERE type LIKE 'visitor.%' AND seq > (SELECT IFNULL(MAX(seq), 0) - 5000 FROM events) ORDER BY seq DESC LIMIT 1`,
      )
      .get() as { type: string; at: string } | undefined;
    const c = this.d.config;
    return visitorActiveFrom(last ?? null, now, (c.idleSeconds + c.idleCountdownSeconds + 120) * 1000);
  }

  /** Runs the nightly maintenance when the window says so. */
  checkWindow(): void {
    const now = this.now();
    const decision = maintenanceDecision({ now, hour: this.d.config.ops.maintenanceHour, lastRunDay: this.lastMaintenanceDay(), visitorActive: this.visitorActive(now) });
    if (decision.run) this.runMaintenance('schedule');
    else if (decision.why === 'visitor_active' && this.deferredDay !== decision.day) {
      this.deferredDay = decision.day;
      this.safeRecord('ops.maintenance_deferred', { why: 'visitor_active' });
    }
  }

  runMaintenance(reason: 'schedule' | 'manual'): Record<string, { ok: boolean; detail: string }> {
    const started = performance.now();
    const now = this.now();
    this.safeRecord('ops.maintenance_started', { reason });
    const steps = runMaintenanceSteps({ db: this.d.db, ops: this.d.config.ops, logsDir: this.logsDir, previewDirs: this.previewDirs, retention: this.d.retention, now });
    setSetting(this.d.db, LAST_RUN_KEY, seoulDay(now));
    this.safeRecord('ops.maintenance_done', { reason, steps, ms: Math.round(performance.now() - started) });
    const failed = Object.entries(steps).filter(([, s]) => !s.ok);
    if (failed.length) this.d.logger.warn('maintenance finished with failed steps', { failed: Object.fromEntries(failed) });
    else this.d.logger.info('maintenance done', { steps });
    return steps;
  }

  /** A supervised process (browser, host) keeps crashing: an event and a staff alert. */
  reportRuntimeFault(f: { process: 'browser' | 'host'; streak: number; backoffMs: number }): void {
    this.safeRecord('ops.runtime_fault', f);
    try {
      this.d.raiseAlert('runtime_fault', { process: f.process, streak: f.streak });
    } catch (err) {
      this.d.logger.error('cannot raise the runtime alert', { err });
    }
  }

  private safeRecord(type: string, payload: unknown): void {
    try {
      this.d.record(type, payload);
    } catch (err) {
      this.d.logger.warn(`cannot record ${type}`, { err });
    }
  }
}
