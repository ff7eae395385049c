/**
 * The printing domain: the receipt printer service on the kiosk's context,
 * its contract handlers, and its event types. Listed before vending and the
 * flows in `domains.ts`, which reach it with `ctx.getService('printing')`.
 * Printer maintenance (`printer.staff*`: status in words, test and sample
 * slips, reprint, preview) is its own; the access table says who may call it.
 */
import type { DomainModule, ServiceContext, ServiceDomain } from '../context';
import type { KioskConfig } from '../config/config-schema';
import { raiseStaffAlert } from '../app/staff-alerts';
import { parsePrinterUri } from './printer-uri';
import { printingEventSchemas } from './printing-events';
import { createPrintingRuntime, type PrintingRuntimeDeps } from './printing-service';
import { PrintJobStore } from './print-job-store';
import { describeStatus } from './printer-status';
import { PrintingError } from './printing-errors';
import type { SlipDocumentInput } from './slip-document';

/** The sample slips maintenance prints; their content belongs to the flows, so the composition root passes them in. */
export interface SampleSlips {
  prescription(config: KioskConfig, at: Date): SlipDocumentInput;
  ticket(config: KioskConfig, at: Date): SlipDocumentInput;
}

export interface PrintingDomainOptions {
  samples?: SampleSlips;
  now?: () => Date;
}

export function printingModule(opts: PrintingDomainOptions = {}): DomainModule {
  return { eventSchemas: printingEventSchemas, create: (ctx) => createPrintingDomain(ctx, {}, opts) };
}

/** Printing without sample slips (tests that want the printer alone). */
export const printingDomainModule: DomainModule = printingModule();

/** `overrides` lets tests inject timers or a transport. */
export function createPrintingDomain(ctx: ServiceContext, overrides: Partial<PrintingRuntimeDeps> = {}, opts: PrintingDomainOptions = {}): ServiceDomain {
  const now = opts.now ?? (() => new Date());
  const cfg = ctx.config.printer;
  const logger = ctx.logger.child('printing');
  const target = parsePrinterUri(cfg.uri, cfg);
  const runtime = createPrintingRuntime({
    db: ctx.db,
    config: cfg,
    target,
    dataDir: ctx.dataDir,
    logger,
    record: (type, payload) => ctx.record(type, payload),
    alert: (kind, detail) => {
      try {
        raiseStaffAlert(ctx, kind, detail);
      } catch (err) {
        logger.error('cannot raise a staff alert', { kind, err });
      }
    },
    pushStatus: (status) => ctx.push({ name: 'device.status', payload: { device: 'printer', status } }),
    ...overrides,
  });
  const svc = runtime.service;
  const jobs = new PrintJobStore(ctx.db, now);
  logger.info('printer configured', { printer: target.label, mode: target.mode, width: target.width });
  return {
    name: 'printing',
    service: svc,
    handlers: {
      'printer.status': async ({ refresh }) => (refresh ? svc.refreshStatus() : svc.status()),
      'printer.jobs': ({ limit, states }) => ({ jobs: svc.jobs({ limit, states }) }),
      'printer.simFaults': ({ token: _token, ...faults }) => svc.setSimFaults(faults),

      'printer.staffStatus': async ({ refresh }) => {
        const status = refresh ? await svc.refreshStatus() : svc.status();
        return { status, words: describeStatus(status), jobs: svc.jobs({ limit: 30 }) };
      },
      'printer.staffPrint': ({ what }) => {
        switch (what) {
          case 'test_raster':
            return svc.testPage('raster');
          case 'test_text':
            return svc.testPage('text');
          case 'sample_prescription':
          case 'sample_ticket': {
            if (!opts.samples) throw new PrintingError('printer.invalid_document', 'this kiosk has no sample slips');
            const doc = what === 'sample_prescription' ? opts.samples.prescription(ctx.config, now()) : opts.samples.ticket(ctx.config, now());
            return svc.submit(doc, { kind: 'sample' });
          }
        }
      },
      'printer.staffRetry': ({ jobId }) => svc.reprint(jobId),
      'printer.staffPreview': async ({ jobId }) => {
        const doc = jobs.document(jobId);
        if (!doc) throw new PrintingError('printer.job_not_found', `no print job ${jobId}`);
        const png = await svc.preview(doc, { mode: svc.job(jobId)?.mode });
        return { jobId, png: png.toString('base64') };
      },
    },
    start: () => runtime.start(),
    stop: () => runtime.stop(),
  };
}
