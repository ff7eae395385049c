/**
 * The Mind Pharmacy content editor through the one dispatcher: admins only,
 * a draft's problems and slip preview, a save that reaches the next visitor
 * while a visit already under way keeps its text, a restore, and every save
 * and restore on the record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallMeta } from '../../electron/contract/dispatch';
import type { ContentWire } from '../../electron/contract/content-api';
import type { VendingServiceImpl } from '../../electron/services/vending/vending-service';
import { setUpStaff, type StaffTokens } from '../support/staff-pins';
import { startTestServices, type TestServices } from '../support/test-services';

const local: CallMeta = { transport: 'test' };
let kiosk: TestServices;
let tokens: StaffTokens;

async function call(method: string, input: unknown): Promise<any> {
  const r = await kiosk.services.dispatch(method, input, local);
  if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code}`), { code: r.error.code, details: r.error.details });
  return r.value;
}
async function fails(method: string, input: unknown): Promise<string> {
  const r = await kiosk.services.dispatch(method, input, local);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error.code;
}
const events = (type: string) =>
  (kiosk.services.db!.prepare('SELECT payload FROM events WHERE type = ? ORDER BY seq').pluck().all(type) as string[]).map((p) => JSON.parse(p));

beforeAll(async () => {
  kiosk = await startTestServices({ kioskId: 'content-editor', vending: { sim: { vendMs: 0 } } }, { prefix: 'itda-content-' });
  await (kiosk.services.domains.get('vending')!.service as VendingServiceImpl).whenReady();
  tokens = await setUpStaff(kiosk.services, local);
}, 60_000);
afterAll(() => kiosk.stop());

describe('content editor', { timeout: 60_000 }, () => {
  it('is the admin’s: staff and technicians are refused', async () => {
    expect(await fails('console.content', { token: tokens.staff })).toBe('staff.forbidden');
    expect(await fails('console.content', { token: tokens.tech })).toBe('staff.forbidden');
    const shown = await call('console.content', { token: tokens.admin });
    expect(shown).toMatchObject({ version: 1, activeVersion: 1, versions: [{ version: 1, createdBy: 'shipped', active: true }] });
  });

  it('previews a draft as the printer draws it, and names each problem', async () => {
    const { content } = (await call('console.content', { token: tokens.admin })) as { content: ContentWire };
    const s = content.symptoms[0]!;
    const draft = structuredClone(content);
    draft.symptoms[0]!.prescriptions[0]!.dosage.ko = '하루 한 번, 창문을 열고 천천히';
    const ok = await call('console.contentPreview', { token: tokens.admin, content: draft, symptomId: s.id, prescriptionId: s.prescriptions[0]!.id, language: 'ko' });
    expect(Buffer.from(ok.png, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(ok.problems.filter((p: { blocking: boolean }) => p.blocking)).toEqual([]);

    draft.symptoms[0]!.prescriptions[0]!.dosage.en = '';
    const bad = await call('console.contentPreview', { token: tokens.admin, content: draft, symptomId: s.id, prescriptionId: s.prescriptions[0]!.id, language: 'ko' });
    expect(bad.problems.filter((p: { blocking: boolean }) => p.blocking)).toEqual([expect.objectContaining({ symptomId: s.id, field: 'dosage', lang: 'en', rule: 'empty' })]);
    expect(await fails('console.saveContent', { token: tokens.admin, content: draft })).toBe('console.content_invalid');
    expect((await call('console.content', { token: tokens.admin })).activeVersion).toBe(1);
  });

  it('a save reaches the next visitor; a visit already under way keeps its text; a restore brings the old words back', async () => {
    const { content } = (await call('console.content', { token: tokens.admin })) as { content: ContentWire };
    const symptom = content.symptoms[0]!;
    const oldName = symptom.name.ko;

    const before = await call('pharmacy.catalog', { requestId: 'visit-before-edit' });
    expect(before.contentVersion).toBe(1);

    const draft = structuredClone(content);
    draft.symptoms[0]!.name.ko = '오늘 조금 외로움';
    const saved = await call('console.saveContent', { token: tokens.admin, content: draft, note: '증상 이름 다듬기' });
    expect(saved.version).toBe(2);

    const early = await call('pharmacy.prescribe', { symptomId: symptom.id, requestId: 'visit-before-edit', language: 'ko' });
    expect(early.symptom.name.ko).toBe(oldName);
    const next = await call('pharmacy.catalog', { requestId: 'visit-after-edit' });
    expect(next.contentVersion).toBe(2);
    expect(next.symptoms[0].name.ko).toBe('오늘 조금 외로움');
    const later = await call('pharmacy.prescribe', { symptomId: symptom.id, requestId: 'visit-after-edit', language: 'ko' });
    expect(later.symptom.name.ko).toBe('오늘 조금 외로움');
    // A resend of the early visit (a reconnect) still answers with the words it was given.
    expect((await call('pharmacy.prescribe', { symptomId: symptom.id, requestId: 'visit-before-edit', language: 'ko' })).symptom.name.ko).toBe(oldName);

    // A draft begun on version 1 meets version 2, saved by someone else meanwhile: refused once, nothing lost.
    expect(await fails('console.saveContent', { token: tokens.admin, content: draft, baseVersion: 1 })).toBe('console.content_outdated');
    expect((await call('console.content', { token: tokens.admin })).activeVersion).toBe(2);

    const restored = await call('console.restoreContent', { token: tokens.admin, version: 1 });
    expect(restored.version).toBe(3);
    const third = await call('pharmacy.catalog', { requestId: 'visit-after-restore' });
    expect(third).toMatchObject({ contentVersion: 3 });
    expect(third.symptoms[0].name.ko).toBe(oldName);
    expect(await fails('console.restoreContent', { token: tokens.admin, version: 99 })).toBe('console.version_not_found');

    const list = (await call('console.content', { token: tokens.admin })).versions;
    expect(list.map((v: any) => [v.version, v.restoredFrom, v.active, v.note])).toEqual([
      [3, 1, true, ''],
      [2, null, false, '증상 이름 다듬기'],
      [1, null, false, ''],
    ]);
    expect(list[1].createdBy).toMatch(/^admin:/);

    // On the record: the door's staff actions and what changed, never the words themselves.
    const actions = events('staff.action').filter((e) => e.action === 'console.saveContent' || e.action === 'console.restoreContent');
    expect(actions.map((e) => e.action)).toEqual(['console.saveContent', 'console.restoreContent']);
    expect(events('console.content_saved')).toEqual([expect.objectContaining({ version: 2, previous: 1, role: 'admin' })]);
    expect(events('console.content_restored')).toEqual([expect.objectContaining({ version: 3, from: 1, previous: 2, role: 'admin' })]);
  });
});
