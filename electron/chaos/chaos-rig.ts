/**
 * The hardware around one chaos run, living in the campaign's process so it
 * outlasts a SIGKILLed kiosk: the printer simulator on loopback TCP behind a
 * relay (for drops, hangs, refusals and a slow line), the vending board on a
 * socat PTY pair, and the kiosk's config pointing at both. What the paper
 * shows and which motors ran is recorded here, where the kiosk cannot lie
 * about it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrinterSimCore } from '../services/printing/sim/printer-sim-core';
import { startSimTcpServer, type SimTcpServer } from '../services/printing/sim/printer-sim-server';
import { paperText } from '../services/printing/paper-model';
import { startPtySim, type PtySim } from '../services/vending/sim/pty-sim';
import { VmcBoard } from '../services/vending/sim/vmc-board';
import { startPrinterRelay, noRelayFaults, type PrinterRelay } from './printer-relay';

export interface PaperSlip {
  seq: number;
  text: string;
  bytes: number;
}

export interface ChaosRig {
  dir: string;
  dataDir: string;
  configFile: string;
  printer: PrinterSimCore;
  relay: PrinterRelay;
  board: VmcBoard;
  /** Every job the simulated printer cut, in order. */
  paper: PaperSlip[];
  /** What the relay handed on to the printer, chunk by chunk in hex (the last 2,000 chunks), to replay a broken run. */
  wire: string[];
  /** Staff arrive: every printer, link and board fault cleared, slots back to "ok". */
  clearAll(): void;
  close(): Promise<void>;
}

/** Short polls and short vends, so a run of a few visits takes seconds. */
export function chaosConfig(printerPort: number, vmcLink: string): Record<string, unknown> {
  return {
    kioskId: 'chaos-1',
    printer: {
      // Text mode: the paper then carries the prescription number as text, so a slip can be matched to its visitor.
      uri: `tcp://127.0.0.1:${printerPort}?mode=text`,
      statusPollMs: 500,
      statusTimeoutMs: 800,
      afterPrintCheckMs: 100,
      jobFailAfterSeconds: 60,
    },
    vending: { uri: `serial:${vmcLink}?baud=9600`, pollMs: 500, resultPollMs: 200 },
  };
}

export async function startChaosRig(dir: string): Promise<ChaosRig> {
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const paper: PaperSlip[] = [];
  const printer = new PrinterSimCore({ onJob: (job) => paper.push({ seq: job.seq, text: paperText(job.items), bytes: job.bytes }) });
  const wire: string[] = [];
  const closers: (() => Promise<void>)[] = [];
  try {
    const sim: SimTcpServer = await startSimTcpServer(printer, { port: 0 });
    closers.push(sim.close);
    const relay = await startPrinterRelay(
      { host: sim.host, port: sim.port },
      {
        onForward: (chunk) => {
          wire.push(chunk.toString('hex'));
          if (wire.length > 2000) wire.shift();
        },
      },
    );
    closers.push(relay.close);
    const board = new VmcBoard({ vendMs: 300 });
    const vmc: PtySim = await startPtySim({ link: join(dir, 'vmc'), board });
    closers.push(vmc.close);
    const configFile = join(dir, 'config.json');
    writeFileSync(configFile, JSON.stringify(chaosConfig(relay.port, vmc.link), null, 2));
    return {
      dir,
      dataDir,
      configFile,
      printer,
      relay,
      board,
      paper,
      wire,
      clearAll() {
        printer.setFaults({ paperOut: false, coverOpen: false, nearEnd: false, offline: false, cutterError: false, noResponse: false });
        relay.set({ ...noRelayFaults });
        board.applyFaults({
          doorOpen: false, silent: false, replyDelayMs: 0, loseReplies: 0, nakNext: 0, noise: 0, corruptReplies: 0,
          dropSensorFault: false, dropSensorFailsDuringVend: false, motorBusFault: false, vendMs: 300,
          slots: Object.fromEntries(Array.from({ length: board.slots }, (_, i) => [String(i + 1), 'ok' as const])),
        });
      },
      async close() {
        for (const c of closers.reverse()) await c().catch(() => undefined);
      },
    };
  } catch (err) {
    for (const c of closers.reverse()) await c().catch(() => undefined);
    throw err;
  }
}
