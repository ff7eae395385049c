import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../storage/database';
import { isUlid } from '../storage/ids';
import { StorageError } from '../storage/storage-errors';
import {
  INITIAL_CYCLE,
  RX_ALPHABET,
  RX_NUMBER_PATTERN,
  UnknownSymptomError,
  choosePrescription,
  createPrescriptionPicker,
  issueRxNumber,
  type CycleState,
} from './prescription-picker';
import { seededRandom } from '../../../test/support/seeded-random';


const symptom = (id: string, n: number) => ({ id, prescriptions: Array.from({ length: n }, (_, i) => ({ id: `${id}-${i + 1}` })) });
const content = { symptoms: [symptom('loneliness', 6), symptom('burnout', 7)] } as unknown as Parameters<typeof createPrescriptionPicker>[0]['content'];
const ids = (n: number, prefix = 'rx') => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);

describe('choosePrescription', () => {
  it('gives every prescription once before any repeats, and never opens a cycle with the one just given', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 60 }), fc.integer(), (n, picks, seed) => {
        const list = ids(n);
        const random = seededRandom(seed);
        let state: CycleState = INITIAL_CYCLE;
        const given: string[] = [];
        for (let i = 0; i < picks; i++) {
          const r = choosePrescription(list, state, random);
          given.push(r.prescriptionId);
          state = r.state;
          expect(state.cycle).toBe(Math.floor(i / n) + 1);
        }
        for (let start = 0; start < given.length; start += n) {
          const cycle = given.slice(start, start + n);
          expect(new Set(cycle).size).toBe(cycle.length);
          if (start > 0) expect(cycle[0]).not.toBe(given[start - 1]);
        }
      }),
    );
  });

  it('uses the injected randomness: the same seed gives the same order', () => {
    const run = () => {
      const random = seededRandom(42);
      let state = INITIAL_CYCLE;
      return Array.from({ length: 12 }, () => {
        const r = choosePrescription(ids(6), state, random);
        state = r.state;
        return r.prescriptionId;
      });
    };
    expect(run()).toEqual(run());
  });

  it('a random source at its edges (0 and just under 1) still picks a valid remaining prescription', () => {
    expect(choosePrescription(ids(3), INITIAL_CYCLE, () => 0).prescriptionId).toBe('rx-1');
    expect(choosePrescription(ids(3), INITIAL_CYCLE, () => 0.9999999999).prescriptionId).toBe('rx-3');
    expect(choosePrescription(ids(3), { cycle: 1, given: ['rx-1', 'rx-3'], lastGiven: 'rx-3' }, () => 0.99).prescriptionId).toBe('rx-2');
  });

  it('follows content edits: removed prescriptions are forgotten, new ones join the current cycle', () => {
    const state: CycleState = { cycle: 1, given: ['rx-1', 'rx-2', 'gone'], lastGiven: 'gone' };
    const r = choosePrescription(['rx-1', 'rx-2', 'rx-9'], state, () => 0);
    expect(r.prescriptionId).toBe('rx-9');
    expect(r.state).toEqual({ cycle: 1, given: ['rx-1', 'rx-2', 'rx-9'], lastGiven: 'rx-9' });
  });
});

describe('issueRxNumber', () => {
  it('is RX- and six characters with no look-alikes (0/O, 1/I/L, 2/Z, 5/S, 8/B)', () => {
    for (let i = 0; i < 500; i++) expect(issueRxNumber()).toMatch(RX_NUMBER_PATTERN);
    expect(RX_ALPHABET).not.toMatch(/[0O1IL2Z5S8BUVGQ]/);
    expect(new Set(RX_ALPHABET).size).toBe(RX_ALPHABET.length);
    expect(issueRxNumber(() => 0)).toBe('RX-AAAAAA');
    expect(issueRxNumber((n) => n - 1)).toBe('RX-999999');
  });
});

describe('the prescription picker on SQLite', () => {
  let dir: string;
  const open: Db[] = [];
  const db = () => {
    const d = openDatabase({ dataDir: dir });
    open.push(d);
    return d;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'itda-picker-'));
  });
  afterEach(() => {
    for (const d of open.splice(0)) if (d.open) d.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a visitor tapping the same symptom six times reads six different prescriptions, then a new cycle starts', () => {
    const picker = createPrescriptionPicker({ db: db(), kioskId: 'gangnam-1', content, random: seededRandom(1) });
    const first = Array.from({ length: 6 }, () => picker.pick('loneliness'));
    expect(new Set(first.map((p) => p.prescriptionId)).size).toBe(6);
    expect(first.every((p) => p.cycle === 1 && p.symptomId === 'loneliness')).toBe(true);
    const seventh = picker.pick('loneliness');
    expect(seventh.cycle).toBe(2);
    expect(seventh.prescriptionId).not.toBe(first[5].prescriptionId);
    expect(picker.state('loneliness')).toEqual({ cycle: 2, given: [seventh.prescriptionId], lastGiven: seventh.prescriptionId });
  });

  it('keeps its place across a restart (reopened database)', () => {
    const before = createPrescriptionPicker({ db: db(), kioskId: 'gangnam-1', content, random: seededRandom(2) });
    const given = [before.pick('burnout'), before.pick('burnout'), before.pick('burnout')].map((p) => p.prescriptionId);
    open[0].close();
    const after = createPrescriptionPicker({ db: db(), kioskId: 'gangnam-1', content, random: seededRandom(2) });
    for (let i = 0; i < 4; i++) given.push(after.pick('burnout').prescriptionId);
    expect(new Set(given).size).toBe(7);
    expect(after.pick('burnout').cycle).toBe(2);
  });

  it('two connections to one database share the cycle (web host and Electron main)', () => {
    const a = createPrescriptionPicker({ db: db(), kioskId: 'gangnam-1', content, random: seededRandom(3) });
    const b = createPrescriptionPicker({ db: db(), kioskId: 'gangnam-1', content, random: seededRandom(3) });
    const given = Array.from({ length: 6 }, (_, i) => (i % 2 ? b : a).pick('loneliness').prescriptionId);
    expect(new Set(given).size).toBe(6);
    expect(a.pick('loneliness').prescriptionId).not.toBe(given[5]);
  });

  it('keeps a separate cycle per kiosk and per symptom', () => {
    const d = db();
    const one = createPrescriptionPicker({ db: d, kioskId: 'gangnam-1', content, random: () => 0 });
    const two = createPrescriptionPicker({ db: d, kioskId: 'mapo-1', content, random: () => 0 });
    expect(one.pick('loneliness').prescriptionId).toBe('loneliness-1');
    expect(two.pick('loneliness').prescriptionId).toBe('loneliness-1');
    expect(one.pick('burnout').prescriptionId).toBe('burnout-1');
    expect(one.pick('loneliness').prescriptionId).toBe('loneliness-2');
  });

  it('takes the write lock before reading: another writer holding it makes pick fail as storage.unavailable, changing nothing', () => {
    const mine = db();
    mine.pragma('busy_timeout = 0');
    const other = db();
    const picker = createPrescriptionPicker({ db: mine, kioskId: 'gangnam-1', content });
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(() => picker.pick('loneliness')).toThrow(StorageError);
      try {
        picker.pick('loneliness');
      } catch (err) {
        expect((err as StorageError).code).toBe('storage.unavailable');
      }
    } finally {
      other.exec('ROLLBACK');
    }
    expect(picker.state('loneliness')).toEqual(INITIAL_CYCLE);
    expect(picker.pick('loneliness').cycle).toBe(1);
  });

  it('an unknown symptom is pharmacy.unknown_symptom and records nothing', () => {
    const d = db();
    const picker = createPrescriptionPicker({ db: d, kioskId: 'gangnam-1', content });
    expect(() => picker.issue('hiccups')).toThrow(UnknownSymptomError);
    expect(new UnknownSymptomError('hiccups').toWire()).toEqual({ code: 'pharmacy.unknown_symptom', messageKey: 'errors.pharmacy.unknown_symptom', retryable: false });
    expect(d.prepare('SELECT COUNT(*) FROM prescriptions_issued').pluck().get()).toBe(0);
    expect(d.prepare('SELECT COUNT(*) FROM pharmacy_rx_cycles').pluck().get()).toBe(0);
  });

  it('issue writes the slip row with a readable Rx number in the same step as the choice', () => {
    const d = db();
    const at = new Date('2026-11-25T03:04:05.000Z');
    const picker = createPrescriptionPicker({ db: d, kioskId: 'gangnam-1', content, random: () => 0, now: () => at });
    const rx = picker.issue('loneliness');
    expect(rx).toMatchObject({ symptomId: 'loneliness', prescriptionId: 'loneliness-1', cycle: 1, kioskId: 'gangnam-1', at: at.toISOString() });
    expect(isUlid(rx.id)).toBe(true);
    expect(rx.rxNumber).toMatch(RX_NUMBER_PATTERN);
    const row = d.prepare('SELECT * FROM prescriptions_issued WHERE id = ?').get(rx.id) as Record<string, unknown>;
    expect(row).toMatchObject({
      rx_number: rx.rxNumber,
      kiosk_id: 'gangnam-1',
      symptom_id: 'loneliness',
      prescription_id: 'loneliness-1',
      at: at.toISOString(),
      print_job_id: null,
      vend_txn: null,
      vend_state: null,
    });
    expect(picker.state('loneliness').given).toEqual(['loneliness-1']);
  });

  it('draws a new Rx number when one is already on an earlier slip', () => {
    const d = db();
    // Every draw of the first two numbers yields RX-AAAAAA; then RX-CCCCCC.
    let calls = 0;
    const randomIndex = () => (calls++ < 12 ? 0 : 1);
    const picker = createPrescriptionPicker({ db: d, kioskId: 'gangnam-1', content, randomIndex });
    expect(picker.issue('loneliness').rxNumber).toBe('RX-AAAAAA');
    expect(picker.issue('loneliness').rxNumber).toBe('RX-CCCCCC');
  });

  it('300 slips get 300 different Rx numbers and the cycle counts agree with the slips', () => {
    const d = db();
    const picker = createPrescriptionPicker({ db: d, kioskId: 'gangnam-1', content, random: seededRandom(9) });
    for (let i = 0; i < 300; i++) picker.issue(i % 2 ? 'loneliness' : 'burnout');
    expect(d.prepare('SELECT COUNT(DISTINCT rx_number) FROM prescriptions_issued').pluck().get()).toBe(300);
    const perRx = d.prepare("SELECT prescription_id, COUNT(*) AS n FROM prescriptions_issued WHERE symptom_id = 'loneliness' GROUP BY prescription_id").all() as { n: number }[];
    expect(perRx).toHaveLength(6);
    expect(perRx.every((r) => r.n === 25)).toBe(true);
    expect(picker.state('loneliness')).toMatchObject({ cycle: 25 });
    expect(picker.state('loneliness').given).toHaveLength(6);
  });

  it('a damaged cycle row restarts the cycle instead of stopping the pharmacy', () => {
    const d = db();
    const picker = createPrescriptionPicker({ db: d, kioskId: 'gangnam-1', content, random: () => 0 });
    d.prepare("INSERT INTO pharmacy_rx_cycles (kiosk_id, symptom_id, cycle, given, updated_at) VALUES ('gangnam-1', 'loneliness', 3, '{\"x\":1}', 'now')").run();
    expect(picker.pick('loneliness')).toEqual({ symptomId: 'loneliness', prescriptionId: 'loneliness-1', cycle: 3 });
  });
});
