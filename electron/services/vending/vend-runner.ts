/**
 * The host state machine for one vend (protocol v1.1), step by step:
 *   1. next TXN, persisted as `sending` before the first byte;
 *   2. DISPENSE; ERROR → `refused` (nothing ran);
 *   3. ACCEPTED → `accepted`;
 *   4. RESULT every `resultPollMs` (200–500 ms) for up to 15 s after ACCEPTED;
 *   5. a final outcome is persisted (4 → `unknown`);
 *   6. link down in 2–4, or no final outcome in 15 s → `unknown`;
 *   7. after a restart or a reset flag: RESULT for every vend in flight (`reconcile`).
 * Nothing here ever resends a DISPENSE with a new TXN: only the client's
 * identical resends (same SEQ, same TXN) go out, which the VMC never runs twice.
 */
import type { Clock } from '../devices/device-clock';
import { VmcLinkDownError } from './vmc-client';
import { Outcome } from './vmc-codes';
import type { VendingController } from './vending-controller';
import { stateForOutcome, type FinalVendState, type VendRow, type VendStore } from './vend-store';

/** Step 4's bound, counted from ACCEPTED. */
export const RESULT_WINDOW_MS = 15_000;

export interface VendRunnerDeps {
  store: VendStore;
  controller: VendingController;
  clock: Clock;
  resultPollMs: number;
  record(type: string, payload: unknown): void;
  /** After any final state was persisted (events, alerts, slot refresh). */
  onFinal(vend: VendRow): void;
}

export class VendRunner {
  constructor(private readonly d: VendRunnerDeps) {}

  private sleep(ms: number): Promise<void> {
    return new Promise((r) => this.d.clock.setTimeout(r, ms));
  }

  /** Runs one DISPENSE or MOTOR_TEST to its final state and returns the stored row. */
  async run(v: { kind: VendRow['kind']; slot: number; reason: string; requestId: string | null }): Promise<VendRow> {
    const { store, controller } = this.d;
    // Step 1: the row and its event, persisted together before the first byte.
    const row = store.atomically(() => {
      const r = store.beginVend(v);
      this.d.record('vend.sending', { txn: r.txn, slot: r.slot, kind: r.kind, requestId: r.requestId });
      return r;
    });
    let ack;
    try {
      ack = await controller.vend(row.txn, row.slot, v.kind === 'motor_test');
    } catch (err) {
      // Not one byte out: nothing can have run. Otherwise the board may have run it: unknown (step 6).
      const sent = !(err instanceof VmcLinkDownError) || err.sent;
      return this.finish(row.txn, sent ? 'unknown' : 'refused', { errorCode: 'vending.no_link', raw: String((err as Error).message).slice(0, 200) });
    }
    if (!ack.accepted) {
      return this.finish(row.txn, 'refused', { errorCode: ack.code, raw: `ERROR ${ack.errorByte}`, attempts: ack.sends });
    }
    store.atomically(() => {
      store.markAccepted(row.txn, ack.sends);
      this.d.record('vend.accepted', { txn: row.txn, slot: row.slot, kind: row.kind, sends: ack.sends });
    });
    return this.pollToFinal(row.txn, this.d.clock.now() + RESULT_WINDOW_MS, false);
  }

  /**
   * Step 7: PING, STATUS, then RESULT for every vend in flight. Returns false
   * (and leaves them in flight) when the board does not answer PING/STATUS:
   * no DISPENSE may go out until this succeeds.
   */
  async reconcile(linkChecked: () => void = () => {}): Promise<boolean> {
    const { store, controller } = this.d;
    try {
      await controller.ping();
      await controller.status();
    } catch {
      return false;
    }
    // A reset flag in that STATUS is covered by the RESULTs below.
    linkChecked();
    for (const v of store.inFlight()) {
      this.d.record('vend.reconciling', { txn: v.txn, slot: v.slot, from: v.state as 'sending' | 'accepted' });
      await this.pollToFinal(v.txn, this.d.clock.now() + RESULT_WINDOW_MS, true);
    }
    return true;
  }

  private async pollToFinal(txn: number, deadline: number, askFirst: boolean): Promise<VendRow> {
    let first = askFirst;
    for (;;) {
      if (!first) await this.sleep(this.d.resultPollMs);
      first = false;
      let outcome: number;
      try {
        outcome = await this.d.controller.result(txn);
      } catch (err) {
        if (err instanceof VmcLinkDownError) return this.finish(txn, 'unknown', { errorCode: 'vending.no_link', raw: 'link down while polling RESULT' });
        outcome = Outcome.RUNNING; // an ERROR reply to RESULT did nothing; ask again
      }
      if (outcome !== Outcome.RUNNING) {
        const state = stateForOutcome(outcome) ?? 'unknown';
        return this.finish(txn, state, { outcome, raw: `RESULT ${outcome}`, errorCode: outcome === Outcome.UNKNOWN_TXN ? 'vending.txn_unknown' : null });
      }
      if (this.d.clock.now() >= deadline) return this.finish(txn, 'unknown', { errorCode: 'vending.timeout', raw: 'no final outcome in 15 s' });
    }
  }

  private finish(txn: number, state: FinalVendState, f: { outcome?: number | null; errorCode?: string | null; raw?: string | null; attempts?: number }): VendRow {
    // The final state (and the stock it takes), its event and its staff alert land together: a SIGKILL
    // between them left a delivered vend with no vend.completed (chaos seed 7014, when the kill fell there).
    return this.d.store.atomically(() => {
      const changed = this.d.store.finish(txn, state, f);
      const row = this.d.store.vend(txn)!;
      if (changed) this.d.onFinal(row);
      return row;
    });
  }
}
