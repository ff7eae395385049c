/**
 * Turns a planned fault into what the hardware does: the printer
 * simulator's own knobs (paper, cover, cutter, offline, near end), the
 * relay's (a connection cut part-way through a job, a hang, refusals, a
 * 19200-baud line) and the vending board's. Lasting faults return how to
 * clear them, as a member of staff would. SIGKILL is the runner's.
 */
import type { ChaosRig } from './chaos-rig';
import type { FaultStep } from './fault-plan';

/** 19200 baud, 8N1: ten bits a byte. */
export const SLOW_LINE_BYTES_PER_SECOND = 1920;

/** Applies the fault; returns the undo for lasting ones. */
export function injectFault(rig: ChaosRig, f: FaultStep): (() => void) | null {
  const { printer, relay, board } = rig;
  const slot = String(1 + (f.n % board.slots));
  switch (f.kind) {
    case 'paper_out':
      printer.setFaults({ paperOut: true });
      return () => printer.setFaults({ paperOut: false });
    case 'near_end':
      printer.setFaults({ nearEnd: true });
      return () => printer.setFaults({ nearEnd: false });
    case 'cover_open':
      printer.setFaults({ coverOpen: true });
      return () => printer.setFaults({ coverOpen: false });
    case 'cutter_error':
      printer.setFaults({ cutterError: true });
      return () => printer.setFaults({ cutterError: false });
    case 'offline':
      printer.setFaults({ offline: true });
      return () => printer.setFaults({ offline: false });
    case 'drop_mid_job':
      // Somewhere inside a text slip (about 750 bytes) or the status polls around it.
      relay.set({ dropAfterBytes: 20 + (f.n % 700) });
      return null;
    case 'refuse':
      relay.set({ refuse: true });
      return () => relay.set({ refuse: false });
    case 'hang':
      relay.set({ hang: true });
      return () => relay.set({ hang: false });
    case 'slow_link':
      relay.set({ bytesPerSecond: SLOW_LINE_BYTES_PER_SECOND });
      return () => relay.set({ bytesPerSecond: null });
    case 'door_open':
      board.applyFaults({ doorOpen: true });
      return () => board.applyFaults({ doorOpen: false });
    case 'jam':
      // Physical: the next vend at this slot jams, until staff clear it (the end of the run).
      board.applyFaults({ slots: { [slot]: 'jam' } });
      return null;
    case 'empty':
      board.applyFaults({ slots: { [slot]: 'empty' } });
      return null;
    case 'drop_sensor':
      if (f.n % 2 === 0) {
        board.applyFaults({ dropSensorFailsDuringVend: true });
        return () => board.applyFaults({ dropSensorFailsDuringVend: false });
      }
      board.applyFaults({ dropSensorFault: true });
      return () => board.applyFaults({ dropSensorFault: false });
    case 'silent':
      board.applyFaults({ silent: true });
      return () => board.applyFaults({ silent: false });
    case 'slow_board':
      board.applyFaults({ replyDelayMs: 100 + (f.n % 900), vendMs: 2000 });
      return () => board.applyFaults({ replyDelayMs: 0, vendMs: 300 });
    case 'lost_replies':
      board.applyFaults({ loseReplies: 1 + (f.n % 3) });
      return null;
    case 'nak_storm':
      board.applyFaults({ nakNext: 3 + (f.n % 15) });
      return null;
    case 'line_noise':
      board.applyFaults({ noise: 2 + (f.n % 6) });
      return null;
    case 'power_cycle':
      board.applyFaults({ nvTxnMemory: f.n % 2 === 0, powerCycle: true });
      return null;
    case 'txn_memory_loss':
      board.applyFaults({ forgetTxns: true });
      return null;
    case 'sigkill':
      throw new Error('SIGKILL is the runner’s to inject');
  }
}
