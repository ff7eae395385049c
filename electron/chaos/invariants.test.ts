/**
 * The invariant checks on a kiosk database made by the real migrations and
 * hand-written rows: each check holds on a clean run and breaks on the
 * fault it exists for.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../services/storage/database';
import { makeTempDir } from '../../test/support/temp-dir';
import { checkInvariants, INVARIANTS, slipsOf, type InvariantInput } from './invariants';
import type { PaperSlip } from './chaos-rig';

const slip = (seq: number, text: string): PaperSlip => ({ seq, text, bytes: text.length });
const CUT = '--- partial cut ---\n';

describe('slipsOf', () => {
  it('counts whole slips and marked reprints of one number', () => {
    const paper = [slip(1, `마음약방\nRX-AAAAAA\n끝\n${CUT}`), slip(2, `재발행 / REPRINT\nRX-AAAAAA\n${CUT}`), slip(3, `RX-BBBBBB\n${CUT}`)];
    expect(slipsOf(paper, 'RX-AAAAAA')).toEqual({ whole: 1, reprints: 1 });
    expect(slipsOf(paper, 'RX-BBBBBB')).toEqual({ whole: 1, reprints: 0 });
    expect(slipsOf(paper, 'RX-CCCCCC')).toEqual({ whole: 0, reprints: 0 });
  });

  it('does not count a slip cut short, even when the simulator ran it into the next job', () => {
    // A dropped connection: the first slip's start, then the next job, in one piece of paper.
    const paper = [slip(1, `마음약방\nRX-AAAAAA\n마음약방\nRX-BBBBBB\n끝\n${CUT}`), slip(2, 'RX-CCCCCC\n')];
    expect(slipsOf(paper, 'RX-BBBBBB').whole).toBe(1);
    // RX-AAAAAA sits in a cut piece too: the text alone cannot tell; the books then decide (see the check).
    expect(slipsOf(paper, 'RX-CCCCCC')).toEqual({ whole: 0, reprints: 0 });
  });
});

describe('checkInvariants', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;
  let input: InvariantInput;
  const now = new Date().toISOString();
  let seq = 0;
  /** Raw rows, as the append-only log holds them (the checks read types and payloads only). */
  const event = (id: string, type: string, payload: unknown = {}) =>
    db.prepare("INSERT INTO events (id, kiosk_id, at, type, payload, kiosk_seq) VALUES (?, 'k', ?, ?, ?, ?)").run(id, now, type, JSON.stringify(payload), ++seq);

  beforeEach(() => {
    dir = makeTempDir('itda-inv-');
    db = openDatabase({ dataDir: dir.path });
    db.prepare("INSERT INTO vending_slots (slot, category, item_ko, item_en, capacity, count, updated_at) VALUES (1, 'tea', '차', 'Tea', 8, 7, ?)").run(now);
    // One visitor: a prescription, its printed job, its delivered gift, and the events of it all.
    db.prepare(
      "INSERT INTO prescriptions_issued (id, kiosk_id, rx_number, symptom_id, prescription_id, at, request_id, print_job_id, print_state, vend_state) VALUES ('rx1', 'k', 'RX-AAAAAA', 's', 'p', ?, 'req-1', 'job1', 'printed', 'delivered')",
    ).run(now);
    db.prepare("INSERT INTO print_jobs (id, kind, ref, state, mode, document, created_at, updated_at, fail_after) VALUES ('job1', 'prescription', 'rx1', 'printed', 'text', '{}', ?, ?, ?)").run(now, now, now);
    db.prepare("INSERT INTO vend_requests (request_id, category, reason, state, txn, created_at) VALUES ('rx1', 'tea', 'rx', 'delivered', 5, ?)").run(now);
    db.prepare("INSERT INTO vends (txn, kind, slot, reason, state, created_at, request_id) VALUES (5, 'dispense', 1, 'rx', 'delivered', ?, 'rx1')").run(now);
    event('e1', 'pharmacy.prescribed');
    event('e2', 'print.job_queued');
    event('e3', 'print.job_printed');
    event('e4', 'vend.sending');
    event('e5', 'vend.completed', { state: 'delivered' });
    input = {
      dbPath: join(dir.path, 'itda.db'),
      paper: [slip(1, `RX-AAAAAA\n${CUT}`)],
      motorRuns: [{ txn: 5, slot: 1, kind: 'dispense' }],
      visits: [{ requestId: 'req-1', flow: 'pharmacy', errors: [] }],
      cleanStop: true,
    };
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  const broken = () => checkInvariants(input).filter((r) => !r.held).map((r) => r.name);

  it('holds every invariant on a clean visit', () => {
    const all = checkInvariants(input);
    expect(all.map((r) => r.name)).toEqual([...INVARIANTS]);
    expect(broken()).toEqual([]);
  });

  it('breaks when a TXN ran its motor twice', () => {
    input.motorRuns.push({ txn: 5, slot: 1, kind: 'dispense' });
    expect(broken()).toEqual(['motor once per TXN']);
  });

  it('breaks on "printed" in the books with no whole slip on paper, and on two whole slips', () => {
    input.paper = [slip(1, 'RX-AAAAAA\n')];
    expect(broken()).toEqual(['slip once or reprint or staff case', 'no false printed']);
    input.paper = [slip(1, `RX-AAAAAA\n${CUT}`), slip(2, `RX-AAAAAA\n${CUT}`)];
    expect(broken()).toEqual(['slip once or reprint or staff case']);
  });

  it('accepts no slip when staff have an open case for the job', () => {
    // A second visitor whose slip's outcome is unknown (the connection dropped mid-job), the gift owed.
    db.prepare(
      "INSERT INTO prescriptions_issued (id, kiosk_id, rx_number, symptom_id, prescription_id, at, request_id, print_job_id, print_state, vend_state) VALUES ('rx2', 'k', 'RX-BBBBBB', 's', 'p', ?, 'req-2', 'job2', 'unknown', 'no_gift')",
    ).run(now);
    db.prepare("INSERT INTO print_jobs (id, kind, ref, state, mode, document, created_at, updated_at, fail_after) VALUES ('job2', 'prescription', 'rx2', 'unknown', 'text', '{}', ?, ?, ?)").run(now, now, now);
    db.prepare("INSERT INTO staff_alerts (id, kiosk_id, kind, at, detail) VALUES ('a0', 'k', 'gift_owed', ?, ?)").run(now, JSON.stringify({ rxNumber: 'RX-BBBBBB' }));
    event('e6', 'pharmacy.prescribed');
    event('e7', 'print.job_queued');
    expect(broken()).toEqual(['slip once or reprint or staff case']);
    db.prepare("INSERT INTO staff_alerts (id, kiosk_id, kind, at, detail) VALUES ('a1', 'k', 'print_job_unknown', ?, ?)").run(now, JSON.stringify({ jobId: 'job2' }));
    expect(broken()).toEqual([]);
    // An acknowledged alert is no open case.
    db.prepare("UPDATE staff_alerts SET acknowledged_at = ? WHERE id = 'a1'").run(now);
    expect(broken()).toEqual(['slip once or reprint or staff case']);
  });

  it('breaks on a gift neither delivered nor owed, holds once staff are told', () => {
    db.prepare("UPDATE vend_requests SET state = 'jammed'").run();
    expect(broken()).toEqual(['gift delivered or owed']);
    db.prepare("INSERT INTO staff_alerts (id, kiosk_id, kind, at, detail) VALUES ('a2', 'k', 'gift_owed', ?, ?)").run(now, JSON.stringify({ rxNumber: 'RX-AAAAAA' }));
    expect(broken()).toEqual([]);
  });

  it('breaks when stock or events disagree with the tables, on an internal error, and on an unclean stop', () => {
    db.prepare('UPDATE vending_slots SET count = 8').run();
    input.visits[0].errors.push({ method: 'pharmacy.prescribe', code: 'internal' });
    input.cleanStop = false;
    expect(broken()).toEqual(['stock and events agree', 'no internal error', 'clean stop']);
  });
});
