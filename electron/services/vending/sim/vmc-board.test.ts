/** The simulated board's TXN memory knobs, byte for byte (no transport: frames straight into `receive`). */
import { describe, expect, it } from 'vitest';
import { Cmd, Flag, Outcome, Reply, txnBytes } from '../vmc-codes';
import { encodeFrame, FrameDecoder, type VmcFrame } from '../vmc-frame';
import { VmcBoard } from './vmc-board';

function wire(board: VmcBoard) {
  const decoder = new FrameDecoder();
  const replies: VmcFrame[] = [];
  board.attach((bytes) => {
    for (const ev of decoder.push(bytes, 0)) if (ev.kind === 'frame') replies.push(ev.frame);
  });
  let seq = 0;
  const send = (cmd: number, data: number[] | Uint8Array = [], again = false) => {
    if (!again) seq = (seq + 1) & 0xff;
    board.receive(encodeFrame({ seq, cmd, data: Uint8Array.from(data) }));
    return replies.at(-1)!;
  };
  return { send, replies };
}

const dispense = (txn: number, slot: number) => [...txnBytes(txn), slot];

describe('VmcBoard TXN memory', () => {
  it('forgetTxns loses the TXN table and the replay cache without a reset flag', async () => {
    const board = new VmcBoard({ vendMs: 0 });
    const { send } = wire(board);
    send(Cmd.STATUS); // clears the power-up reset flag
    expect(send(Cmd.DISPENSE, dispense(7, 2)).cmd).toBe(Reply.ACCEPTED);
    expect(board.motorRuns).toEqual([{ txn: 7, slot: 2, kind: 'dispense' }]);
    await new Promise((r) => setTimeout(r, 10)); // the vend (0 ms) finishes on a timer
    expect(send(Cmd.RESULT, txnBytes(7)).data.at(-1)).toBe(Outcome.DELIVERED);
    board.applyFaults({ forgetTxns: true });

    const result = send(Cmd.RESULT, txnBytes(7));
    expect(result.cmd).toBe(Reply.RESULT);
    expect(result.data.at(-1)).toBe(Outcome.UNKNOWN_TXN);
    // No reset flag: only RESULT tells the host, which must then never resend the DISPENSE.
    expect(send(Cmd.STATUS).data[0] & Flag.RESET).toBe(0);
    // The hazard the host must avoid: the same TXN sent again now runs a second time.
    send(Cmd.DISPENSE, dispense(7, 2));
    expect(board.motorRuns.filter((r) => r.txn === 7)).toHaveLength(2);
  });

  it('a power cycle without non-volatile memory also forgets, and says so with the reset flag', () => {
    const board = new VmcBoard({ vendMs: 0 });
    const { send } = wire(board);
    send(Cmd.STATUS);
    send(Cmd.DISPENSE, dispense(9, 1));
    board.applyFaults({ powerCycle: true });
    expect(send(Cmd.STATUS).data[0] & Flag.RESET).toBe(Flag.RESET);
    expect(send(Cmd.RESULT, txnBytes(9)).data.at(-1)).toBe(Outcome.UNKNOWN_TXN);
  });
});
