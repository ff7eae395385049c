/**
 * The printing domain: the receipt printer service on the kiosk's context,
 * its contract handlers, and its event types. Listed before vending and the
 * flows in `domains.ts`, which reach it with `ctx.getService('printing')`.
 */
import type { DomainModule, ServiceContext, ServiceDomain } from '../context';
import { raiseStaffAlert } from '../app/staff-alerts';
import { parsePrinterUri } from './printer-uri';
import { printingEventSchemas } from './printing-events';
import { createPrintingRuntime, type PrintingRuntimeDeps } from './printing-service';

export const printingDomainModule: DomainModule = {
  eventSchemas: printingEventSchemas,
  create: (ctx) => createPrintingDomain(ctx),
};

/** `overrides` lets tests inject timers or a transport. */
export function createPrintingDomain(ctx: ServiceContext, overrides: Partial<PrintingRuntimeDeps> = {}): ServiceDomain {
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
  logger.info('printer configured', { printer: target.label, mode: target.mode, width: target.width });
  return {
    name: 'printing',
    service: svc,
    handlers: {
      'printer.status': async ({ refresh }) => (refresh ? svc.refreshStatus() : svc.status()),
      'printer.jobs': ({ limit, states }) => ({ jobs: svc.jobs({ limit, states }) }),
      'printer.simFaults': (faults) => svc.setSimFaults(faults),
    },
    start: () => runtime.start(),
    stop: () => runtime.stop(),
  };
}
