/** Event types of the vending domain. Payloads carry TXNs, slots, categories and codes, never personal data. */
import { z } from 'zod';

const txn = z.number().int().min(0).max(4294967295);
const slot = z.number().int().min(1).max(255);
const kind = z.enum(['dispense', 'motor_test']);
const requestId = z.string().max(128).nullable();
export const faultName = z.enum(['door_open', 'motor_bus_fault', 'drop_sensor_fault']);
export type VendingFaultName = z.infer<typeof faultName>;

export const vendingEventSchemas = {
  /** A visitor's gift was asked for (intent, before any slot is chosen). */
  'vend.requested': z.object({ requestId: z.string().max(128), category: z.string(), reason: z.string().max(128) }),
  /** No in-service slot with stock for the category (or no link): nothing ran. */
  'vend.no_gift': z.object({ requestId: z.string().max(128), category: z.string(), code: z.string() }),
  /** The TXN row is written; DISPENSE or MOTOR_TEST goes out next. */
  'vend.sending': z.object({ txn, slot, kind, requestId }),
  'vend.accepted': z.object({ txn, slot, kind, sends: z.number().int() }),
  /** Final and good: delivered (1) or motor test passed (5). */
  'vend.completed': z.object({ txn, slot, kind, state: z.enum(['delivered', 'passed']), outcome: z.number().int() }),
  /** Final and not good: not_delivered, jammed, unconfirmed, refused or unknown. */
  'vend.failed': z.object({ txn, slot, kind, state: z.string(), outcome: z.number().int().nullable(), code: z.string().nullable() }),
  /** A vend left in flight (restart, link loss, VMC reset) is asked RESULT again. */
  'vend.reconciling': z.object({ txn, slot, from: z.enum(['sending', 'accepted']) }),
  /** Staff said what happened to an unknown/unconfirmed vend. */
  'vend.resolved': z.object({ txn, slot, delivered: z.boolean() }),
  'vending.link_changed': z.object({ up: z.boolean() }),
  'vending.fault': z.object({ fault: faultName, active: z.boolean() }),
  /** STATUS showed the reset flag: the board restarted. */
  'vending.reset_seen': z.object({ inFlight: z.number().int() }),
  'vending.slot_changed': z.object({ slot, state: z.string(), boardState: z.string() }),
  'vending.faults_cleared': z.object({ flags: z.array(faultName) }),
  'vending.restocked': z.object({ slot, count: z.number().int() }),
  'vending.sim_faults': z.object({ keys: z.array(z.string()) }),
} as const;
