/** Codes of the VMC protocol v1.1 (commands, replies, errors, flags, slot states, outcomes) and their DATA layouts. */
import type { VendingErrorCode } from '../../contract/error-codes';

export const Cmd = {
  PING: 0x01,
  STATUS: 0x02,
  SLOT_INFO: 0x03,
  DISPENSE: 0x10,
  RESULT: 0x11,
  MOTOR_TEST: 0x20,
  CLEAR_FAULTS: 0x21,
} as const;
export type CmdName = keyof typeof Cmd;

export const Reply = {
  PONG: 0x81,
  STATUS: 0x82,
  SLOT_INFO: 0x83,
  ACCEPTED: 0x90,
  RESULT: 0x91,
  NAK: 0x15,
  ERROR: 0xee,
} as const;

/** The reply code each command expects (besides ERROR). */
export const replyFor: Record<number, number> = {
  [Cmd.PING]: Reply.PONG,
  [Cmd.STATUS]: Reply.STATUS,
  [Cmd.SLOT_INFO]: Reply.SLOT_INFO,
  [Cmd.DISPENSE]: Reply.ACCEPTED,
  [Cmd.RESULT]: Reply.RESULT,
  [Cmd.MOTOR_TEST]: Reply.ACCEPTED,
  [Cmd.CLEAR_FAULTS]: Reply.STATUS,
};

/** DATA length each command must carry (ERROR 02 otherwise). */
export const commandDataLength: Record<number, number> = {
  [Cmd.PING]: 0,
  [Cmd.STATUS]: 0,
  [Cmd.SLOT_INFO]: 1,
  [Cmd.DISPENSE]: 5,
  [Cmd.RESULT]: 4,
  [Cmd.MOTOR_TEST]: 5,
  [Cmd.CLEAR_FAULTS]: 0,
};

export const VmcError = {
  UNKNOWN_CMD: 0x01,
  BAD_LENGTH: 0x02,
  NO_SUCH_SLOT: 0x03,
  BUSY: 0x04,
  DOOR_OPEN: 0x05,
  SLOT_UNAVAILABLE: 0x06,
  MOTOR_BUS_FAULT: 0x07,
  DROP_SENSOR_FAULT: 0x08,
} as const;

/** ERROR code → the kiosk's error code (`vending.door_open`). */
export const vmcErrorCodes: Record<number, VendingErrorCode> = {
  1: 'vending.unknown_command',
  2: 'vending.bad_length',
  3: 'vending.no_such_slot',
  4: 'vending.busy',
  5: 'vending.door_open',
  6: 'vending.slot_unavailable',
  7: 'vending.motor_bus_fault',
  8: 'vending.drop_sensor_fault',
};

export const Flag = {
  DOOR_OPEN: 1 << 0,
  MOTOR_BUS_FAULT: 1 << 1,
  DROP_SENSOR_FAULT: 1 << 2,
  BUSY: 1 << 3,
  RESET: 1 << 4,
} as const;

export interface VmcFlags {
  doorOpen: boolean;
  motorBusFault: boolean;
  dropSensorFault: boolean;
  busy: boolean;
  reset: boolean;
}

/** Bits 5–7 are ignored, as the spec requires. */
export function parseFlags(byte: number): VmcFlags {
  return {
    doorOpen: (byte & Flag.DOOR_OPEN) !== 0,
    motorBusFault: (byte & Flag.MOTOR_BUS_FAULT) !== 0,
    dropSensorFault: (byte & Flag.DROP_SENSOR_FAULT) !== 0,
    busy: (byte & Flag.BUSY) !== 0,
    reset: (byte & Flag.RESET) !== 0,
  };
}

export const SLOT_STATES = ['ok', 'empty', 'jammed', 'disabled'] as const;
export type SlotState = (typeof SLOT_STATES)[number];

export const Outcome = {
  RUNNING: 0,
  DELIVERED: 1,
  NOT_DELIVERED: 2,
  JAMMED: 3,
  UNKNOWN_TXN: 4,
  MOTOR_TEST_PASSED: 5,
  UNCONFIRMED: 6,
} as const;

/** Milliseconds the host waits for a reply, by baud (spec table). */
export const replyTimeoutMs: Record<number, number> = { 9600: 500, 19200: 300, 38400: 200, 115200: 200 };
export const SUPPORTED_BAUDS = [9600, 19200, 38400, 115200] as const;
/** A command is sent at most this many times (first send and 3 resends). */
export const MAX_SENDS = 4;

export function txnBytes(txn: number): Uint8Array {
  return Uint8Array.of((txn >>> 24) & 0xff, (txn >>> 16) & 0xff, (txn >>> 8) & 0xff, txn & 0xff);
}

export function readTxn(data: Uint8Array, at = 0): number {
  return ((data[at] << 24) >>> 0) + (data[at + 1] << 16) + (data[at + 2] << 8) + data[at + 3];
}

export function cmdName(cmd: number): string {
  const all: Record<string, number> = { ...Cmd, PONG: Reply.PONG, STATUS_REPLY: Reply.STATUS, SLOT_INFO_REPLY: Reply.SLOT_INFO, ACCEPTED: Reply.ACCEPTED, RESULT_REPLY: Reply.RESULT, NAK: Reply.NAK, ERROR: Reply.ERROR };
  const hit = Object.entries(all).find(([, v]) => v === cmd);
  return hit ? hit[0].replace(/_REPLY$/, '') : `0x${cmd.toString(16).padStart(2, '0')}`;
}
