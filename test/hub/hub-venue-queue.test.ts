/**
 * One counseling queue the venue's staff call from anywhere, on a real
 * PostgreSQL: "call next" on kiosk B's console calls kiosk A's earlier
 * ticket; kiosk A hears it with its next heartbeat (its queue and console
 * follow, recorded in its own event log); two consoles pressing at the same
 * moment call two different tickets; the hub's own console calls and marks
 * too (recorded in staff_actions). With the hub away, a console calls its own
 * kiosk's queue and says so; when the hub returns the states converge, the
 * hub's decision winning, nothing doubled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callKiosk, checkInToTalk, hubStaffLogin, hubSyncOf, startTestVenue, until, type HubStaffDevice, type TestVenue } from '../support/hub';
import { setUpStaff } from '../support/staff-pins';
import type { TestServices } from '../support/test-services';
import { callNextTicket, markTicket } from '../../electron/hub/venue-queue-calls';

let venue: TestVenue;
let a: TestServices;
let b: TestServices;
const token = new Map<TestServices, string>();
let visits = 0;

const visit = (k: TestServices) => checkInToTalk(k, `venue-queue-visit-${String(++visits).padStart(4, '0')}`);
const console_ = (k: TestServices, method: string, input: Record<string, unknown> = {}) => callKiosk(k, method, { token: token.get(k), ...input });
const localState = (k: TestServices, entryId: string) => k.services.db!.prepare('SELECT state FROM store_queue WHERE id = ?').pluck().get(entryId) as string;
const entryOf = (k: TestServices, label: string) => k.services.db!.prepare('SELECT id FROM store_queue WHERE ticket_label = ?').pluck().get(label) as string;
const hubState = async (kioskId: string, entryId: string) => (await venue.pool.query('SELECT state FROM tickets WHERE kiosk_id = $1 AND entry_id = $2', [kioskId, entryId])).rows[0]?.state;
const changes = async (entryId: string) =>
  (await venue.pool.query<{ state: string; by: string; via: string }>('SELECT state, by, via FROM ticket_changes WHERE entry_id = $1 ORDER BY id', [entryId])).rows;
const queueEvents = (k: TestServices, entryId: string) =>
  (k.services.db!.prepare("SELECT payload FROM events WHERE type = 'store.queue_changed'").pluck().all() as string[]).map((p) => JSON.parse(p)).filter((p) => p.entryId === entryId);

/** Staff mark every ticket still open, from B's console through the hub: the next test starts with nobody waiting. */
async function closeAll() {
  const open = (await console_(b, 'store.staffQueue')).entries.filter((e: { state: string }) => e.state === 'waiting' || e.state === 'called');
  for (const e of open) await console_(b, 'store.staffMarkQueue', { entryId: e.entryId, kioskId: e.kioskId, outcome: 'talked' });
  for (const k of [a, b]) await hubSyncOf(k.services).heartbeat();
}

beforeAll(async () => {
  venue = await startTestVenue(['queue-kiosk-a', 'queue-kiosk-b'], 'queue-venue', { prefix: 'itda-venue-queue-' });
  [a, b] = venue.kiosks;
  for (const k of venue.kiosks) token.set(k, (await setUpStaff(k.services)).staff);
}, 120_000);

afterAll(async () => {
  await venue?.stop();
}, 60_000);

describe('calling the venue’s queue', { timeout: 60_000 }, () => {
  it('call next on kiosk B’s console calls kiosk A’s earlier ticket; A hears it with its heartbeat', async () => {
    const t1 = await visit(a);
    const t2 = await visit(b);
    const t3 = await visit(a);
    expect([t1.ticket.label, t2.ticket.label, t3.ticket.label]).toEqual(['1', '2', '3']);

    // B's console sees the venue's queue: every kiosk's tickets, in the order they came.
    const list = await console_(b, 'store.staffQueue');
    expect(list).toMatchObject({ source: 'venue' });
    expect(list.hubAway).toBeUndefined();
    expect(list.entries.map((e: { label: string; kioskId: string }) => [e.label, e.kioskId])).toEqual([
      ['1', 'queue-kiosk-a'],
      ['2', 'queue-kiosk-b'],
      ['3', 'queue-kiosk-a'],
    ]);

    // A visitor at B about to join is told everyone waiting at the venue, not only B's own.
    expect((await callKiosk(b, 'store.queueStatus', {})).waiting).toBe(3);

    const called = await console_(b, 'store.staffCallNext');
    expect(called).toMatchObject({ source: 'venue', entry: { label: '1', kioskId: 'queue-kiosk-a', state: 'called', nickname: null } });
    const a1 = entryOf(a, '1');
    expect(await hubState('queue-kiosk-a', a1)).toBe('called');
    // A learns it with its next heartbeat: its own queue, its console, its event log.
    expect(localState(a, a1)).toBe('waiting');
    await hubSyncOf(a.services).heartbeat();
    expect(localState(a, a1)).toBe('called');
    expect(queueEvents(a, a1)).toEqual([{ entryId: a1, number: expect.any(Number), state: 'called', by: 'venue' }]);
    expect((await console_(a, 'store.staffQueue')).entries.find((e: { label: string }) => e.label === '1')).toMatchObject({ state: 'called' });
    // A second heartbeat changes nothing more (no second event).
    await hubSyncOf(a.services).heartbeat();
    expect(queueEvents(a, a1)).toHaveLength(1);

    // Next is B's own ticket 2: B's queue takes it at once.
    const next = await console_(b, 'store.staffCallNext');
    expect(next.entry).toMatchObject({ label: '2', kioskId: 'queue-kiosk-b', state: 'called' });
    expect(localState(b, entryOf(b, '2'))).toBe('called');

    // Talked, marked on B's console for A's ticket: A follows.
    expect((await console_(b, 'store.staffMarkQueue', { entryId: a1, kioskId: 'queue-kiosk-a', outcome: 'talked' })).entry).toMatchObject({ state: 'talked', label: '1' });
    await hubSyncOf(a.services).heartbeat();
    expect(localState(a, a1)).toBe('talked');
    // The hub recorded each decision once, and A's echoes of them did not add any.
    await hubSyncOf(a.services).flush();
    expect((await changes(a1)).map((c) => [c.state, c.by, c.via])).toEqual([
      ['called', 'queue-kiosk-b', 'hub'],
      ['talked', 'queue-kiosk-b', 'hub'],
    ]);
    await closeAll();
  });

  it('two consoles pressing at the same moment call two different tickets, each once', async () => {
    const tickets = [await visit(a), await visit(b), await visit(a), await visit(b)];
    const presses = await Promise.all([console_(a, 'store.staffCallNext'), console_(b, 'store.staffCallNext'), console_(a, 'store.staffCallNext')]);
    const labels = presses.map((p) => p.entry.label);
    expect(new Set(labels).size).toBe(3);
    // The three earliest, whoever pressed first.
    expect([...labels].sort()).toEqual(tickets.slice(0, 3).map((t) => t.ticket.label).sort());
    const rows = (await venue.pool.query("SELECT entry_id, COUNT(*)::int AS n FROM ticket_changes WHERE state = 'called' GROUP BY entry_id HAVING COUNT(*) > 1")).rows;
    expect(rows).toEqual([]);
    expect((await console_(a, 'store.staffCallNext')).entry.label).toBe(tickets[3].ticket.label);
    expect((await console_(b, 'store.staffCallNext')).entry).toBeNull();
    await closeAll();
  });

  it('forty presses at once on thirty waiting tickets: thirty called once each, ten told nobody waits', async () => {
    const day = '2026-12-06';
    for (let i = 1; i <= 30; i++) {
      await venue.pool.query(
        `INSERT INTO tickets (venue, day, kiosk_id, entry_id, number, label, joined_at, source) VALUES ('race-venue', $1, 'queue-kiosk-a', $2, $3::int, $4, now() + $3::int * interval '1 ms', 'hub')`,
        [day, `race-${i}`, i, String(i)],
      );
    }
    const calls = await Promise.all(Array.from({ length: 40 }, (_, i) => callNextTicket(venue.pool, 'race-venue', day, `console-${i}`, new Date())));
    const called = calls.filter((t) => t !== null).map((t) => t!.entryId);
    expect(called).toHaveLength(30);
    expect(new Set(called).size).toBe(30);
    const logged = (await venue.pool.query("SELECT COUNT(*)::int AS n, COUNT(DISTINCT entry_id)::int AS d FROM ticket_changes WHERE venue = 'race-venue'")).rows[0];
    expect(logged).toEqual({ n: 30, d: 30 });
  });

  it('the hub’s own console calls next and marks, recorded in staff_actions; the kiosk follows', async () => {
    const t = await visit(a);
    const tablet: HubStaffDevice = await hubStaffLogin(venue.hub.server()!, 'staff');
    const called = await tablet.value('POST', '/v1/queue/call-next', { venue: 'queue-venue' });
    expect(called.ticket).toMatchObject({ label: t.ticket.label, kioskId: 'queue-kiosk-a', state: 'called' });
    const entryId = called.ticket.entryId;
    expect((await tablet.value('GET', '/v1/queue?venue=queue-venue')).tickets.find((x: { entryId: string }) => x.entryId === entryId)).toMatchObject({ state: 'called' });
    await tablet.value('POST', '/v1/queue/mark', { venue: 'queue-venue', kioskId: 'queue-kiosk-a', entryId, outcome: 'no_show' });
    await hubSyncOf(a.services).heartbeat();
    expect(localState(a, entryId)).toBe('no_show');
    expect((await changes(entryId)).map((c) => [c.state, c.by])).toEqual([
      ['called', 'hub:tablet-staff'],
      ['no_show', 'hub:tablet-staff'],
    ]);
    const acts = (await venue.pool.query("SELECT route, role, target FROM staff_actions WHERE route LIKE 'POST /v1/queue/%' ORDER BY id")).rows;
    expect(acts).toEqual([
      { route: 'POST /v1/queue/call-next', role: 'staff', target: 'queue-venue' },
      { route: 'POST /v1/queue/mark', role: 'staff', target: entryId },
    ]);
    // Nobody waits: the hub says so rather than call anyone.
    expect((await tablet.value('POST', '/v1/queue/call-next', { venue: 'queue-venue' })).ticket).toBeNull();
    // A ticket the venue does not hold is refused plainly.
    expect((await tablet.post('/v1/queue/mark', { venue: 'queue-venue', kioskId: 'queue-kiosk-a', entryId: 'nope', outcome: 'talked' })).error).toMatchObject({ code: 'hub.not_found' });
    await expect(console_(b, 'store.staffMarkQueue', { entryId: 'nope', kioskId: 'queue-kiosk-a', outcome: 'talked' })).rejects.toMatchObject({ code: 'store.unknown_queue_entry' });
  });

  it('with the hub away a console calls its own kiosk’s queue and says so; back, the hub’s decision wins and nothing doubles', async () => {
    const early = await visit(a);
    const mine = await visit(b);
    const mine2 = await visit(b);
    await venue.hub.down();

    const list = await console_(b, 'store.staffQueue');
    expect(list).toMatchObject({ source: 'kiosk', hubAway: true });
    expect(list.entries.every((e: { kioskId: string }) => e.kioskId === 'queue-kiosk-b')).toBe(true);
    // A's earlier ticket is out of reach: B calls its own first waiting ticket.
    const called = await console_(b, 'store.staffCallNext');
    expect(called).toMatchObject({ source: 'kiosk', hubAway: true, entry: { kioskId: 'queue-kiosk-b', label: mine.ticket.label, state: 'called' } });
    // A's ticket cannot be marked from B while the hub is away: said plainly, nothing changes.
    await expect(console_(b, 'store.staffMarkQueue', { entryId: entryOf(a, early.ticket.label), kioskId: 'queue-kiosk-a', outcome: 'talked' })).rejects.toMatchObject({
      code: 'store.venue_unreachable',
    });
    // B marks its second ticket talked; meanwhile the hub's console (on the venue's database) marked it a no-show.
    const second = entryOf(b, mine2.ticket.label);
    await console_(b, 'store.staffMarkQueue', { entryId: second, outcome: 'talked' });
    await markTicket(venue.pool, 'queue-venue', 'queue-kiosk-b', second, 'no_show', 'hub:front desk', new Date());

    await venue.hub.up();
    await hubSyncOf(b.services).flush();
    await until('b caught up', () => hubSyncOf(b.services).outbox.lag().events === 0);
    const first = entryOf(b, mine.ticket.label);
    // B's call while away reached the hub once, as B's own decision.
    expect(await hubState('queue-kiosk-b', first)).toBe('called');
    expect((await changes(first)).map((c) => [c.state, c.by, c.via])).toEqual([['called', 'queue-kiosk-b', 'kiosk']]);
    // The hub's no-show stands over B's "talked"; B takes it with its heartbeat and records it.
    expect(await hubState('queue-kiosk-b', second)).toBe('no_show');
    await hubSyncOf(b.services).heartbeat();
    expect(localState(b, second)).toBe('no_show');
    expect(queueEvents(b, second).map((e) => [e.state, e.by ?? 'kiosk'])).toEqual([
      ['talked', 'kiosk'],
      ['no_show', 'venue'],
    ]);
    // Every event of both kiosks is at the hub exactly once.
    await hubSyncOf(b.services).flush();
    for (const k of [a, b]) {
      await hubSyncOf(k.services).flush();
      const here = k.services.db!.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
      const id = k === a ? 'queue-kiosk-a' : 'queue-kiosk-b';
      await until(`${id} events at the hub`, async () => (await venue.pool.query('SELECT COUNT(*)::int AS n FROM events WHERE kiosk_id = $1', [id])).rows[0].n === here);
    }
    // The console says the venue's queue again, A's early ticket still first in line.
    const back = await console_(b, 'store.staffQueue');
    expect(back.source).toBe('venue');
    expect((await console_(b, 'store.staffCallNext')).entry).toMatchObject({ kioskId: 'queue-kiosk-a', label: early.ticket.label });
  });
});
