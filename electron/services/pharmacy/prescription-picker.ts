/**
 * Which prescription a visitor gets for a symptom. A kiosk gives every
 * prescription of a symptom once, in random order, before any repeats, so the
 * same visitor tapping the same symptom again reads something new; then a new
 * cycle starts, never with the prescription just given.
 *
 * The cycle lives in SQLite (`pharmacy_rx_cycles`, migration 4), so a restart
 * does not reset it, and each choice is one `BEGIN IMMEDIATE` transaction:
 * the web host and the Electron main process may share the database, and two
 * readers that both saw "A, B given" must not both hand out C.
 */
import { randomInt } from 'node:crypto';
import { KioskError } from '../../contract/errors';
import type { Db } from '../storage/database';
import { ulid } from '../storage/ids';
import { classifySqliteError, StorageError } from '../storage/storage-errors';
import type { PharmacyContent } from './pharmacy-content';

/** Where a symptom is in its cycle. */
export interface CycleState {
  /** 1 for the first pass through the symptom's prescriptions, 2 for the second, ... */
  cycle: number;
  /** Prescription ids given in this cycle, oldest first. */
  given: string[];
  lastGiven: string | null;
}

export const INITIAL_CYCLE: CycleState = { cycle: 1, given: [], lastGiven: null };

/** A number in [0, 1), like Math.random; tests inject a seeded one. */
export type Random = () => number;

/**
 * Pure choice: a prescription not yet given in this cycle, uniformly at
 * random (drawing without replacement is a shuffle, one step at a time).
 * Ids no longer in `ids` (content edited) are forgotten; new ids join the
 * current cycle.
 */
export function choosePrescription(ids: readonly string[], state: CycleState, random: Random): { prescriptionId: string; state: CycleState } {
  if (ids.length === 0) throw new TypeError('a symptom needs at least one prescription');
  const known = new Set(ids);
  let given = state.given.filter((id) => known.has(id));
  let cycle = Math.max(1, state.cycle);
  let candidates = ids.filter((id) => !given.includes(id));
  if (candidates.length === 0) {
    cycle += 1;
    given = [];
    candidates = ids.length > 1 ? ids.filter((id) => id !== state.lastGiven) : [...ids];
  }
  const index = Math.min(candidates.length - 1, Math.max(0, Math.floor(random() * candidates.length)));
  const prescriptionId = candidates[index];
  return { prescriptionId, state: { cycle, given: [...given, prescriptionId], lastGiven: prescriptionId } };
}

/**
 * Rx numbers are printed on the slip and read aloud to staff, so they skip
 * look-alikes: one of each confusable group survives at most
 * (0/O/Q, 1/I/L, 2/Z, 5/S, 8/B, U/V, G/6 all dropped but 6).
 * 21^6 ≈ 86 million numbers; `prescriptions_issued.rx_number` is UNIQUE and
 * `issue` draws again on the rare collision.
 */
export const RX_ALPHABET = 'ACDEFHJKMNPRTWXY34679';
export const RX_NUMBER_PATTERN = /^RX-[ACDEFHJKMNPRTWXY34679]{6}$/;

/** `RX-` and six characters from `RX_ALPHABET`, e.g. `RX-7KMP3A`. `randomIndex(n)` returns an integer in [0, n). */
export function issueRxNumber(randomIndex: (n: number) => number = randomInt): string {
  let s = 'RX-';
  for (let i = 0; i < 6; i++) s += RX_ALPHABET[randomIndex(RX_ALPHABET.length)];
  return s;
}

export class UnknownSymptomError extends KioskError {
  constructor(symptomId: string) {
    super('pharmacy.unknown_symptom', `no such symptom: ${symptomId}`);
    this.name = 'UnknownSymptomError';
  }
}

export interface PrescriptionPick {
  symptomId: string;
  prescriptionId: string;
  /** Which pass through this symptom's list the pick belongs to (1, 2, ...). */
  cycle: number;
}

/** A row of `prescriptions_issued`, as just written. */
export interface IssuedPrescription extends PrescriptionPick {
  /** ULID, the row's key; the flow's events carry it. */
  id: string;
  rxNumber: string;
  kioskId: string;
  /** ISO 8601 time of issue. */
  at: string;
}

export interface PrescriptionPicker {
  /**
   * Chooses the next prescription for a symptom and records it in the cycle. Throws `UnknownSymptomError`.
   * `content`: the version the visit is pinned to (an edited version's ids), else the content given at creation.
   */
  pick(symptomId: string, content?: Pick<PharmacyContent, 'symptoms'>): PrescriptionPick;
  /**
   * Chooses and writes the `prescriptions_issued` row (with a fresh Rx
   * number) in the same transaction, so the cycle and the issued slips never
   * disagree. `print_job_id` and the vend columns stay NULL for the flow to fill.
   */
  issue(symptomId: string, content?: Pick<PharmacyContent, 'symptoms'>): IssuedPrescription;
  /** The stored cycle of a symptom (INITIAL_CYCLE if none yet), for tests and the staff console. */
  state(symptomId: string): CycleState;
}

export interface PrescriptionPickerOptions {
  db: Db;
  kioskId: string;
  /** The loaded content; only symptom and prescription ids are used. */
  content: Pick<PharmacyContent, 'symptoms'>;
  random?: Random;
  /** Random integer in [0, n) for Rx numbers. */
  randomIndex?: (n: number) => number;
  now?: () => Date;
}

interface CycleRow {
  cycle: number;
  given: string;
  last_given: string | null;
}

const RX_ATTEMPTS = 8;

export function createPrescriptionPicker(opts: PrescriptionPickerOptions): PrescriptionPicker {
  const { db, kioskId } = opts;
  const random = opts.random ?? Math.random;
  const now = opts.now ?? (() => new Date());
  const idsOf = (content: Pick<PharmacyContent, 'symptoms'>) => new Map(content.symptoms.map((s) => [s.id, s.prescriptions.map((p) => p.id)]));
  const shippedIds = idsOf(opts.content);

  const selectCycle = db.prepare('SELECT cycle, given, last_given FROM pharmacy_rx_cycles WHERE kiosk_id = ? AND symptom_id = ?');
  const upsertCycle = db.prepare(
    `INSERT INTO pharmacy_rx_cycles (kiosk_id, symptom_id, cycle, given, last_given, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (kiosk_id, symptom_id) DO UPDATE SET
       cycle = excluded.cycle, given = excluded.given, last_given = excluded.last_given, updated_at = excluded.updated_at`,
  );
  const insertIssued = db.prepare(
    'INSERT INTO prescriptions_issued (id, rx_number, kiosk_id, symptom_id, prescription_id, at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const rxTaken = db.prepare('SELECT 1 FROM prescriptions_issued WHERE rx_number = ?');

  function readState(symptomId: string): CycleState {
    const row = selectCycle.get(kioskId, symptomId) as CycleRow | undefined;
    if (!row) return { ...INITIAL_CYCLE, given: [] };
    let given: unknown;
    try {
      given = JSON.parse(row.given);
    } catch {
      given = [];
    }
    // A hand-edited or damaged row restarts the cycle rather than stopping the pharmacy.
    const list = Array.isArray(given) ? given.filter((x): x is string => typeof x === 'string') : [];
    return { cycle: row.cycle, given: list, lastGiven: row.last_given };
  }

  function pickInTransaction(symptomId: string, at: string, content?: Pick<PharmacyContent, 'symptoms'>): PrescriptionPick {
    const ids = (content ? idsOf(content) : shippedIds).get(symptomId);
    if (!ids) throw new UnknownSymptomError(symptomId);
    const next = choosePrescription(ids, readState(symptomId), random);
    upsertCycle.run(kioskId, symptomId, next.state.cycle, JSON.stringify(next.state.given), next.state.lastGiven, at);
    return { symptomId, prescriptionId: next.prescriptionId, cycle: next.state.cycle };
  }

  const pickTx = db.transaction((symptomId: string, content?: Pick<PharmacyContent, 'symptoms'>) => pickInTransaction(symptomId, now().toISOString(), content));

  const issueTx = db.transaction((symptomId: string, content?: Pick<PharmacyContent, 'symptoms'>): IssuedPrescription => {
    const date = now();
    const at = date.toISOString();
    const pick = pickInTransaction(symptomId, at, content);
    for (let attempt = 0; attempt < RX_ATTEMPTS; attempt++) {
      const rxNumber = issueRxNumber(opts.randomIndex);
      if (rxTaken.get(rxNumber)) continue;
      const id = ulid(date.getTime());
      insertIssued.run(id, rxNumber, kioskId, symptomId, pick.prescriptionId, at);
      return { ...pick, id, rxNumber, kioskId, at };
    }
    throw new StorageError('storage.unavailable', `no free Rx number after ${RX_ATTEMPTS} draws`);
  });

  return {
    pick: (symptomId, content) => guarded(() => pickTx.immediate(symptomId, content)),
    issue: (symptomId, content) => guarded(() => issueTx.immediate(symptomId, content)),
    state: (symptomId) => guarded(() => readState(symptomId)),
  };
}

/** SQLite failures become StorageErrors the shell understands; a lock held past busy_timeout is `storage.unavailable`. */
function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof KioskError) throw err;
    const code = (err as { code?: unknown })?.code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new StorageError('storage.unavailable', 'the database is busy', err);
    const classified = classifySqliteError(err);
    throw classified;
  }
}
