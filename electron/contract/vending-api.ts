/**
 * Contract of the vending service (cabinet status, slots, staff maintenance,
 * simulator faults). Gifts are not vended from here: flows call the service's
 * `vendGift` with a request id, so no screen can run a motor on its own.
 */
import { z } from 'zod';

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

export const vendingApi = {
  'vending.status': { input: none, output: vendingStatusSchema },
  'vending.slots': { input: none, output: z.object({ slots: z.array(vendingSlotSchema) }) },
  'vending.giftAvailable': { input: z.object({ category: z.string().min(1).max(32) }).strict(), output: z.object({ available: z.boolean() }) },
  // Staff actions on the cabinet (motor test, clear faults, restock, resolve vends) are `staff.*`
  // methods behind a PIN and a role: see staff-api.ts. Screens get read-only status here.
  /** Inject faults into the in-process simulator; `vending.not_simulator` otherwise. */
  'vending.simFaults': { input: z.object({ faults: simFaultsSchema }).strict(), output: z.object({ faults: simFaultsSchema }) },
} as const;
