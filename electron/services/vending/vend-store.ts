/**
 * The vend transaction log and slot stock in SQLite. Several processes (the
 * app, the technician CLI) may write at once, so every change that reads
 * and writes is one transaction (IMMEDIATE where it allocates a TXN), and
 * stock falls with `UPDATE … WHERE count > 0`.
 */
import { randomInt } from 'node:crypto';
import type { Db } from '../storage/database';
import type { SlotState } from './vmc-codes';
import type { SlotConfig } from './vending-config';

export const VEND_STATES = ['sending', 'accepted', 'delivered', 'not_delivered', 'jammed', 'unconfirmed', 'refused', 'unknown', 'passed'] as const;
export type VendState = (typeof VEND_STATES)[number];
export type FinalVendState = Exclude<VendState, 'sending' | 'accepted'>;
export const IN_FLIGHT: readonly VendState[] = ['sending', 'accepted'];

export interface VendRow {
  txn: number;
  kind: 'dispense' | 'motor_test';
  requestId: string | null;
  slot: number;
  reason: string;
  state: VendState;
  attempts: number;
  outcome: number | null;
  errorCode: string | null;
  raw: string | null;
  createdAt: string;
  acceptedAt: string | null;
  finishedAt: string | null;
  resolvedAt: string | null;
  resolution: string | null;
}

export interface SlotRow {
  slot: number;
  category: string;
  item: { ko: string; en: string };
  capacity: number;
  count: number;
  state: SlotState;
  boardState: SlotState | null;
}

export interface RequestRow {
  requestId: string;
  category: string;
  reason: string;
  state: string;
  txn: number | null;
  slot: number | null;
  code: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** RESULT OUTCOME → the vend's final state (4, an unknown TXN, is `unknown`: never delivered or not delivered). */
export function stateForOutcome(outcome: number): FinalVendState | null {
  return ({ 1: 'delivered', 2: 'not_delivered', 3: 'jammed', 4: 'unknown', 5: 'passed', 6: 'unconfirmed' } as const)[outcome as 1] ?? null;
}

const now = () => new Date().toISOString();

/* eslint-disable @typescript-eslint/no-explicit-any */
const toVend = (r: any): VendRow => ({
  txn: r.txn, kind: r.kind, requestId: r.request_id, slot: r.slot, reason: r.reason, state: r.state, attempts: r.attempts,
  outcome: r.outcome, errorCode: r.error_code, raw: r.raw, createdAt: r.created_at, acceptedAt: r.accepted_at,
  finishedAt: r.finished_at, resolvedAt: r.resolved_at, resolution: r.resolution,
});
const toSlot = (r: any): SlotRow => ({
  slot: r.slot, category: r.category, item: { ko: r.item_ko, en: r.item_en }, capacity: r.capacity, count: r.count, state: r.state, boardState: r.board_state,
});
const toRequest = (r: any): RequestRow => ({
  requestId: r.request_id, category: r.category, reason: r.reason, state: r.state, txn: r.txn, slot: r.slot, code: r.code, createdAt: r.created_at, finishedAt: r.finished_at,
});

export class VendStore {
  constructor(private readonly db: Db) {}

  /** Runs `fn` in one transaction: a row and its event land together or not at all (a SIGKILL between them left a vend with no event). */
  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Adds configured slots not seen before (count = capacity) and refreshes names; never touches counts of known slots. */
  seedSlots(slots: SlotConfig[]): void {
    const insert = this.db.prepare(
      `INSERT INTO vending_slots (slot, category, item_ko, item_en, capacity, count, state, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'ok', ?)
       ON CONFLICT(slot) DO UPDATE SET category = excluded.category, item_ko = excluded.item_ko, item_en = excluded.item_en, capacity = excluded.capacity`,
    );
    this.db.transaction(() => {
      for (const s of slots) insert.run(s.slot, s.category, s.item.ko, s.item.en, s.capacity, s.capacity, now());
    })();
  }

  slots(only?: number[]): SlotRow[] {
    const rows = this.db.prepare('SELECT * FROM vending_slots ORDER BY slot').all().map(toSlot);
    return only ? rows.filter((r) => only.includes(r.slot)) : rows;
  }

  slot(n: number): SlotRow | undefined {
    const r = this.db.prepare('SELECT * FROM vending_slots WHERE slot = ?').get(n);
    return r ? toSlot(r) : undefined;
  }

  /** In-service slots with stock for a category, fullest first, as fall-backs in order. */
  candidates(category: string, exclude: number[], only: number[]): SlotRow[] {
    return (this.db.prepare("SELECT * FROM vending_slots WHERE category = ? AND state = 'ok' AND count > 0 ORDER BY count DESC, slot").all(category) as unknown[])
      .map(toSlot)
      .filter((s) => !exclude.includes(s.slot) && only.includes(s.slot));
  }

  /**
   * Takes the next TXN and writes the vend as `sending`, in one IMMEDIATE
   * transaction: two processes never get the same TXN, and the row exists
   * before the first byte of the command goes out.
   */
  beginVend(v: { kind: VendRow['kind']; slot: number; reason: string; requestId: string | null }): VendRow {
    return this.db.transaction(() => {
      this.db.prepare('INSERT OR IGNORE INTO vending_counter (id, last_txn) VALUES (1, ?)').run(randomInt(0, 2 ** 32));
      const last = (this.db.prepare('SELECT last_txn FROM vending_counter WHERE id = 1').get() as { last_txn: number }).last_txn;
      const txn = (last + 1) % 2 ** 32;
      this.db.prepare('UPDATE vending_counter SET last_txn = ? WHERE id = 1').run(txn);
      this.db
        .prepare("INSERT INTO vends (txn, kind, request_id, slot, reason, state, attempts, created_at) VALUES (?, ?, ?, ?, ?, 'sending', 0, ?)")
        .run(txn, v.kind, v.requestId, v.slot, v.reason, now());
      return this.vend(txn)!;
    }).immediate();
  }

  markAccepted(txn: number, attempts: number): void {
    this.db.prepare("UPDATE vends SET state = 'accepted', accepted_at = ?, attempts = ? WHERE txn = ? AND state = 'sending'").run(now(), attempts, txn);
  }

  /**
   * Writes a final state with its effect on the slot, once: a vend already
   * final (another process reconciled it) is left alone and `false` returned.
   * Stock falls only on `delivered`; `not_delivered` and `jammed` take the slot out of service.
   */
  finish(txn: number, state: FinalVendState, f: { outcome?: number | null; errorCode?: string | null; raw?: string | null; attempts?: number }): boolean {
    return this.db.transaction(() => {
      const r = this.db
        .prepare(
          `UPDATE vends SET state = ?, outcome = ?, error_code = ?, raw = ?, attempts = COALESCE(?, attempts), finished_at = ?
           WHERE txn = ? AND state IN ('sending', 'accepted')`,
        )
        .run(state, f.outcome ?? null, f.errorCode ?? null, f.raw ?? null, f.attempts ?? null, now(), txn);
      if (r.changes === 0) return false;
      const v = this.vend(txn)!;
      if (state === 'delivered') {
        this.db.prepare('UPDATE vending_slots SET count = count - 1, updated_at = ? WHERE slot = ? AND count > 0').run(now(), v.slot);
      } else if (state === 'not_delivered' || state === 'jammed') {
        const to = state === 'jammed' ? 'jammed' : 'empty';
        this.db.prepare("UPDATE vending_slots SET state = ?, updated_at = ? WHERE slot = ? AND state != 'disabled'").run(to, now(), v.slot);
      }
      return true;
    })();
  }

  vend(txn: number): VendRow | undefined {
    const r = this.db.prepare('SELECT * FROM vends WHERE txn = ?').get(txn);
    return r ? toVend(r) : undefined;
  }

  inFlight(): VendRow[] {
    return this.db.prepare("SELECT * FROM vends WHERE state IN ('sending', 'accepted') ORDER BY created_at, txn").all().map(toVend);
  }

  /** `unknown` and `unconfirmed` vends staff have not resolved yet. */
  toResolve(): VendRow[] {
    return this.db.prepare("SELECT * FROM vends WHERE state IN ('unknown', 'unconfirmed') AND resolved_at IS NULL ORDER BY created_at").all().map(toVend);
  }

  vendsOfRequest(requestId: string): VendRow[] {
    return this.db.prepare('SELECT * FROM vends WHERE request_id = ? ORDER BY created_at, txn').all(requestId).map(toVend);
  }

  /** Staff say what happened to an unknown/unconfirmed vend; a confirmed delivery lowers the stock then. */
  resolve(txn: number, delivered: boolean): VendRow | undefined {
    return this.db.transaction(() => {
      const r = this.db
        .prepare("UPDATE vends SET resolved_at = ?, resolution = ? WHERE txn = ? AND state IN ('unknown', 'unconfirmed') AND resolved_at IS NULL")
        .run(now(), delivered ? 'delivered' : 'not_delivered', txn);
      if (r.changes && delivered) {
        const v = this.vend(txn)!;
        this.db.prepare('UPDATE vending_slots SET count = count - 1, updated_at = ? WHERE slot = ? AND count > 0').run(now(), v.slot);
      }
      return this.vend(txn);
    })();
  }

  /**
   * Mirrors a SLOT_INFO answer. The board's disabled, jammed and empty win;
   * the board's ok does not put back a slot the host took out of service
   * (a VMC restart sets jammed slots ok, but staff have not acted yet).
   * Returns whether the host state changed.
   */
  setBoardState(slot: number, board: SlotState): boolean {
    return this.db.transaction(() => {
      const cur = this.slot(slot);
      if (!cur) return false;
      let next: SlotState = cur.state;
      // A staff hold wins over anything the board says: the board knows nothing of it.
      if (this.isHeld(slot)) next = 'disabled';
      else if (board !== 'ok') next = board;
      else if (cur.state === 'disabled') next = 'ok';
      this.db.prepare('UPDATE vending_slots SET board_state = ?, state = ?, updated_at = ? WHERE slot = ?').run(board, next, now(), slot);
      return next !== cur.state;
    })();
  }

  /**
   * Staff take a slot out of service (`held`) or put it back. The hold is
   * kept in `vending_slot_holds`, so SLOT_INFO, CLEAR_FAULTS and a restart
   * all leave the slot disabled until staff release it; a release puts back
   * what the board last said (jammed, empty) or the count's state.
   */
  setHeld(slot: number, held: boolean, by: string): SlotRow | undefined {
    this.db.transaction(() => {
      if (held) {
        this.db.prepare('INSERT INTO vending_slot_holds (slot, held_at, held_by) VALUES (?, ?, ?) ON CONFLICT(slot) DO NOTHING').run(slot, now(), by);
        this.db.prepare("UPDATE vending_slots SET state = 'disabled', updated_at = ? WHERE slot = ?").run(now(), slot);
      } else {
        this.db.prepare('DELETE FROM vending_slot_holds WHERE slot = ?').run(slot);
        this.db
          .prepare(
            `UPDATE vending_slots SET state = CASE WHEN board_state IN ('empty', 'jammed', 'disabled') THEN board_state WHEN count = 0 THEN 'empty' ELSE 'ok' END,
             updated_at = ? WHERE slot = ? AND state = 'disabled'`,
          )
          .run(now(), slot);
      }
    }).immediate();
    return this.slot(slot);
  }

  isHeld(slot: number): boolean {
    return this.db.prepare('SELECT 1 FROM vending_slot_holds WHERE slot = ?').get(slot) !== undefined;
  }

  heldSlots(): Set<number> {
    return new Set(this.db.prepare('SELECT slot FROM vending_slot_holds').pluck().all() as number[]);
  }

  /** After CLEAR_FAULTS by staff: jammed and empty slots back in service (disabled stays). */
  clearSlotFaults(): void {
    this.db.prepare("UPDATE vending_slots SET state = 'ok', updated_at = ? WHERE state IN ('jammed', 'empty')").run(now());
  }

  restock(slot: number, count: number): SlotRow | undefined {
    this.db
      .prepare("UPDATE vending_slots SET count = ?, state = CASE WHEN state = 'empty' THEN 'ok' ELSE state END, updated_at = ? WHERE slot = ?")
      .run(count, now(), slot);
    return this.slot(slot);
  }

  request(requestId: string): RequestRow | undefined {
    const r = this.db.prepare('SELECT * FROM vend_requests WHERE request_id = ?').get(requestId);
    return r ? toRequest(r) : undefined;
  }

  /** Creates the request row; false when it already existed (a repeat, maybe from another process). */
  createRequest(requestId: string, category: string, reason: string): boolean {
    return this.db.prepare('INSERT OR IGNORE INTO vend_requests (request_id, category, reason, created_at) VALUES (?, ?, ?, ?)').run(requestId, category, reason, now()).changes === 1;
  }

  finishRequest(requestId: string, r: { state: string; txn: number | null; slot: number | null; code: string | null }): void {
    this.db.prepare('UPDATE vend_requests SET state = ?, txn = ?, slot = ?, code = ?, finished_at = ? WHERE request_id = ?').run(r.state, r.txn, r.slot, r.code, now(), requestId);
  }

  /** Requests left pending by a crash whose vends are now all final. */
  pendingRequests(): RequestRow[] {
    return this.db.prepare("SELECT * FROM vend_requests WHERE state = 'pending' ORDER BY created_at").all().map(toRequest);
  }
}
