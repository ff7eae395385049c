/**
 * Turns a printer target into a transport: hardware through the devices
 * layer's `openDevice`; `sim` as the in-process simulator on a memory pipe,
 * writing each job as text + PNG into `<dataDir>/printer-sim/` and reading
 * injected faults from `<dataDir>/printer-sim/state.json`.
 */
import { join } from 'node:path';
import type { Logger } from '../app/logger';
import type { PrinterTarget } from './printer-uri';
import { PrinterSimCore } from './sim/printer-sim-core';
import { simStateReader, writeSimJob, writeSimState } from './sim/sim-files';
import { openDevice, type HardwareAddress } from '../devices/open-device';
import { PrinterLink } from './transports/printer-link';
import { SimTransport } from './transports/sim-transport';
import type { PrinterTransport } from './transports/transport';

export interface PrinterConnection {
  transport: PrinterTransport;
  /** Present when the printer is the in-process simulator. */
  sim?: { core: PrinterSimCore; dir: string; stateFile: string };
}

export function simDirFor(dataDir: string): string {
  return join(dataDir, 'printer-sim');
}

export function connectPrinter(target: PrinterTarget, dataDir: string, logger: Logger): PrinterConnection {
  const a = target.address;
  switch (a.kind) {
    case 'tcp':
    case 'serial':
    case 'file':
      // Real hardware through the devices layer's one opener; a device file cannot answer.
      return { transport: new PrinterLink(hardwareLabel(a), a.kind !== 'file', () => openDevice(a)) };
    case 'sim': {
      const dir = simDirFor(dataDir);
      const stateFile = join(dir, 'state.json');
      const core = new PrinterSimCore({
        widthDots: target.width,
        warn: (m) => logger.warn(`printer simulator: ${m}`),
        readFaults: simStateReader(stateFile, (m) => logger.warn(m)),
        persistFaults: (f) => writeSimState(stateFile, f),
        onJob: (job) => {
          try {
            const files = writeSimJob(dir, job, target.width);
            logger.info('printer simulator printed a job', { file: files.txt, bytes: job.bytes });
          } catch (err) {
            logger.warn('printer simulator cannot write its output', { err });
          }
        },
      });
      return { transport: new SimTransport(core), sim: { core, dir, stateFile } };
    }
  }
}

/** The label status and logs show: the address with its port or line speed. */
function hardwareLabel(a: HardwareAddress): string {
  if (a.kind === 'tcp') return `tcp://${a.host.includes(':') ? `[${a.host}]` : a.host}:${a.port}`;
  if (a.kind === 'serial') return `serial:${a.path}?baud=${a.baud}`;
  return `file:${a.path}`;
}
