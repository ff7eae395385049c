import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../storage/database';
import { EventLog } from '../storage/event-log';
import { appEventSchemas } from '../app/app-events';
import { createLogger } from '../app/logger';
import { parseConfig } from '../config/load-config';
import type { SlipDocument } from '../printing/slip-document';
import { makeTempDir } from '../../../test/support/temp-dir';
import { createPrescriptionPicker } from './prescription-picker';
import type { PharmacyContent } from './pharmacy-content';
import { PharmacyFlow } from './pharmacy-flow';
import { pharmacyEventSchemas } from './pharmacy-domain';
import type { PharmacyGiftVend, PharmacyPrinter, PharmacyVending } from './pharmacy-devices';

const L = (ko: string, en: string) => ({ ko, en });

const content: PharmacyContent = {
  symptoms: [
    {
      id: 'monday-blues',
      name: L('월요병 말기', 'Terminal Monday blues'),
      description: L('월요일이 너무 길어요', 'Mondays last forever'),
      icon: 'monday.svg',
      giftCategory: 'tea',
      prescriptions: ['a', 'b', 'c'].map((x) => ({
        id: `monday-${x}`,
        quote: L(`월요일도 결국 지나가요 ${x}`, `Mondays pass too ${x}`),
        source: null,
        dosage: L('하루 세 번, 창문을 열고 복용', 'Three times a day, windows open'),
      })),
    },
  ],
  crisis: {
    title: L('혼자 견디지 않아도 돼요', 'You do not have to carry this alone'),
    body: L('지금 바로 이야기할 수 있어요.', 'You can talk to someone right now.'),
    lines: [
      { name: L('자살예방상담전화', 'Suicide prevention line'), phone: '109', note: L('24시간', '24 hours') },
      { name: L('외로움안녕120', 'Loneliness line 120'), phone: '02-120', press: '5', note: L('연결 후 5번', 'then press 5') },
    ],
  },
  footer: L('이야기가 필요할 땐 외로움안녕120 · 전화 02-120 (5번)', 'Need to talk? Call 02-120, then press 5'),
};

function slipText(doc: SlipDocument): string {
  return JSON.stringify(doc);
}

let dir: ReturnType<typeof makeTempDir>;
let db: Db;
let events: EventLog;
let printer: { submit: ReturnType<typeof vi.fn>; waitForJob: ReturnType<typeof vi.fn>; ready: ReturnType<typeof vi.fn> };
let vending: { vendGift: ReturnType<typeof vi.fn>; giftAvailable: ReturnType<typeof vi.fn> };
let flow: PharmacyFlow;
let jobs: number;

beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase({ dataDir: dir.path });
  events = new EventLog(db, 'kiosk-t', { ...appEventSchemas, ...pharmacyEventSchemas });
  jobs = 0;
  printer = {
    submit: vi.fn(() => ({ jobId: `job-${++jobs}`, state: 'queued' })),
    waitForJob: vi.fn(async (jobId: string) => ({ jobId, state: 'printed' })),
    ready: vi.fn(() => true),
  };
  vending = {
    vendGift: vi.fn(async (): Promise<PharmacyGiftVend> => ({ txn: 1001, slot: 3, state: 'delivered', item: L('보리차', 'Barley tea') })),
    giftAvailable: vi.fn(() => true),
  };
  const ctx = {
    db,
    kioskId: 'kiosk-t',
    config: parseConfig({}),
    logger: createLogger({ dir: null, echo: false }),
    record: (type: string, payload?: unknown) => void events.append(type, payload),
    push: vi.fn(),
  };
  flow = new PharmacyFlow({ ctx, content, picker: createPrescriptionPicker({ db, kioskId: 'kiosk-t', content }),
    printer: printer as unknown as PharmacyPrinter,
    vending: vending as unknown as PharmacyVending,
  });
});

afterEach(() => {
  db.close();
  dir.remove();
});

describe('Mind Pharmacy flow', () => {
  it('prints one pharmacy slip and drops one gift of the symptom\'s category, and records it all', async () => {
    const r = await flow.prescribe('monday-blues', 'req-00000001', 'ko');
    expect(r.rxNumber).toMatch(/^RX-[A-Z0-9]{6}$/);
    expect(r.print).toEqual({ jobId: 'job-1', outcome: 'printed' });
    expect(r.gift).toEqual({ outcome: 'delivered', item: L('보리차', 'Barley tea') });
    expect(r.qrSvg).toMatch(/^<svg/);

    expect(printer.submit).toHaveBeenCalledTimes(1);
    const [doc, meta] = printer.submit.mock.calls[0] as [SlipDocument, { kind: string; ref: string }];
    expect(meta).toEqual({ kind: 'prescription', ref: r.rxId });
    const text = slipText(doc);
    for (const expected of ['마음약방', r.rxNumber, '월요병 말기', r.prescription.quote.ko, '하루 세 번', '조제: 마음약사', '02-120', '서울잇다플레이스']) {
      expect(text).toContain(expected);
    }
    expect(doc.blocks.some((b) => b.type === 'qr' && b.data === 'https://itda.seoul.go.kr')).toBe(true);
    // Only glyphs the slip font carries: a symbol it lacks prints as an empty box on a venue machine.
    expect(text).not.toMatch(/[☎℞]/);

    expect(vending.vendGift).toHaveBeenCalledTimes(1);
    expect(vending.vendGift).toHaveBeenCalledWith({ category: 'tea', reason: `rx:${r.rxId}`, requestId: r.rxId });

    const row = db.prepare('SELECT print_job_id, print_state, vend_txn, vend_state, request_id FROM prescriptions_issued WHERE id = ?').get(r.rxId);
    expect(row).toEqual({ print_job_id: 'job-1', print_state: 'printed', vend_txn: '1001', vend_state: 'delivered', request_id: 'req-00000001' });
    const types = events.recent().map((e) => e.type).reverse();
    expect(types).toEqual(['pharmacy.prescribed', 'pharmacy.completed']);
  });

  it('prints in English for an English-speaking visitor', async () => {
    await flow.prescribe('monday-blues', 'req-english-1', 'en');
    const text = slipText(printer.submit.mock.calls[0][0]);
    expect(text).toContain('Mind Pharmacy');
    expect(text).toContain('Terminal Monday blues');
    expect(text).not.toContain('월요병');
  });

  it('turns a tap storm into exactly one prescription, one print job and one vend', async () => {
    const results = await Promise.all(Array.from({ length: 25 }, () => flow.prescribe('monday-blues', 'req-storm-0001', 'ko')));
    expect(new Set(results.map((r) => r.rxNumber)).size).toBe(1);
    expect(printer.submit).toHaveBeenCalledTimes(1);
    expect(vending.vendGift).toHaveBeenCalledTimes(1);
    // A resend after the fact (a reconnecting screen) gets the same prescription, still one job and one vend.
    const again = await flow.prescribe('monday-blues', 'req-storm-0001', 'ko');
    expect(again.rxNumber).toBe(results[0].rxNumber);
    expect(printer.submit).toHaveBeenCalledTimes(1);
    expect(vending.vendGift).toHaveBeenCalledTimes(1);
    expect(db.prepare('SELECT COUNT(*) FROM prescriptions_issued').pluck().get()).toBe(1);
  });

  it('gives a returning visitor a different prescription each time until the list is used up', async () => {
    const seen = [];
    for (let i = 0; i < 3; i++) seen.push((await flow.prescribe('monday-blues', `req-visit-${i}-abc`, 'ko')).prescription.quote.ko);
    expect(new Set(seen).size).toBe(3);
  });

  it('still gives the prescription on screen when the printer is out of paper, and the job waits', async () => {
    printer.waitForJob.mockImplementation(async (jobId: string) => ({ jobId, state: 'waiting' }));
    const r = await flow.prescribe('monday-blues', 'req-paperout-1', 'ko');
    expect(r.print.outcome).toBe('waiting');
    expect(r.prescription.quote.ko).toContain('월요일');
    expect(r.gift.outcome).toBe('delivered');
    expect(printer.submit).toHaveBeenCalledTimes(1);
  });

  it('still prints when the gift jams, says so honestly, and asks staff to bring one', async () => {
    vending.vendGift.mockResolvedValue({ txn: 1002, slot: 3, state: 'jammed' });
    const r = await flow.prescribe('monday-blues', 'req-jam-00001', 'ko');
    expect(r.print.outcome).toBe('printed');
    expect(r.gift).toEqual({ outcome: 'not_given', item: null });
    const alert = db.prepare("SELECT detail FROM staff_alerts WHERE kind = 'gift_owed'").get() as { detail: string };
    expect(JSON.parse(alert.detail)).toMatchObject({ rxNumber: r.rxNumber, vendState: 'jammed' });
  });

  it('survives a printer that throws and a vending service that throws', async () => {
    printer.submit.mockImplementation(() => {
      throw new Error('unplugged');
    });
    vending.vendGift.mockRejectedValue(new Error('link down'));
    const r = await flow.prescribe('monday-blues', 'req-broken-001', 'ko');
    expect(r.print).toEqual({ jobId: null, outcome: 'failed' });
    expect(r.gift.outcome).toBe('not_given');
    expect(r.prescription.dosage.ko).toContain('창문');
  });

  it('refuses an unknown symptom with a typed error', async () => {
    await expect(flow.prescribe('no-such', 'req-unknown-1', 'ko')).rejects.toMatchObject({ code: 'pharmacy.unknown_symptom' });
  });

  it('crisis: alerts staff first, prints the numbers, drops no gift, once per request', async () => {
    const [a, b] = await Promise.all([flow.crisis('req-crisis-001', 'ko'), flow.crisis('req-crisis-001', 'ko')]);
    expect(a.alertId).toBe(b.alertId);
    expect(db.prepare("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'crisis'").pluck().get()).toBe(1);
    expect(printer.submit).toHaveBeenCalledTimes(1);
    const text = slipText(printer.submit.mock.calls[0][0]);
    expect(text).toContain('109');
    expect(text).toContain('02-120');
    expect(text).toContain('연결 후 5번');
    expect(text).not.toMatch(/[☎℞]/);
    expect(vending.vendGift).not.toHaveBeenCalled();
    expect(a.print.outcome).toBe('printed');
  });

  it('after a crash, settles prescriptions left half-done: queues a slip never queued, keeps a queued one, owes a gift not delivered', async () => {
    // Three visitors whose host was killed mid-flow: the rows exist, the outcome was never written.
    const never = await flow.prescribe('monday-blues', 'req-crash-0001', 'ko');
    const queued = await flow.prescribe('monday-blues', 'req-crash-0002', 'en');
    const gifted = await flow.prescribe('monday-blues', 'req-crash-0003', 'ko');
    db.prepare('UPDATE prescriptions_issued SET print_state = NULL, vend_state = NULL, vend_txn = NULL').run();
    db.prepare('UPDATE prescriptions_issued SET print_job_id = NULL WHERE id = ?').run(never.rxId);
    // The second one's job was queued, but the crash came before its id was written back.
    db.prepare('UPDATE prescriptions_issued SET print_job_id = NULL WHERE id = ?').run(queued.rxId);
    db.prepare(
      "INSERT INTO print_jobs (id, kind, ref, state, mode, document, created_at, updated_at, fail_after) VALUES ('job-q', 'prescription', ?, 'queued', 'text', '{}', 'x', 'x', 'x')",
    ).run(queued.rxId);
    const vend = db.prepare("INSERT INTO vend_requests (request_id, category, reason, state, txn, created_at) VALUES (?, 'tea', 'rx', ?, ?, 'x')");
    vend.run(gifted.rxId, 'delivered', 77);
    vend.run(queued.rxId, 'unknown', 78);
    const submitsBefore = printer.submit.mock.calls.length;

    expect(await flow.recoverInterrupted(Promise.resolve(true))).toBe(3);

    // One new job, for the slip that was never queued, and nothing else printed again.
    expect(printer.submit.mock.calls.length).toBe(submitsBefore + 1);
    expect(printer.submit.mock.calls.at(-1)![1]).toEqual({ kind: 'prescription', ref: never.rxId });
    const rows = db.prepare('SELECT id, print_job_id, print_state, vend_state FROM prescriptions_issued').all() as Record<string, string>[];
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[never.rxId]).toMatchObject({ print_job_id: `job-${jobs}`, print_state: 'waiting', vend_state: 'vending.interrupted' });
    expect(byId[queued.rxId]).toMatchObject({ print_job_id: 'job-q', print_state: 'waiting', vend_state: 'unknown' });
    expect(byId[gifted.rxId]).toMatchObject({ print_state: 'waiting', vend_state: 'delivered' });
    // Gifts not delivered are owed, and staff are told which prescription.
    const owed = (db.prepare("SELECT detail FROM staff_alerts WHERE kind = 'gift_owed'").pluck().all() as string[]).map((d) => JSON.parse(d).rxNumber);
    expect(owed.sort()).toEqual([never.rxNumber, queued.rxNumber].sort());
    // A second start finds nothing left to settle.
    expect(await flow.recoverInterrupted(Promise.resolve(true))).toBe(0);
  });

  it('is available while either the printer or a gift works, and takes a break when both are down', () => {
    expect(flow.availability()).toEqual({ available: true, printer: true, gifts: true });
    printer.ready.mockReturnValue(false);
    expect(flow.availability().available).toBe(true);
    vending.giftAvailable.mockReturnValue(false);
    expect(flow.availability()).toEqual({ available: false, printer: false, gifts: false });
  });
});
