/**
 * Staff PINs and sessions for tests, through the door like the console:
 * the first admin (with the setup code the kiosk announced), then a staff
 * and a technician PIN. Tokens are bound to where they were opened: these
 * helpers call in-process (`local`, transport `test`) unless given a meta.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Services } from '../../electron/services/compose';
import type { CallMeta } from '../../electron/contract/dispatch';
import type { StaffHostOptions } from '../../electron/services/domains';

/**
 * How test kiosks run the staff domain: no setup slip (tests count slips and
 * print jobs), the setup-code line only in the log (not on the test's
 * standard output), and a cheaper PIN hash so a loaded machine does not spend
 * seconds per login. `staff-auth.test.ts` and the security suite check the
 * shipped parameters, slip and announcement.
 */
export const TEST_STAFF_HOST: StaffHostOptions = { setupSlip: false, announce: () => {}, hashParams: { alg: 'scrypt', N: 1 << 12, r: 8, p: 1 } };

/** The newest `staff setup code: CODE` line the kiosk wrote to its log (as a technician would read it). */
export function setupCodeFromLog(dataDir: string): string {
  const lines = readFileSync(join(dataDir, 'logs', 'itda.log'), 'utf8').trim().split('\n');
  for (const line of lines.reverse()) {
    const m = /staff setup code: ([0-9]{10})/.exec(line);
    if (m) return m[1]!;
  }
  throw new Error(`no setup code in ${dataDir}/logs/itda.log`);
}

/** PINs that pass the console's rules (admin and technician 6–8 digits, staff 4–8, none too simple). */
export const TEST_PINS = { admin: '258013', staff: '4826', technician: '739146' } as const;

export interface StaffTokens {
  admin: string;
  staff: string;
  tech: string;
}

const local: CallMeta = { transport: 'test' };

async function must(services: Services, method: string, input: unknown, meta: CallMeta): Promise<any> {
  const r = await services.dispatch(method, input, meta);
  if (!r.ok) throw Object.assign(new Error(`${method}: ${JSON.stringify(r.error)}`), { code: r.error.code });
  return r.value;
}

/** Sets the first admin PIN with the setup code from the kiosk's log; returns the admin's session token. */
export async function setUpFirstAdmin(services: Services, meta: CallMeta = local, pin: string = TEST_PINS.admin): Promise<string> {
  return (await must(services, 'staff.setup', { code: setupCodeFromLog(services.dataDir), pin }, meta)).token;
}

/** The first admin, a staff and a technician PIN, each logged in at `meta`. */
export async function setUpStaff(services: Services, meta: CallMeta = local): Promise<StaffTokens> {
  const admin = await setUpFirstAdmin(services, meta);
  await must(services, 'staff.addPin', { token: admin, role: 'staff', label: 'desk', pin: TEST_PINS.staff }, meta);
  await must(services, 'staff.addPin', { token: admin, role: 'technician', label: 'tech', pin: TEST_PINS.technician }, meta);
  return { admin, staff: await login(services, TEST_PINS.staff, meta), tech: await login(services, TEST_PINS.technician, meta) };
}

export async function login(services: Services, pin: string, meta: CallMeta = local): Promise<string> {
  return (await must(services, 'staff.login', { pin }, meta)).token;
}
