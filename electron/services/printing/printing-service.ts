/**
 * The printing service other domains call: queue a slip durably and return
 * at once; a worker prints it. Built from a printer target, storage and the
 * kiosk's event, alert and push hooks; the domain module wires it to a
 * `ServiceContext`, CLIs and tests wire it directly.
 */
import type { PrintJobState, PrintJobSummary, PrinterStatus, SimFaults, SimFaultsInput } from '../../contract/printing-api';
import type { StaffAlertKind } from '../app/staff-alerts';
import type { Logger } from '../app/logger';
import type { Db } from '../storage/database';
import { PrintJobStore } from './print-job-store';
import { PrintWorker } from './print-worker';
import type { PrinterConfig, PrintMode, PrintWidthDots } from './printer-config';
import { connectPrinter, type PrinterConnection } from './printer-connection';
import { profileFor, profileOverrides } from './printer-profiles';
import type { PrinterTarget } from './printer-uri';
import { PrintingError } from './printing-errors';
import { ReceiptPrinter } from './receipt-printer';
import { slipDocumentSchema, type SlipDocument, type SlipDocumentInput } from './slip-document';
import { encodeSlip } from './slip-encoder';
import { previewSlip } from './slip-preview';
import { testPageDocument } from './test-page';
import { dateClock, type Clock } from '../devices/device-clock';
import type { PrinterTransport } from './transports/transport';

export interface PrintingService {
  /** Queues a slip durably (SQLite) and returns at once; a worker prints it. */
  /** `secrets`: strings kept out of the database (see `NewJob.secrets`). */
  submit(doc: SlipDocument | SlipDocumentInput, meta: { kind: string; ref?: string; secrets?: string[] }): PrintJobSummary;
  job(jobId: string): PrintJobSummary | undefined;
  /** Resolves when the job is printed, failed or unknown, or is waiting on a printer fault, or at the timeout. */
  waitForJob(jobId: string, timeoutMs: number): Promise<PrintJobSummary>;
  /** Last known decoded status (incl. 'not_responding'). */
  status(): PrinterStatus;
  refreshStatus(): Promise<PrinterStatus>;
  /** True when the printer can take a job now (online, paper, cover closed). */
  ready(): boolean;
  /** PNG of exactly what would print, read back from the ESC/POS bytes. */
  preview(doc: SlipDocument | SlipDocumentInput, opts?: { widthDots?: PrintWidthDots; mode?: PrintMode }): Promise<Buffer>;
  /** A new job with the old one's slip, linked to it. Only for finished jobs (printed, failed, unknown). */
  reprint(jobId: string): PrintJobSummary;
  testPage(mode?: PrintMode): PrintJobSummary;
  jobs(opts?: { limit?: number; states?: PrintJobState[] }): PrintJobSummary[];
  /** Injects simulator faults; a typed error when the printer is not the simulator. */
  setSimFaults(faults: SimFaultsInput): Promise<{ faults: SimFaults; status: PrinterStatus }>;
  readonly target: PrinterTarget;
}

export interface PrintingRuntimeDeps {
  db: Db;
  config: PrinterConfig;
  target: PrinterTarget;
  dataDir: string;
  logger: Logger;
  record(type: string, payload: unknown): void;
  alert(kind: StaffAlertKind, detail: Record<string, string | number | boolean | null>): void;
  pushStatus(status: PrinterStatus): void;
  clock?: Clock;
  /** Replaces the transport the target names (tests). */
  connection?: PrinterConnection | { transport: PrinterTransport };
  now?: () => Date;
}

export interface PrintingRuntime {
  service: PrintingService;
  worker: PrintWorker;
  connection: PrinterConnection;
  start(): void;
  stop(): Promise<void>;
}

export function createPrintingRuntime(d: PrintingRuntimeDeps): PrintingRuntime {
  // Wall time (job stamps), so the date clock; fake timers in tests govern it.
  const clock = d.clock ?? dateClock;
  const now = d.now ?? (() => new Date(clock.now()));
  const connection: PrinterConnection = d.connection ?? connectPrinter(d.target, d.dataDir, d.logger);
  const profile = profileFor(d.target.width, profileOverrides(d.config));
  const printer = new ReceiptPrinter(connection.transport, {
    statusTimeoutMs: d.config.statusTimeoutMs,
    ack: profile.ack,
    printerTimeMs: profile.printerTimeMs,
    baudRate: d.target.address.kind === 'serial' ? d.target.address.baud : null,
    clock,
  });
  const store = new PrintJobStore(d.db, now);
  const partialCut = d.target.cut === 'partial';
  const worker = new PrintWorker({
    store,
    failAfterSeconds: d.config.jobFailAfterSeconds,
    printer,
    clock,
    pollMs: d.config.statusPollMs,
    encode: (doc, mode) => encodeSlip(doc, { mode, profile, partialCut }).bytes,
    record: d.record,
    alert: d.alert,
    onStatus: d.pushStatus,
    logger: d.logger,
  });

  const parseDoc = (doc: unknown): SlipDocument => {
    const parsed = slipDocumentSchema.safeParse(doc);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(document)'}: ${i.message}`);
      throw new PrintingError('printer.invalid_document', 'the slip document is not valid', { details });
    }
    return parsed.data;
  };

  const enqueue = (doc: SlipDocument, kind: string, ref: string | null, mode: PrintMode, reprintOf: string | null, secrets?: string[]) => {
    const reprintReason = reprintOf ? ('staff' as const) : null;
    // The job and its event land together: a SIGKILL between them left a job the event log never saw.
    const job = store.atomically(() => {
      const j = store.insert({ kind, ref, mode, document: doc, reprintOf, reprintReason, failAfterSeconds: d.config.jobFailAfterSeconds, secrets });
      d.record('print.job_queued', { jobId: j.jobId, kind, ref, mode, reprintOf, reprintReason });
      return j;
    });
    worker.kick();
    return job;
  };

  const settled = (j: PrintJobSummary) =>
    j.state === 'printed' || j.state === 'failed' || j.state === 'unknown' || (j.state === 'queued' && j.waitingOn !== null);

  const service: PrintingService = {
    target: d.target,
    submit(doc, meta) {
      return enqueue(parseDoc(doc), meta.kind, meta.ref ?? null, d.target.mode, null, meta.secrets);
    },
    job: (jobId) => store.get(jobId),
    jobs: (opts = {}) => store.recent(opts.limit ?? 50, opts.states),
    waitForJob(jobId, timeoutMs) {
      const first = store.get(jobId);
      if (!first) return Promise.reject(new PrintingError('printer.job_not_found', `no print job ${jobId}`));
      if (settled(first)) return Promise.resolve(first);
      return new Promise((resolve) => {
        let timer: unknown = null;
        const off = worker.onJob((j) => {
          if (j.jobId !== jobId || !settled(j)) return;
          off();
          clock.clearTimeout(timer);
          resolve(j);
        });
        timer = clock.setTimeout(() => {
          off();
          resolve(store.get(jobId)!);
        }, timeoutMs);
      });
    },
    status: () => worker.status,
    async refreshStatus() {
      const s = await printer.status();
      worker.noteStatus(s);
      // Queued jobs go now, and so does the one marked reprint of a slip whose print is unknown.
      if (worker.ready() && (store.queued().length || store.unknownAwaitingReprint().length)) worker.kick();
      return s;
    },
    ready: () => worker.ready(),
    async preview(doc, opts = {}) {
      return previewSlip(parseDoc(doc), {
        mode: opts.mode ?? d.target.mode,
        profile: profileFor(opts.widthDots ?? d.target.width, profileOverrides(d.config)),
        partialCut,
      });
    },
    reprint(jobId) {
      const old = store.get(jobId);
      if (!old) throw new PrintingError('printer.job_not_found', `no print job ${jobId}`);
      if (old.state === 'queued' || old.state === 'printing') {
        throw new PrintingError('printer.job_not_reprintable', `job ${jobId} is still ${old.state}; it prints by itself`);
      }
      const doc = store.printable(jobId);
      if (!doc) throw new PrintingError('printer.job_not_reprintable', `job ${jobId} was sealed and a restart forgot its slip`);
      return enqueue(doc, old.kind, old.ref, old.mode, old.jobId);
    },
    testPage(mode) {
      const m = mode ?? d.target.mode;
      return enqueue(testPageDocument(profile, { mode: m, uri: d.target.label, at: now() }), 'test', null, m, null);
    },
    async setSimFaults(faults) {
      const sim = connection && 'sim' in connection ? connection.sim : undefined;
      if (!sim) throw new PrintingError('printer.not_simulator', `the printer is ${d.target.label}, not the simulator`);
      const merged = sim.core.setFaults(faults);
      d.record('printer.sim_faults_set', { faults: merged });
      const status = await service.refreshStatus();
      return { faults: sim.core.faults, status };
    },
  };

  return {
    service,
    worker,
    connection,
    start() {
      const purged = store.purgeFinished(new Date(now().getTime() - d.config.keepJobsDays * 86_400_000));
      if (purged) d.logger.info('dropped old finished print jobs', { purged });
      worker.start();
    },
    async stop() {
      await worker.stop();
      await printer.close();
    },
  };
}
