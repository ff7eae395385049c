/**
 * A returning visitor recognised at any kiosk of the venue, through the hub,
 * with only keyed hashes and ciphertexts travelling (store/venue-crypto.ts):
 * first seen at kiosk A, greeted as returning at kiosk B; with the hub away,
 * B makes it a first visit and nothing breaks; a visitor erased at B's desk
 * is gone from the hub and from A; a kiosk paired before venue keys existed
 * gets one on its next call; the hub's PostgreSQL holds no nickname or number
 * (its whole data dump is searched); a kiosk with no hub is what it was.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { dumpData, startTestPostgres, type TestPostgres } from '../support/postgres';
import { startTestServices, type TestServices } from '../support/test-services';
import { callKiosk, hubLinkFor, hubSyncOf, pairKiosk, restartableHub, until, type RestartableHub } from '../support/hub';
import { setUpStaff } from '../support/staff-pins';
import { makeTempDir } from '../support/temp-dir';
import { hubPool } from '../../electron/hub/hub';
import { applyHubMigrations } from '../../electron/hub/hub-migrations';
import { freeLoopbackPort } from '../../electron/hub/local-postgres';
import { purgeVenueVisitors } from '../../electron/hub/venue-visitors';
import { VENUE_KEY_FILE } from '../../electron/services/hub-sync/venue-key-file';
import { VenueCrypto } from '../../electron/services/store/venue-crypto';
import { seoulDay } from '../../electron/services/store/seoul-time';

let postgres: TestPostgres;
let pool: pg.Pool;
let port: number;
let hub: RestartableHub;
let hubKeys: ReturnType<typeof makeTempDir>;
let a: TestServices;
let b: TestServices;
const started: TestServices[] = [];
let n = 0;

/** Visitors of this file: a nickname from the kiosk's list plus digits, and a number of their own. */
const people: { nickname: string; phone: string }[] = [];
function visitor(nickname: string) {
  const p = { nickname: `${nickname}${people.length + 11}`, phone: `0109${String(4_000_000 + people.length * 7_919).padStart(7, '0')}` };
  people.push(p);
  return p;
}

async function startKiosk(id: string, pairCode: string | null): Promise<TestServices> {
  const k = await startTestServices({ kioskId: id }, { hub: hubLinkFor(`http://127.0.0.1:${port}`, pairCode), prefix: 'itda-recognise-' });
  started.push(k);
  return k;
}

async function pairedKiosk(id: string): Promise<TestServices> {
  const k = await startKiosk(id, await pairKiosk(postgres.url, id, 'recognise-venue'));
  await until(`${id} paired`, () => hubSyncOf(k.services).paired());
  return k;
}

/** A check-in with consent up to the identification; returns the screen's answer. */
async function identify(k: TestServices, who: { nickname: string; phone: string }) {
  const requestId = `recognise-visit-${String(++n).padStart(4, '0')}`;
  await callKiosk(k, 'store.start', { requestId, consent: true });
  const answer = await callKiosk(k, 'store.identify', { requestId, nickname: who.nickname, phone: who.phone });
  return { requestId, ...answer } as { requestId: string; returning: boolean; needsSelfCheck: boolean };
}

/** The venue key a kiosk holds, to read what the hub keeps as only a kiosk could. */
const venueCryptoOf = (k: TestServices) => new VenueCrypto(Buffer.from(JSON.parse(readFileSync(join(k.dataDir, VENUE_KEY_FILE), 'utf8')).key, 'base64'));
const shared = (k: TestServices) => hubSyncOf(k.services).venueVisitors.flush();
const hubRecords = async () => Number((await pool.query("SELECT COUNT(*) AS n FROM venue_visitors WHERE venue = 'recognise-venue'")).rows[0].n);
const visitorsAt = (k: TestServices) => k.services.db!.prepare('SELECT COUNT(*) FROM store_visitors').pluck().get() as number;

beforeAll(async () => {
  postgres = await startTestPostgres();
  pool = hubPool(postgres.url);
  await applyHubMigrations(pool);
  port = await freeLoopbackPort();
  hubKeys = makeTempDir('itda-hub-keys-');
  hub = restartableHub(pool, port, hubKeys.path);
  await hub.up();
  a = await pairedKiosk('recognise-a');
  b = await pairedKiosk('recognise-b');
}, 120_000);

// A test that left the hub down does not take the next one's hub with it.
beforeEach(() => hub.up());

afterAll(async () => {
  for (const k of started) await k.stop();
  await hub?.down();
  await pool?.end();
  await postgres?.remove();
  hubKeys?.remove();
}, 60_000);

describe('venue key', { timeout: 60_000 }, () => {
  it('comes with the pairing, one per venue, kept owner-only beside the kiosk’s other keys and never in its database', async () => {
    for (const k of [a, b]) {
      const file = join(k.dataDir, VENUE_KEY_FILE);
      expect(existsSync(file)).toBe(true);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    }
    const keyOf = (k: TestServices) => JSON.parse(readFileSync(join(k.dataDir, VENUE_KEY_FILE), 'utf8')) as { key: string; keyId: string };
    expect(keyOf(a).key).toBe(keyOf(b).key);
    // The hub's database knows the key's public id only; the key sits in its data dir.
    const row = (await pool.query("SELECT key_id FROM venue_keys WHERE venue = 'recognise-venue'")).rows[0];
    expect(row.key_id).toBe(keyOf(a).keyId);
    expect(await dumpData(postgres.url)).not.toContain(keyOf(a).key);
    // The consent screen says the venue's kiosks will know the visitor (store.info.venueWide).
    expect(await callKiosk(a, 'store.info')).toMatchObject({ venueWide: true });
    const sqlite = a.services.db!.prepare("SELECT COUNT(*) FROM events WHERE payload LIKE '%' || ? || '%'").pluck().get(keyOf(a).key);
    expect(sqlite).toBe(0);
  });
});

describe('a returning visitor at another kiosk of the venue', { timeout: 60_000 }, () => {
  it('checks in at kiosk A, is greeted as returning at kiosk B, with A’s self-check day carried over', async () => {
    const p = visitor('별빛');
    const first = await identify(a, p);
    expect(first).toMatchObject({ returning: false, needsSelfCheck: true });
    await callKiosk(a, 'store.selfCheck', { requestId: first.requestId, answers: { companionship: 1, leftOut: 1, isolated: 1, contact: true, helper: true } });
    await shared(a);
    expect(await hubRecords()).toBe(1);

    const atB = await identify(b, p);
    expect(atB).toEqual({ requestId: atB.requestId, returning: true, needsSelfCheck: false });
    // B now knows them itself, under its own keys, and says so in its events without a name or a number.
    const row = b.services.db!.prepare('SELECT nickname, phone_enc, venue_lookup FROM store_visitors').get() as { nickname: string; phone_enc: string; venue_lookup: string };
    expect(row.nickname).toBe(p.nickname);
    expect(row.phone_enc).not.toContain(p.phone.slice(3));
    const ev = b.services.db!.prepare("SELECT payload FROM events WHERE type = 'store.identified' ORDER BY seq DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(ev)).toMatchObject({ returning: true, fromVenue: true });
    // The next visit at B is B's own knowledge.
    expect(await identify(b, p)).toMatchObject({ returning: true });
  });

  it('asks for nickname and number together: the right number with another nickname is a first visit', async () => {
    const p = visitor('달님');
    await identify(a, p);
    await shared(a);
    expect(await identify(b, { nickname: '다른별명', phone: p.phone })).toMatchObject({ returning: false });
  });

  it('with the hub away, kiosk B makes it a first visit, and nothing breaks', async () => {
    const p = visitor('햇살');
    await identify(a, p);
    // They first came to A a month ago, and again today.
    a.services.db!.prepare("UPDATE store_visitors SET first_visit_at = '2026-11-06T01:00:00.000Z' WHERE nickname = ?").run(p.nickname);
    expect(await identify(a, p)).toMatchObject({ returning: true });
    await shared(a);
    await hub.down();
    const atB = await identify(b, p);
    expect(atB).toMatchObject({ returning: false, needsSelfCheck: true });
    // The rest of the visit goes on: a snack and a ticket from B's own block.
    await callKiosk(b, 'store.chooseSnacks', { requestId: atB.requestId, itemIds: [] });
    const done = await callKiosk(b, 'store.finish', { requestId: atB.requestId, language: 'ko' });
    expect(done.print.outcome).toBe('printed');
    // B's share waits in its queue and goes up when the hub returns.
    expect(b.services.db!.prepare("SELECT COUNT(*) FROM hub_venue_visitors WHERE op = 'put'").pluck().get()).toBeGreaterThan(0);
    await hub.up();
    await shared(b);
    expect(b.services.db!.prepare('SELECT COUNT(*) FROM hub_venue_visitors').pluck().get()).toBe(0);
    // B's "first visit" did not overwrite the venue's: the record keeps A's first day, and B learned it.
    const venueKey = venueCryptoOf(b);
    const lookup = venueKey.lookupKey(p.nickname, p.phone);
    const held = (await pool.query('SELECT record FROM venue_visitors WHERE lookup = $1', [lookup])).rows[0].record;
    expect(venueKey.open(held, lookup)).toMatchObject({ firstVisitDay: '2026-11-06', lastVisitDay: seoulDay(new Date()) });
    expect(b.services.db!.prepare('SELECT first_visit_at FROM store_visitors WHERE nickname = ?').pluck().get(p.nickname)).toBe('2026-11-05T15:00:00.000Z');
  });
});

describe('forgetting', { timeout: 60_000 }, () => {
  it('a visitor erased at B’s desk is gone from the hub and from A, and A no longer finds them', async () => {
    const p = visitor('구름');
    await identify(a, p);
    await shared(a);
    expect(await identify(b, p)).toMatchObject({ returning: true });
    await shared(b);
    const before = await hubRecords();
    const atA = visitorsAt(a);
    const r = await b.services.dispatch('store.staffEraseVisitor', { token: await setUpStaffOnce(b), phone: p.phone }, { transport: 'test' });
    expect(r).toMatchObject({ ok: true, value: { erased: true } });
    await shared(b);
    expect(await hubRecords()).toBe(before - 1);
    // A hears of it at its next round and forgets its own copy (its event says so, with a count only).
    await shared(a);
    expect(visitorsAt(a)).toBe(atA - 1);
    const ev = a.services.db!.prepare("SELECT payload FROM events WHERE type = 'store.visitor_erased' ORDER BY seq DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(ev)).toEqual({ reason: 'request', count: 1 });
    // Neither kiosk knows them now, nor can learn them from the hub.
    expect(await identify(a, p)).toMatchObject({ returning: false });
  });

  it('a desk forgets a number it never saw, if another kiosk of the venue knew it', async () => {
    const p = visitor('바다');
    await identify(a, p);
    await shared(a);
    const r = await b.services.dispatch('store.staffEraseVisitor', { token: await setUpStaffOnce(b), phone: p.phone }, { transport: 'test' });
    expect(r).toMatchObject({ ok: true, value: { erased: false } });
    await shared(b);
    await shared(a);
    expect(await identify(b, p)).toMatchObject({ returning: false });
  });

  it('retention: a kiosk’s purge drops the hub’s record unless another kiosk refreshed it; the hub purges past its window itself', async () => {
    const onlyA = visitor('노을');
    const both = visitor('이슬');
    await identify(a, onlyA);
    await identify(a, both);
    await shared(a);
    // `both` came to B since; everyone A shared was last seen 100 days ago.
    await identify(b, both);
    await shared(b);
    const old = new Date(Date.now() - 100 * 86_400_000).toISOString();
    a.services.db!.prepare('UPDATE store_visitors SET last_visit_at = ?').run(old);
    await pool.query("UPDATE venue_visitors SET updated_at = $1 WHERE kiosk_id = 'recognise-a'", [old]);
    const held = visitorsAt(a);
    const r = await a.services.dispatch('store.staffPurge', { token: await setUpStaffOnce(a) }, { transport: 'test' });
    expect(r).toMatchObject({ ok: true, value: { erased: held } });
    await shared(a);
    const key = venueCryptoOf(a);
    const atHub = async (who: { nickname: string; phone: string }) => (await pool.query('SELECT kiosk_id FROM venue_visitors WHERE lookup = $1', [key.lookupKey(who.nickname, who.phone)])).rows;
    expect(await atHub(onlyA)).toEqual([]);
    expect(await atHub(both)).toEqual([{ kiosk_id: 'recognise-b' }]);
    // A forgot both; the hub kept the one B saw lately, so A recognises that one again through the venue, and not the other.
    expect(await identify(a, both)).toMatchObject({ returning: true });
    expect(await identify(a, onlyA)).toMatchObject({ returning: false });
    await shared(a);

    // The hub's own purge: whatever passed its window goes.
    await pool.query("UPDATE venue_visitors SET expires_at = now() - interval '1 second'");
    expect((await purgeVenueVisitors(pool, new Date())).records).toBeGreaterThan(0);
    expect(await hubRecords()).toBe(0);
  });
});

const staffTokens = new Map<TestServices, string>();
/** The kiosk's first admin, set up once per kiosk (the setup code works once). */
async function setUpStaffOnce(k: TestServices): Promise<string> {
  const had = staffTokens.get(k);
  if (had) return had;
  const t = (await setUpStaff(k.services)).admin;
  staffTokens.set(k, t);
  return t;
}

describe('a kiosk paired before venue keys', { timeout: 90_000 }, () => {
  it('gets the key on its next authenticated call, then recognises the venue’s visitors', async () => {
    const p = visitor('꽃잎');
    await identify(a, p);
    await shared(a);
    // A hub as it was before venue keys: pairing hands out none.
    await hub.down();
    const legacy = restartableHub(pool, port);
    await legacy.up();
    const c = await pairedKiosk('recognise-c');
    expect(existsSync(join(c.dataDir, VENUE_KEY_FILE))).toBe(false);
    expect(await identify(c, visitor('새싹'))).toMatchObject({ returning: false });
    await legacy.down();
    await hub.up();
    await until('c has the venue key', () => existsSync(join(c.dataDir, VENUE_KEY_FILE)));
    expect(await identify(c, p)).toMatchObject({ returning: true });
  });
});

describe('privacy at the hub', { timeout: 60_000 }, () => {
  it('the hub’s PostgreSQL holds no nickname and no phone number in clear, in any table', async () => {
    const p = visitor('마음');
    await identify(a, p);
    await identify(b, p);
    for (const k of started) await shared(k);
    expect(await hubRecords()).toBeGreaterThan(0);
    const dump = await dumpData(postgres.url);
    expect(dump).toContain('venue_visitors');
    for (const who of people) {
      const d = who.phone;
      for (const form of [d, `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`, d.slice(3), `${d.slice(3, 7)}-${d.slice(7)}`, `82${d.slice(1)}`]) expect(dump).not.toContain(form);
      expect(dump).not.toContain(who.nickname);
      expect(dump).not.toContain(JSON.stringify(who.nickname).slice(1, -1));
    }
  });
});

describe('a kiosk with no hub', { timeout: 60_000 }, () => {
  it('recognises its own visitors exactly as before, and writes no venue key, keys or queue', async () => {
    const alone = await startTestServices({ kioskId: 'recognise-alone' }, { prefix: 'itda-recognise-' });
    started.push(alone);
    const p = visitor('별님');
    expect(await identify(alone, p)).toMatchObject({ returning: false });
    expect(await identify(alone, p)).toMatchObject({ returning: true });
    expect(existsSync(join(alone.dataDir, VENUE_KEY_FILE))).toBe(false);
    expect(await callKiosk(alone, 'store.info')).toMatchObject({ venueWide: false });
    const db = alone.services.db!;
    expect(db.prepare('SELECT COUNT(*) FROM store_visitors WHERE venue_lookup IS NOT NULL OR venue_erase IS NOT NULL').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM hub_venue_visitors').pluck().get()).toBe(0);
  });
});
