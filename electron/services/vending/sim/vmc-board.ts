/**
 * The simulated VMC board: protocol v1.1 from the board's side (receiving
 * rules with NAK, replay cache, DISPENSE/MOTOR_TEST check order, TXN memory,
 * flags, restart), with fault knobs. It speaks bytes only, so the same logic
 * sits behind the in-process `sim` pipe and the PTY simulator.
 */
import { systemClock, type Clock } from '../../devices/device-clock';
import { Cmd, commandDataLength, Flag, Outcome, readTxn, Reply, txnBytes, VmcError, type SlotState } from '../vmc-codes';
import { encodeFrame, FrameDecoder, framesEqual, type VmcFrame } from '../vmc-frame';
import type { SimFaults, SimSlot } from './sim-faults';

export interface BoardOptions {
  slots?: number;
  firmware?: string;
  clock?: Clock;
  vendMs?: number;
}

/** One motor run, for tests and the simulator's log: a TXN must never appear twice. */
export interface MotorRun {
  txn: number;
  slot: number;
  kind: 'dispense' | 'motor_test';
}

const TXN_MEMORY = 32;
const NAK_BYTES = encodeFrame({ seq: 0, cmd: Reply.NAK, data: new Uint8Array(0) });

export class VmcBoard {
  readonly slots: number;
  readonly firmware: string;
  readonly motorRuns: MotorRun[] = [];
  /** Frames executed (not replayed, not NAKed), for tests. */
  executed = 0;
  private readonly clock: Clock;
  private readonly decoder = new FrameDecoder();
  private output: (bytes: Uint8Array) => void = () => {};
  private readonly runListeners = new Set<(run: MotorRun) => void>();
  private f: Required<Omit<SimFaults, 'powerCycle' | 'forgetTxns' | 'slots'>> & { slots: Record<string, SimSlot> };
  private states: SlotState[] = [];
  private latchedMotorBus = false;
  private latchedDropSensor = false;
  private resetFlag = true;
  private cache: { key: VmcFrame; reply: Uint8Array } | null = null;
  private readonly txns = new Map<number, number>();
  private vend: { txn: number; slot: number; kind: MotorRun['kind']; timer: unknown } | null = null;
  private offUntil = -Infinity;

  constructor(opts: BoardOptions = {}) {
    this.slots = opts.slots ?? 10;
    this.firmware = opts.firmware ?? 'ITDA-SIM-1.1';
    this.clock = opts.clock ?? systemClock;
    this.f = {
      doorOpen: false, motorBusFault: false, dropSensorFault: false, dropSensorFailsDuringVend: false,
      slots: {}, silent: false, replyDelayMs: 0, loseReplies: 0, nakNext: 0, noise: 0, corruptReplies: 0,
      vendMs: opts.vendMs ?? 1500, nvTxnMemory: false,
    };
    this.states = Array.from({ length: this.slots }, () => 'ok');
  }

  /** Where the board's bytes go (the pipe or PTY). */
  attach(output: (bytes: Uint8Array) => void): void {
    this.output = output;
  }

  onMotorRun(listener: (run: MotorRun) => void): () => void {
    this.runListeners.add(listener);
    return () => this.runListeners.delete(listener);
  }

  get faults(): SimFaults {
    return { ...this.f, slots: { ...this.f.slots } };
  }

  /** Board slot states 1..SLOTS, as SLOT_INFO reports them. */
  slotState(slot: number): SlotState {
    return this.physical(slot) === 'disabled' ? 'disabled' : this.states[slot - 1];
  }

  get busy(): boolean {
    return this.vend !== null;
  }

  /** Applies a fault patch; `slots` replaces per-slot knobs it names. */
  applyFaults(patch: SimFaults): void {
    const { powerCycle, forgetTxns, slots, ...rest } = patch;
    Object.assign(this.f, rest);
    if (slots) this.f.slots = { ...this.f.slots, ...slots };
    if (this.f.motorBusFault) this.latchedMotorBus = true;
    if (this.f.dropSensorFault) this.latchedDropSensor = true;
    if (powerCycle) this.powerCycle();
    if (forgetTxns) {
      // No reset flag: the host learns of it only from RESULT (UNKNOWN_TXN) or a resend that runs again.
      this.txns.clear();
      this.cache = null;
    }
  }

  /** Power-up: reset flag, empty cache, latches cleared, jammed/empty → ok, a running vend cut off. */
  powerCycle(offMs = 0): void {
    if (this.vend) {
      this.clock.clearTimeout(this.vend.timer);
      if (this.f.nvTxnMemory) this.txns.set(this.vend.txn, Outcome.JAMMED);
    }
    const cut = this.vend;
    this.vend = null;
    if (!this.f.nvTxnMemory) this.txns.clear();
    this.cache = null;
    this.resetFlag = true;
    this.latchedMotorBus = this.f.motorBusFault;
    this.latchedDropSensor = this.f.dropSensorFault;
    this.states = this.states.map((s) => (s === 'jammed' || s === 'empty' ? 'ok' : s));
    if (cut && this.f.nvTxnMemory) this.states[cut.slot - 1] = 'jammed';
    this.decoder.reset();
    this.offUntil = this.clock.now() + offMs;
  }

  /** Bytes from the host. */
  receive(chunk: Uint8Array): void {
    if (this.clock.now() < this.offUntil) return;
    for (const ev of this.decoder.push(chunk, this.clock.now())) {
      if (this.f.silent) continue;
      if (ev.kind === 'crc_error') {
        this.send(NAK_BYTES, false); // rule 3; a NAK is never cached
        continue;
      }
      if (this.f.nakNext > 0) {
        this.f.nakNext--;
        this.send(NAK_BYTES, false);
        continue;
      }
      if (this.cache && framesEqual(this.cache.key, ev.frame)) {
        this.send(this.cache.reply, true); // replay, byte for byte, not executed
        continue;
      }
      this.executed++;
      const reply = encodeFrame({ seq: ev.frame.seq, ...this.execute(ev.frame) });
      this.cache = { key: ev.frame, reply };
      this.send(reply, true);
    }
  }

  private send(bytes: Uint8Array, isReply: boolean): void {
    let out = bytes;
    if (isReply && this.f.corruptReplies > 0) {
      this.f.corruptReplies--;
      out = Uint8Array.from(bytes);
      out[out.length - 2] ^= 0x5a;
    }
    if (this.f.noise > 0) {
      this.f.noise--;
      // Noise with STX and ETX in it, the hard case for a receiver.
      const junk = Array.from({ length: 3 + Math.floor(Math.random() * 6) }, (_, i) => (i % 3 === 0 ? 0x02 : i % 3 === 1 ? 0x03 : Math.floor(Math.random() * 256)));
      out = Uint8Array.from([...junk, ...out]);
    }
    if (this.f.loseReplies > 0) {
      this.f.loseReplies--;
      return;
    }
    const emit = () => {
      if (this.clock.now() >= this.offUntil && !this.f.silent) this.output(out);
    };
    if (this.f.replyDelayMs > 0) this.clock.setTimeout(emit, this.f.replyDelayMs);
    else emit();
  }

  private flags(): number {
    let b = 0;
    if (this.f.doorOpen) b |= Flag.DOOR_OPEN;
    if (this.f.motorBusFault || this.latchedMotorBus) b |= Flag.MOTOR_BUS_FAULT;
    if (this.f.dropSensorFault || this.latchedDropSensor) b |= Flag.DROP_SENSOR_FAULT;
    if (this.vend) b |= Flag.BUSY;
    if (this.resetFlag) b |= Flag.RESET;
    return b;
  }

  private statusReply(): { cmd: number; data: Uint8Array } {
    const data = Uint8Array.of(this.flags(), this.slots);
    this.resetFlag = false; // reported once, then cleared
    return { cmd: Reply.STATUS, data };
  }

  private execute(frame: VmcFrame): { cmd: number; data: Uint8Array } {
    const err = (code: number) => ({ cmd: Reply.ERROR, data: Uint8Array.of(code) });
    const want = commandDataLength[frame.cmd];
    if (want === undefined) return err(VmcError.UNKNOWN_CMD);
    if (frame.data.length !== want) return err(VmcError.BAD_LENGTH);
    switch (frame.cmd) {
      case Cmd.PING:
        return { cmd: Reply.PONG, data: new TextEncoder().encode(this.firmware) };
      case Cmd.STATUS:
        return this.statusReply();
      case Cmd.SLOT_INFO: {
        const slot = frame.data[0];
        if (slot < 1 || slot > this.slots) return err(VmcError.NO_SUCH_SLOT);
        return { cmd: Reply.SLOT_INFO, data: Uint8Array.of(slot, ['ok', 'empty', 'jammed', 'disabled'].indexOf(this.slotState(slot))) };
      }
      case Cmd.RESULT: {
        const txn = readTxn(frame.data);
        return { cmd: Reply.RESULT, data: Uint8Array.of(...frame.data, this.txns.get(txn) ?? Outcome.UNKNOWN_TXN) };
      }
      case Cmd.CLEAR_FAULTS:
        if (this.vend) return err(VmcError.BUSY);
        this.states = this.states.map((s) => (s === 'jammed' || s === 'empty' ? 'ok' : s));
        this.latchedMotorBus = this.f.motorBusFault;
        this.latchedDropSensor = this.f.dropSensorFault;
        return this.statusReply();
      case Cmd.DISPENSE:
      case Cmd.MOTOR_TEST:
        return this.startVend(frame);
    }
    return err(VmcError.UNKNOWN_CMD);
  }

  /** The spec's check order; the first match decides. */
  private startVend(frame: VmcFrame): { cmd: number; data: Uint8Array } {
    const err = (code: number) => ({ cmd: Reply.ERROR, data: Uint8Array.of(code) });
    const txn = readTxn(frame.data);
    const slot = frame.data[4];
    const accepted = { cmd: Reply.ACCEPTED, data: txnBytes(txn) };
    if (slot < 1 || slot > this.slots) return err(VmcError.NO_SUCH_SLOT);
    if (this.txns.has(txn)) return accepted; // known TXN: a resend is safe, nothing runs
    const flags = this.flags();
    if (flags & Flag.DOOR_OPEN) return err(VmcError.DOOR_OPEN);
    if (flags & Flag.MOTOR_BUS_FAULT) return err(VmcError.MOTOR_BUS_FAULT);
    if (frame.cmd === Cmd.DISPENSE && flags & Flag.DROP_SENSOR_FAULT) return err(VmcError.DROP_SENSOR_FAULT);
    if (this.vend) return err(VmcError.BUSY);
    const state = this.slotState(slot);
    if (state === 'jammed' || state === 'disabled') return err(VmcError.SLOT_UNAVAILABLE);
    const kind = frame.cmd === Cmd.DISPENSE ? 'dispense' : 'motor_test';
    this.txns.set(txn, Outcome.RUNNING);
    while (this.txns.size > TXN_MEMORY) this.txns.delete(this.txns.keys().next().value!);
    const run = { txn, slot, kind } as const;
    this.vend = { ...run, timer: this.clock.setTimeout(() => this.finishVend(), this.f.vendMs) };
    this.motorRuns.push(run);
    for (const l of this.runListeners) l(run);
    return accepted;
  }

  private finishVend(): void {
    const v = this.vend;
    if (!v) return;
    this.vend = null;
    const physical = this.physical(v.slot);
    let outcome: number;
    if (physical === 'jam') {
      outcome = Outcome.JAMMED;
      this.states[v.slot - 1] = 'jammed';
    } else if (v.kind === 'motor_test') {
      outcome = Outcome.MOTOR_TEST_PASSED;
    } else {
      if (this.f.dropSensorFailsDuringVend) {
        this.f.dropSensorFailsDuringVend = false;
        this.f.dropSensorFault = true;
        this.latchedDropSensor = true;
      }
      if (this.f.dropSensorFault || this.latchedDropSensor) {
        outcome = Outcome.UNCONFIRMED;
      } else if (physical === 'empty') {
        outcome = Outcome.NOT_DELIVERED;
        this.states[v.slot - 1] = 'empty';
      } else {
        outcome = Outcome.DELIVERED;
        this.states[v.slot - 1] = 'ok';
      }
    }
    this.txns.set(v.txn, outcome);
  }

  private physical(slot: number): SimSlot {
    return this.f.slots[String(slot)] ?? 'ok';
  }
}
