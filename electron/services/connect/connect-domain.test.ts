/**
 * 서울연결처방 through the contract, on the whole kiosk's services: the
 * slip's programme on a prescription, "one more", help as a staff notice,
 * turns that survive a restart, and the admin's catalog (admin only, CSV
 * all-or-nothing).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { composeServices, type Services } from '../compose';
import { parseConfig } from '../config/load-config';
import { createLogger } from '../app/logger';
import { makeTempDir } from '../../../test/support/temp-dir';
import { setUpStaff, TEST_STAFF_HOST } from '../../../test/support/staff-pins';
import { CSV_COLUMNS } from './program-csv';

let dir: ReturnType<typeof makeTempDir> | null = null;
let services: Services | null = null;
afterEach(async () => {
  await services?.close();
  services = null;
  dir?.remove();
  dir = null;
});

const config = { connect: { venueDistrict: 'jung' as const, chatbotUrl: 'https://pf.kakao.com/_itdaTest' }, vending: { sim: { vendMs: 20 } } };

async function start(): Promise<Services> {
  dir ??= makeTempDir('itda-connect-');
  services = await composeServices({ dataDir: dir.path, config: parseConfig(config), host: 'web', version: 'test', logger: createLogger({ dir: join(dir.path, 'logs'), echo: false }), hub: null, staff: TEST_STAFF_HOST });
  return services;
}

async function call<T = any>(s: Services, method: string, input: unknown): Promise<T> {
  const r = await s.dispatch(method, input);
  if (!r.ok) throw Object.assign(new Error(`${method}: ${JSON.stringify(r.error)}`), { code: r.error.code });
  return r.value as T;
}
const count = (s: Services, sql: string, ...args: unknown[]) => s.db!.prepare(sql).pluck().get(...args) as number;

describe('서울연결처방 on the kiosk', { timeout: 60_000 }, () => {
  it("gives each prescription a programme of the symptom's categories in the venue's district, one more on request, and help as a notice", async () => {
    const s = await start();
    // loneliness → culture and healing (the shipped map); in 중구 the sample has one of each.
    const rx = await call(s, 'pharmacy.prescribe', { symptomId: 'loneliness', requestId: 'visit-connect-1', language: 'ko' });
    expect(rx.program).toMatchObject({ category: expect.stringMatching(/^(culture|healing)$/), place: { ko: '중구' } });
    expect(rx.program.qrSvg).toContain('<svg');
    // A resend of the same visit: the same programme, no second suggestion.
    const again = await call(s, 'pharmacy.prescribe', { symptomId: 'loneliness', requestId: 'visit-connect-1', language: 'ko' });
    expect(again.program.id).toBe(rx.program.id);
    expect(count(s, "SELECT COUNT(*) FROM events WHERE type = 'connect.program_suggested'")).toBe(1);

    const next = await call(s, 'connect.nextProgram', { requestId: 'visit-connect-1', after: rx.program.id });
    expect(next.program.id).not.toBe(rx.program.id);
    expect(next.program.place.ko).toBe('중구');
    // A tap storm on "다른 프로그램 보기": the same answer.
    expect((await call(s, 'connect.nextProgram', { requestId: 'visit-connect-1', after: rx.program.id })).program.id).toBe(next.program.id);

    const help = await call(s, 'connect.requestHelp', { requestId: 'visit-connect-1', programId: next.program.id });
    expect((await call(s, 'connect.requestHelp', { requestId: 'visit-connect-1', programId: next.program.id })).alertId).toBe(help.alertId);
    const alert = s.db!.prepare('SELECT kind, detail FROM staff_alerts WHERE id = ?').get(help.alertId) as { kind: string; detail: string };
    expect(alert.kind).toBe('program_help');
    expect(JSON.parse(alert.detail)).toMatchObject({ programId: next.program.id, program: next.program.name.ko });
    // Help only for a programme this visit saw.
    await expect(call(s, 'connect.requestHelp', { requestId: 'visit-connect-1', programId: 'sample-sports-stretch' })).rejects.toMatchObject({ code: 'connect.not_suggested' });

    // Events carry the programme and its category only.
    const payloads = (s.db!.prepare("SELECT payload FROM events WHERE type LIKE 'connect.%'").pluck().all() as string[]).map((p) => Object.keys(JSON.parse(p)).sort());
    for (const keys of payloads) expect(keys.every((k) => ['programId', 'category', 'source', 'alertId'].includes(k))).toBe(true);
  });

  it('takes turns among matching programmes, and a restart keeps whose turn it is', async () => {
    let s = await start();
    const first = (await call(s, 'pharmacy.prescribe', { symptomId: 'burnout', requestId: 'visit-turn-1', language: 'ko' })).program.id;
    await s.close();
    s = await start();
    const second = (await call(s, 'pharmacy.prescribe', { symptomId: 'burnout', requestId: 'visit-turn-2', language: 'en' })).program;
    // burnout → self-care, mind-health: two sample programmes in 중구 take turns.
    expect(second.id).not.toBe(first);
    expect(['sample-selfcare-cooking', 'sample-mind-checkup']).toContain(second.id);
    const third = (await call(s, 'pharmacy.prescribe', { symptomId: 'burnout', requestId: 'visit-turn-3', language: 'ko' })).program.id;
    expect(third).toBe(first);
  });

  it("keeps the catalog the admin's: staff are refused, a CSV with one bad row changes nothing, a good one replaces the sample", async () => {
    const s = await start();
    const { admin, staff } = await setUpStaff(s);
    const refused = await s.dispatch('connect.staffPrograms', { token: staff });
    expect(refused).toMatchObject({ ok: false, error: { code: 'staff.forbidden' } });
    expect((await call(s, 'connect.staffCounts', { token: staff, range: 'today' })).suggested).toBe(0);

    const before = await call(s, 'connect.staffExportCsv', { token: admin });
    const row = (id: string, from: string) => `${id},진짜 모임,Real club,진짜 기관,Real place,healing,jung,매주 월요일,Mondays,,yes,02-123-4567,https://example.org/real,no,open,${from},,no`;
    const bad = await call(s, 'connect.staffImportCsv', { token: admin, mode: 'replace', csv: [CSV_COLUMNS.join(','), row('real-1', '2026-01-01'), row('real-2', 'someday')].join('\n') });
    expect(bad.imported).toBe(0);
    expect(bad.errors).toEqual([expect.objectContaining({ line: 3, column: 'active_from' })]);
    expect((await call(s, 'connect.staffExportCsv', { token: admin })).csv).toBe(before.csv);

    const good = await call(s, 'connect.staffImportCsv', { token: admin, mode: 'replace', csv: [CSV_COLUMNS.join(','), row('real-1', '2020-01-01')].join('\n') });
    expect(good).toMatchObject({ imported: 1, retired: 12, errors: [] });
    const rx = await call(s, 'pharmacy.prescribe', { symptomId: 'heartbreak', requestId: 'visit-real-1', language: 'ko' });
    expect(rx.program.id).toBe('real-1');
    // Its categories no longer match: no programme, and the slip still prints.
    await call(s, 'connect.staffSetSymptomCategories', { token: admin, symptomId: 'heartbreak', categories: ['sports'] });
    const none = await call(s, 'pharmacy.prescribe', { symptomId: 'heartbreak', requestId: 'visit-real-2', language: 'ko' });
    expect(none.program).toBeNull();
    expect(none.print.outcome).toBe('printed');
    const map = await call(s, 'connect.staffSymptomMap', { token: admin });
    expect(map.symptoms.find((x: { id: string }) => x.id === 'heartbreak')).toMatchObject({ categories: ['sports'], edited: true });
    const counts = await call(s, 'connect.staffCounts', { token: staff, range: 'today' });
    expect(counts).toMatchObject({ suggested: 1, byProgram: [{ programId: 'real-1', suggested: 1 }] });
  });
});
