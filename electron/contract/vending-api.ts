/**
 * Contract of the vending service (cabinet status, slots, staff maintenance,
 * simulator faults). Gifts are not vended from here: flows call the service's
 * `vendGift` with a request id, so no screen can run a motor on its own.
 */
import { z } from 'zod';
import { staffToken as token } from './staff-token';

const slotState = z.enum(['ok', 'empty', 'jammed', 'disabled']);
const slotNumber = z.number().int().min(1).max(255);
const localized = z.object({ ko: z.string(), en: z.string() });

export const vendingSlotSchema = z.object({
  slot: slotNumber,
  category: z.string(),
  item: localized,
  capacity: z.number().int(),
  count: z.number().int(),
  state: slotState,
  boardState: slotState.nullable(),
  inService: z.boolean(),
});

export const vendingStatusSchema = z.object({
  link: z.enum(['up', 'down']),
  uri: z.string(),
  simulator: z.boolean(),
  firmware: z.string().nullable(),
  faults: z.array(z.enum(['door_open', 'motor_bus_fault', 'drop_sensor_fault'])),
  busy: z.boolean(),
  boardSlots: z.number().int().nullable(),
  checkedAt: z.string().nullable(),
  reconcilePending: z.boolean(),
  inFlight: z.number().int(),
  toResolve: z.number().int(),
  slots: z.array(vendingSlotSchema),
});

export const vendRecordSchema = z.object({
  txn: z.number().int(),
  kind: z.enum(['dispense', 'motor_test']),
  slot: slotNumber,
  state: z.enum(['sending', 'accepted', 'delivered', 'not_delivered', 'jammed', 'unconfirmed', 'refused', 'unknown', 'passed']),
  outcome: z.number().int().nullable(),
  errorCode: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  resolution: z.string().nullable(),
});

/** Fault knobs of the simulated VMC (also the PTY simulator's JSON state file). See `sim/sim-faults.ts`. */
export const simFaultsSchema = z
  .object({
    doorOpen: z.boolean(),
    motorBusFault: z.boolean(),
    dropSensorFault: z.boolean(),
    /** The drop sensor fails while the next DISPENSE runs (its outcome becomes 6, unconfirmed). */
    dropSensorFailsDuringVend: z.boolean(),
    /** Per slot ("3": "jam"): what physically happens at its next vend; slots not named are ok. */
    slots: z.record(z.string().regex(/^[1-9][0-9]{0,2}$/), z.enum(['ok', 'empty', 'jam', 'disabled'])),
    /** The board answers nothing at all (unplugged, hung). */
    silent: z.boolean(),
    /** Every reply starts this late; above the host's timeout it acts as lost. */
    replyDelayMs: z.number().int().min(0).max(10_000),
    /** The next N replies are lost on the line (the command still runs). */
    loseReplies: z.number().int().min(0).max(1000),
    /** The next N valid frames are answered NAK, as if they arrived damaged (not run). */
    nakNext: z.number().int().min(0).max(1000),
    /** The next N replies are preceded by random line noise. */
    noise: z.number().int().min(0).max(1000),
    /** The next N replies go out with a damaged CRC. */
    corruptReplies: z.number().int().min(0).max(1000),
    /** How long a vend runs (0 in tests and the bench); at most 7.5 s, within the spec's 8 s. */
    vendMs: z.number().int().min(0).max(7500),
    /** Keep TXN memory across power cycles (a cut-off vend then reports 3). */
    nvTxnMemory: z.boolean(),
    /** Restart the board now (one-shot). */
    powerCycle: z.boolean(),
    /** The board loses its TXN memory and replay cache without a restart or a reset flag, as a firmware fault would (one-shot). */
    forgetTxns: z.boolean(),
  })
  .partial()
  .strict();

const none = z.object({}).strict();

/** A slot as the staff console shows it: `held` when staff took it out of service. */
export const staffSlotSchema = vendingSlotSchema.extend({ held: z.boolean() });

export const frameEntrySchema = z.object({
  seq: z.number().int(),
  at: z.number(),
  dir: z.enum(['tx', 'rx']),
  hex: z.string(),
  name: z.string(),
  note: z.string().nullable(),
});

export const vendingApi = {
  'vending.status': { input: none, output: vendingStatusSchema },
  'vending.slots': { input: none, output: z.object({ slots: z.array(vendingSlotSchema) }) },
  'vending.giftAvailable': { input: z.object({ category: z.string().min(1).max(32) }).strict(), output: z.object({ available: z.boolean() }) },
  /** Inject faults into the in-process simulator (technician); `vending.not_simulator` otherwise. */
  'vending.simFaults': { input: z.object({ token, faults: simFaultsSchema }).strict(), output: z.object({ faults: simFaultsSchema }) },

  // Vending maintenance and the slot desk, behind a PIN (roles in access.ts). Screens get read-only status above.
  'vending.staffStatus': {
    input: z.object({ token }).strict(),
    output: z.object({ status: vendingStatusSchema, words: z.array(z.string()), toResolve: z.array(vendRecordSchema) }),
  },
  'vending.staffPing': { input: z.object({ token }).strict(), output: z.object({ firmware: z.string(), ms: z.number() }) },
  /** Asks the board for every slot's state (SLOT_INFO), then the slot table. */
  'vending.staffSlotInfo': { input: z.object({ token }).strict(), output: z.object({ slots: z.array(staffSlotSchema) }) },
  'vending.staffMotorTest': { input: z.object({ token, slot: slotNumber }).strict(), output: vendRecordSchema },
  'vending.staffClearFaults': { input: z.object({ token }).strict(), output: vendingStatusSchema },
  'vending.staffResolveVend': { input: z.object({ token, txn: z.number().int().min(0).max(4294967295), delivered: z.boolean() }).strict(), output: vendRecordSchema },
  /** The live frame monitor: frames after `afterSeq` (the last 300 at most). */
  'vending.staffFrames': { input: z.object({ token, afterSeq: z.number().int().min(0).default(0) }).strict(), output: z.object({ frames: z.array(frameEntrySchema) }) },
  'vending.staffStock': { input: z.object({ token }).strict(), output: z.object({ slots: z.array(staffSlotSchema) }) },
  /** `clearedFaults`: CLEAR_FAULTS was sent (the slot was the only one jammed); `stillJammed`: slots a technician must still free and clear. */
  'vending.staffRestock': {
    input: z.object({ token, slot: slotNumber, count: z.number().int().min(0).max(100) }).strict(),
    output: z.object({ slots: z.array(staffSlotSchema), clearedFaults: z.boolean(), stillJammed: z.array(z.number().int()) }),
  },
  'vending.staffSetSlotEnabled': { input: z.object({ token, slot: slotNumber, enabled: z.boolean() }).strict(), output: z.object({ slots: z.array(staffSlotSchema) }) },
} as const;
