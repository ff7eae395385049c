/**
 * Pairing a kiosk with the venue hub from the console, through the contract
 * and its door: a technician enters the hub's address and the one-time code;
 * a plain-HTTP address beyond this machine, a wrong or used code and an
 * unreachable hub each get their own clear refusal and change nothing; the
 * right code gives the kiosk its credential (0600), it starts sending at
 * once, its config remembers the hub, and its very next visitor gets the
 * venue's ticket and calendar (no restart). A kiosk without a hub has the
 * domain but nothing running.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startTestPostgres, type TestPostgres } from '../support/postgres';
import { startTestServices, type TestServices } from '../support/test-services';
import { checkInToTalk, hubSyncOf, pairKiosk, startTestHub, until } from '../support/hub';
import { setUpStaff } from '../support/staff-pins';
import { CREDENTIAL_FILE } from '../../electron/services/hub-sync/credential-file';

let postgres: TestPostgres;
let hub: Awaited<ReturnType<typeof startTestHub>>;
let kiosk: TestServices;
let tech: string;
let staffToken: string;

async function call(method: string, input: unknown): Promise<{ ok: boolean; value?: any; error?: any }> {
  return kiosk.services.dispatch(method, input) as Promise<{ ok: boolean; value?: any; error?: any }>;
}

/** A loopback port nobody listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

beforeAll(async () => {
  postgres = await startTestPostgres();
  hub = await startTestHub(postgres.url);
  kiosk = await startTestServices({ kioskId: 'console-paired-1' }, { prefix: 'itda-console-pair-', configEnv: true });
  const tokens = await setUpStaff(kiosk.services);
  tech = tokens.tech;
  staffToken = tokens.staff;
}, 120_000);

afterAll(async () => {
  await kiosk?.stop();
  await hub?.remove();
  await postgres?.remove();
}, 60_000);

describe('pairing from the console', { timeout: 60_000 }, () => {
  it('without a hub the domain holds nothing: not configured, nothing sent, no file', async () => {
    expect(await call('hub.status', { token: tech })).toMatchObject({ ok: true, value: { configured: false, paired: false, url: null, waiting: null } });
    expect(kiosk.services.domains.get('hub')?.service).toBeUndefined();
    expect(existsSync(join(kiosk.dataDir, CREDENTIAL_FILE))).toBe(false);
  });

  it('is a technician’s action: staff PINs are refused at the door', async () => {
    expect(await call('hub.pair', { token: staffToken, url: hub.url, code: 'ABCD-EFGH-JK' })).toMatchObject({ ok: false, error: { code: 'staff.forbidden' } });
  });

  it('refuses plain HTTP beyond this machine, a wrong code and an unreachable hub, each in its own words', async () => {
    const code = await pairKiosk(postgres.url, 'console-paired-1');
    expect(await call('hub.pair', { token: tech, url: 'http://192.168.0.20:5190', code })).toMatchObject({ ok: false, error: { code: 'hub.url_invalid' } });
    expect(await call('hub.pair', { token: tech, url: 'not a url', code })).toMatchObject({ ok: false, error: { code: 'hub.url_invalid' } });
    expect(await call('hub.pair', { token: tech, url: hub.url, code: 'ABCD-EFGH-JK' })).toMatchObject({ ok: false, error: { code: 'hub.pair_code_invalid' } });
    expect(await call('hub.pair', { token: tech, url: `http://127.0.0.1:${await closedPort()}`, code })).toMatchObject({ ok: false, error: { code: 'hub.unreachable', retryable: true } });
    // A code made for another kiosk is wrong for this one.
    const other = await pairKiosk(postgres.url, 'someone-else-1');
    expect(await call('hub.pair', { token: tech, url: hub.url, code: other })).toMatchObject({ ok: false, error: { code: 'hub.pair_code_invalid' } });
    // Nothing changed: no credential, no hub, the config untouched.
    expect(existsSync(join(kiosk.dataDir, CREDENTIAL_FILE))).toBe(false);
    expect((await call('hub.status', { token: tech })).value).toMatchObject({ configured: false });
    const configFile = join(kiosk.dataDir, 'config.json');
    expect(existsSync(configFile) ? JSON.parse(readFileSync(configFile, 'utf8')).hub : undefined).toBeUndefined();
  });

  it('the right code pairs at once, the kiosk starts sending, and its config remembers the hub', async () => {
    await call('app.staffCall', { screen: 'home', language: 'ko' });
    const code = await pairKiosk(postgres.url, 'console-paired-1');
    const r = await call('hub.pair', { token: tech, url: `${hub.url}/`, code: ` ${code.toLowerCase()} ` });
    expect(r).toMatchObject({ ok: true, value: { configured: true, paired: true, url: hub.url, venue: 'test-venue', ticketLetter: expect.stringMatching(/^[A-Z]+$/), venueFromNextStart: false } });
    expect(statSync(join(kiosk.dataDir, CREDENTIAL_FILE)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(kiosk.dataDir, 'config.json'), 'utf8')).hub.url).toBe(hub.url);
    // Everything the kiosk had recorded, the staff call included, reaches the hub once.
    const mine = () => kiosk.services.db!.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
    await until('events at the hub', async () => (await hub.pool.query("SELECT count(*)::int AS n FROM events WHERE kiosk_id = 'console-paired-1'")).rows[0].n === mine());
    expect((await hub.pool.query("SELECT count(*)::int AS n FROM alerts WHERE kiosk_id = 'console-paired-1' AND kind = 'staff_call'")).rows[0].n).toBe(1);
    expect(hubSyncOf(kiosk.services).paired()).toBe(true);
    // The door recorded who paired it (never the code).
    const acts = kiosk.services.db!.prepare("SELECT payload FROM events WHERE type = 'staff.action'").pluck().all() as string[];
    const pairing = acts.map((p) => JSON.parse(p)).find((p) => p.action === 'hub.pair');
    expect(pairing).toMatchObject({ role: 'technician', target: `${hub.url}/` });
    expect(JSON.stringify(acts)).not.toContain(code);
  });

  it('the next visitor after pairing gets the venue’s ticket and sees its calendar, without a restart', async () => {
    // Another kiosk of the venue took ticket 1 and a slot before this one ever knew the hub.
    const pool = hub.pool;
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
    await pool.query("INSERT INTO ticket_days (venue, day, last) VALUES ('test-venue', $1, 1) ON CONFLICT (venue, day) DO UPDATE SET last = ticket_days.last + 1", [day]);
    const slot = (await call('store.slots', {})).value.slots.find((s: { free: boolean }) => s.free).start as string;
    await pool.query("INSERT INTO bookings (venue, kiosk_id, booking_id, slot_start, state, booked_at) VALUES ('test-venue', 'other-kiosk-1', 'b-other', $1, 'booked', now())", [
      new Date(`${slot}:00+09:00`),
    ]);
    const { ticket } = await checkInToTalk(kiosk, 'after-console-pairing-1');
    expect(ticket).toMatchObject({ offline: false, label: expect.stringMatching(/^\d+$/) });
    expect(Number(ticket.label)).toBeGreaterThan(1);
    const held = (await pool.query("SELECT label, source FROM tickets WHERE kiosk_id = 'console-paired-1'")).rows;
    expect(held).toEqual([{ label: ticket.label, source: 'hub' }]);
    // The slot the other kiosk holds is taken here too.
    expect((await call('store.slots', {})).value.slots.find((s: { start: string }) => s.start === slot).free).toBe(false);
    // And the console's queue is the venue's.
    expect((await call('store.staffQueue', { token: staffToken })).value).toMatchObject({ source: 'venue' });
  });

  it('a used code is refused the second time, and the paired kiosk stays paired', async () => {
    const code = await pairKiosk(postgres.url, 'console-paired-1');
    expect((await call('hub.pair', { token: tech, url: hub.url, code })).ok).toBe(true);
    expect(await call('hub.pair', { token: tech, url: hub.url, code })).toMatchObject({ ok: false, error: { code: 'hub.pair_code_invalid' } });
    expect((await call('hub.status', { token: tech })).value).toMatchObject({ paired: true, configured: true, venue: 'test-venue' });
  });
});
