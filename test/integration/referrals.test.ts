/**
 * Referrals from counseling: recorded for a visitor who agreed to be
 * recognised, listed when the follow-up day comes, marked done, and erased
 * with the visitor (on request, and so with the retention purge, which
 * deletes the same row).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServices, type TestServices } from '../support/test-services';
import { setUpStaff, type StaffTokens } from '../support/staff-pins';
import { addDays, seoulDay } from '../../electron/services/store/seoul-time';

let t: TestServices;
let staff: StaffTokens;
const today = seoulDay(new Date());

async function call<T = any>(method: string, input: unknown): Promise<T> {
  const r = await t.services.dispatch(method, input);
  if (!r.ok) throw Object.assign(new Error(`${method}: ${JSON.stringify(r.error)}`), { code: r.error.code });
  return r.value as T;
}
async function refusal(method: string, input: unknown): Promise<string> {
  const r = await t.services.dispatch(method, input);
  if (r.ok) throw new Error(`${method} was not refused`);
  return r.error.code;
}

/** A check-in that joins the talk queue; with consent, a nickname and phone that make the visitor recognised. */
async function queued(requestId: string, who: { nickname: string; phone: string } | null): Promise<string> {
  await call('store.start', { requestId, consent: who !== null });
  if (who) await call('store.identify', { requestId, ...who });
  await call('store.talkNow', { requestId });
  const { entries } = await call('store.staffQueue', { token: staff.staff });
  return entries[entries.length - 1].entryId;
}

beforeAll(async () => {
  t = await startTestServices({}, { prefix: 'itda-referrals-' });
  staff = await setUpStaff(t.services);
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

describe('referrals', () => {
  const visitor = { nickname: '해바라기', phone: '010-2345-6789' };
  const NOTE = '수요일 오후 모임이 편하다고 함';

  it('are recorded for a recognised visitor only, and listed as due on their follow-up day', async () => {
    const entryId = await queued('referral-visit-0001', visitor);
    const anonymous = await queued('referral-visit-0002', null);
    const base = { token: staff.staff, kind: 'centre', target: '서울50플러스 중부캠퍼스', referredOn: today, note: NOTE };
    expect(await refusal('referrals.staffAdd', { ...base, from: { entryId: anonymous }, followUpOn: today })).toBe('referrals.not_recognised');
    expect(await refusal('referrals.staffAdd', { ...base, from: { entryId }, followUpOn: addDays(today, -1) })).toBe('referrals.bad_dates');
    const due = (await call('referrals.staffAdd', { ...base, from: { entryId }, followUpOn: today })).referral;
    const later = (await call('referrals.staffAdd', { ...base, kind: 'program', target: '마음 산책 모임', from: { entryId }, followUpOn: addDays(today, 14) })).referral;
    expect(due).toMatchObject({ nickname: visitor.nickname, due: true, doneAt: null, note: NOTE });
    expect(later.due).toBe(false);
    // A programme of the 서울연결처방 catalog, by id; an id not in it is refused.
    const { programs } = await call('referrals.staffPrograms', { token: staff.staff });
    expect(programs.length).toBeGreaterThan(0);
    expect(await refusal('referrals.staffAdd', { ...base, kind: 'program', programId: 'no-such-programme', from: { entryId }, followUpOn: addDays(today, 30) })).toBe('referrals.unknown_program');
    const fromCatalog = (await call('referrals.staffAdd', { ...base, kind: 'program', programId: programs[0].id, target: programs[0].name.ko, from: { entryId }, followUpOn: addDays(today, 30) })).referral;
    expect(fromCatalog).toMatchObject({ programId: programs[0].id, due: false });
    await call('referrals.staffDone', { token: staff.staff, referralId: fromCatalog.referralId });
    const list = (await call('referrals.staffList', { token: staff.staff })).referrals;
    expect(list.map((r: { referralId: string }) => r.referralId)).toEqual([due.referralId, later.referralId]);

    const done = (await call('referrals.staffDone', { token: staff.staff, referralId: due.referralId })).referral;
    expect(done).toMatchObject({ due: false, doneAt: expect.any(String) });
    expect((await call('referrals.staffList', { token: staff.staff })).referrals.map((r: { referralId: string }) => r.referralId)).toEqual([later.referralId]);
    expect((await call('referrals.staffList', { token: staff.staff, all: true })).referrals).toHaveLength(3);
    // Events: the referral's id and kind, never the note or the person.
    const payloads = t.services.db!.prepare("SELECT payload FROM events WHERE type LIKE 'referral.%'").pluck().all() as string[];
    expect(payloads).toHaveLength(5);
    for (const p of payloads) expect(Object.keys(JSON.parse(p)).every((k) => ['referralId', 'kind'].includes(k))).toBe(true);
  });

  it('are removed when the visitor is erased, leaving no note in the database file', async () => {
    expect(await call('store.staffEraseVisitor', { token: staff.admin, phone: visitor.phone })).toEqual({ erased: true });
    expect((await call('referrals.staffList', { token: staff.staff, all: true })).referrals).toEqual([]);
    expect(t.services.db!.prepare('SELECT COUNT(*) FROM store_referrals').pluck().get()).toBe(0);
    const bytes = readFileSync(join(t.dataDir, 'itda.db'));
    expect(bytes.includes(Buffer.from(NOTE))).toBe(false);
  });
});
