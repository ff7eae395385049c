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
  'staff.login_failed': z.object({ failures: z.number().int(), transport: z.string() }),
  'staff.locked_out': z.object({ until: z.string(), failures: z.number().int() }),
  'staff.logout': z.object({ role, pinId, reason: z.enum(['logout', 'expired']) }),
  /** One per staff action: the method (`staff.restock`), who, and what it touched (a slot, an alert id, a job id). */
  'staff.action': z.object({
    role,
    pinId,
    action: z.string().max(64),
    target: z.union([z.string().max(80), z.number()]).nullable(),
  }),
  'staff.maintenance_changed': z.object({ open: z.boolean(), role, pinId }),
  'staff.config_changed': z.object({ role, pinId, fields: z.array(z.string().max(80)), restartRequired: z.array(z.string().max(80)) }),
  /** Staff tablets: a pairing code made (by whom), a device enrolled with one (from which address), a device revoked. */
  'staff.pairing_code_created': z.object({ by: z.string().max(60), expiresAt: z.string() }),
  'staff.device_enrolled': z.object({ deviceId: z.string().max(40), peer: z.string().max(64).nullable() }),
  'staff.device_revoked': z.object({ deviceId: z.string().max(40), by: z.string().max(60) }),
} as const;
