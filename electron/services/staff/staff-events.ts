/**
 * Event types of the staff console. Every staff action is an event with the
 * role that made it (and the PIN's id, never the PIN). Payloads carry ids,
 * slots and codes, never a visitor's data.
 */
import { z } from 'zod';

const role = z.enum(['staff', 'technician', 'admin']);
const pinId = z.string().max(40);

export const staffEventSchemas = {
  'staff.pin_setup': z.object({ pinId }),
  'staff.login': z.object({ role, pinId, transport: z.string() }),
  /** `scope`: whose counter the wrong PIN went to (the kiosk's pad, a device, a peer), never the PIN or the address. */
  'staff.login_failed': z.object({ failures: z.number().int(), transport: z.string(), scope: z.enum(['pad', 'device', 'peer', 'local', 'anonymous']) }),
  /** A first-admin setup code was issued (at start while no admin PIN exists); the code itself is only in the log and on the slip. */
  'staff.setup_code_issued': z.object({ printJobId: z.string().nullable() }),
  'staff.locked_out': z.object({ until: z.string(), failures: z.number().int() }),
  'staff.logout': z.object({ role, pinId, reason: z.enum(['logout', 'expired', 'closed']) }),
  /**
   * One per staff action, written by the door (`dispatch.ts`): the method
   * (`vending.staffRestock`), who (role, PIN id), from where (the principal's
   * kind, an enrolled device's id, the peer address) and what it touched.
   */
  'staff.action': z.object({
    role,
    pinId,
    action: z.string().max(64),
    target: z.union([z.string().max(80), z.number()]).nullable(),
    principal: z.enum(['screen', 'device', 'anonymous', 'local']),
    deviceId: z.string().max(80).nullable(),
    peer: z.string().max(80).nullable(),
  }),
  'staff.maintenance_changed': z.object({ open: z.boolean(), role, pinId }),
  'staff.config_changed': z.object({ role, pinId, fields: z.array(z.string().max(80)), restartRequired: z.array(z.string().max(80)) }),
  /** Staff tablets: a pairing code made (by whom), a device enrolled with one (from which address), a device revoked. */
  'staff.pairing_code_created': z.object({ by: z.string().max(60), expiresAt: z.string() }),
  'staff.device_enrolled': z.object({ deviceId: z.string().max(40), peer: z.string().max(64).nullable() }),
  'staff.device_revoked': z.object({ deviceId: z.string().max(40), by: z.string().max(60) }),
} as const;
