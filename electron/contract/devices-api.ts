/**
 * Staff devices on the venue LAN: one-time pairing codes, the enrolled
 * tablets, revoking one. Admin and technician only (the service checks the
 * session token's role, as for every staff method).
 */
import { z } from 'zod';

const token = z.string().min(16).max(64);

export const staffDeviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  enrolledAt: z.string(),
  enrolledBy: z.string(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const devicesApi = {
  'staff.devices': { input: z.object({ token }).strict(), output: z.object({ devices: z.array(staffDeviceSchema) }) },
  /** A code to type on the tablet's pairing page: 10 characters (shown `ABCDE-FGHJK`), valid 10 minutes, once. */
  'staff.createPairingCode': {
    input: z.object({ token, name: z.string().trim().min(1).max(40) }).strict(),
    output: z.object({ code: z.string(), expiresAt: z.string() }),
  },
  /** Revokes a device: its credential stops working and its open connections close. */
  'staff.revokeDevice': { input: z.object({ token, deviceId: z.string().max(40) }).strict(), output: z.object({ ok: z.literal(true) }) },
} as const;
