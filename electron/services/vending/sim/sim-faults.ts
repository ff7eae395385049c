/**
 * Fault knobs of the simulated VMC, shared by the PTY simulator's JSON state
 * file, the in-process `sim` (`vending.simFaults`) and tests. The schema is
 * part of the contract (maintenance screens send it); every field is
 * optional and a patch changes only what it names. Counters (`loseReplies`,
 * `nakNext`, `noise`, `corruptReplies`) count down as they act.
 */
import type { z } from 'zod';
import { simFaultsSchema } from '../../../contract/vending-api';

export { simFaultsSchema };
export type SimFaults = z.infer<typeof simFaultsSchema>;
/** What physically happens at a slot's next vend: `empty` turns a full cycle with nothing falling, `jam` stalls. */
export type SimSlot = 'ok' | 'empty' | 'jam' | 'disabled';
