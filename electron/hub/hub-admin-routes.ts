/**
 * The hub console's admin section: staff PINs (list, add with the PIN typed
 * on the page, remove, never the last admin one), enrolled tablets (list,
 * revoke, a one-time pairing code for a new one) and the city's export tokens (list with the city's latest fetches,
 * revoke). What was only `npm run hub -- add-pin` and friends is now also on
 * `/staff` for an admin. Each route's rule is in `hub-access.ts`, and the door
 * records the acting ones in `staff_actions`; nothing here answers with a
 * hash, a salt or a credential.
 */
import type pg from 'pg';
import { z } from 'zod';
import type { HubDevice, HubStaff } from './hub-staff';
import { listCityTokens, recentCityReads, revokeCityToken } from './city-export';
import { StaffError } from '../services/staff/staff-errors';
import { HubError } from './hub-errors';
import type { HubStaffRoute } from './hub-access';

type AdminRoute = Extract<HubStaffRoute, `${string} /v1/admin/${string}`>;
type Parse = <T>(schema: z.ZodType<T>, body: unknown) => T;

const id = z.string().min(1).max(40);
const label = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'no control characters');

export function adminRoutes(deps: { pool: pg.Pool; staff: HubStaff; now: () => Date; parse: Parse }): Record<AdminRoute, (body: unknown, device: HubDevice) => Promise<unknown>> {
  const { pool, staff, now, parse } = deps;
  return {
    'GET /v1/admin/pins': async () => ({ pins: await staff.listPins() }),
    'POST /v1/admin/pins': async (body) => {
      const b = parse(z.object({ role: z.enum(['staff', 'technician', 'admin']), label, pin: z.string().max(16) }).strict(), body);
      return { id: await staff.addPin(b.role, b.label, b.pin) };
    },
    'POST /v1/admin/pins/remove': async (body) => {
      const b = parse(z.object({ pinId: id }).strict(), body);
      if (!(await staff.removePin(b.pinId))) throw new StaffError('staff.pin_not_found', `no active PIN ${b.pinId}`);
      return { removed: b.pinId };
    },
    // Which one is the admin's own tablet, so the page can say so before it is revoked.
    'GET /v1/admin/devices': async (_body, device) => ({ devices: await staff.listDevices(), thisDevice: device.deviceId }),
    'POST /v1/admin/devices/revoke': async (body) => {
      const b = parse(z.object({ deviceId: id }).strict(), body);
      if (!(await staff.revokeDevice(b.deviceId))) throw new StaffError('staff.device_not_found', `no enrolled device ${b.deviceId}`);
      return { revoked: b.deviceId };
    },
    // A one-time code for a new tablet, as `npm run hub -- pair-device` prints (10 minutes, once, stored hashed).
    'POST /v1/admin/devices/pair': async (body, device) => {
      const b = parse(z.object({ name: label }).strict(), body);
      return staff.createPairingCode(b.name, `console:${device.deviceId}`);
    },
    'GET /v1/admin/city-tokens': async () => ({ tokens: await listCityTokens(pool), reads: await recentCityReads(pool, 30) }),
    'POST /v1/admin/city-tokens/revoke': async (body) => {
      const b = parse(z.object({ name: label }).strict(), body);
      if (!(await revokeCityToken(pool, b.name, now()))) throw new HubError('hub.not_found', `no live city token named ${b.name}`);
      return { revoked: b.name };
    },
  };
}
