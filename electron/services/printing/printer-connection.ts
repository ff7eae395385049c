/**
 * Turns a printer target into a transport. `sim` builds the in-process
 * simulator, writing each job as text + PNG into `<dataDir>/printer-sim/`
 * and reading injected faults from `<dataDir>/printer-sim/state.json`.
 */
import { join } from 'node:path';
import type { Logger } from '../app/logger';
import type { PrinterTarget } from './printer-uri';
import { PrinterSimCore } from './sim/printer-sim-core';
import { simStateReader, writeSimJob, writeSimState } from './sim/sim-files';
import { FileTransport } from './transports/file-transport';
import { SerialTransport } from './transports/serial-transport';
import { SimTransport } from './transports/sim-transport';
import { TcpTransport } from './transports/tcp-transport';
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
      return { transport: new TcpTransport(a.host, a.port) };
    case 'serial':
      return { transport: new SerialTransport(a.path, a.baud) };
    case 'file':
      return { transport: new FileTransport(a.path) };
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
