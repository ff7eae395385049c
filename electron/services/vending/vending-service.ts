/**
 * The vending service other domains call: gifts by category, idempotent by
 * request id, one vend at a time, reconciliation before any new DISPENSE,
 * status for screens and staff. Built on the driver (`VendingController`),
 * the host state machine (`VendRunner`) and the SQLite log (`VendStore`).
 */
import type { ServiceContext } from '../context';
import { raiseStaffAlert } from '../app/staff-alerts';
import { systemClock, type Clock } from '../devices/device-clock';
import { VendingController } from './vending-controller';
import { VendingMonitor } from './vending-monitor';
import { VendRunner } from './vend-runner';
import { VendStore, type SlotRow, type VendRow } from './vend-store';
import { VendingError } from './vending-errors';
import type { VmcBoard } from './sim/vmc-board';
import { simFaultsSchema, type SimFaults } from './sim/sim-faults';
import type { FrameLogEntry } from './vmc-client';
import type { SlotConfig } from './vending-config';
import type { GiftRequest, VendingService, VendingStatus, VendSummary, VendSummaryState } from './vending-types';

export interface VendingServiceOptions {
  clock?: Clock;
  /** The in-process board for `sim` (tests pass their own). */
  board?: VmcBoard;
  onFrame?: (e: FrameLogEntry) => void;
  /** Poll STATUS in the background (off in the one-shot CLI). */
  monitor?: boolean;
}

type Ctx = Pick<ServiceContext, 'db' | 'config' | 'kioskId' | 'logger' | 'push' | 'record'>;

/** Refusals that concern one slot only: the next slot of the category may still serve. */
const SLOT_REFUSALS = new Set(['vending.slot_unavailable', 'vending.no_such_slot']);

export class VendingServiceImpl implements VendingService {
  readonly controller: VendingController;
  readonly store: VendStore;
  readonly runner: VendRunner;
  readonly monitor: VendingMonitor;
  private readonly clock: Clock;
  private readonly slotNumbers: number[];
  private needsReconcile = true;
  private tail: Promise<unknown> = Promise.resolve();
  private held = 0;
  private ready: Promise<boolean> = Promise.resolve(false);
  private readonly inProgress = new Map<string, Promise<VendSummary>>();

  constructor(
    private readonly ctx: Ctx,
    private readonly opts: VendingServiceOptions = {},
  ) {
    const cfg = ctx.config.vending;
    this.clock = opts.clock ?? systemClock;
    this.slotNumbers = cfg.slots.map((s) => s.slot);
    this.store = new VendStore(ctx.db);
    this.controller = new VendingController({
      uri: cfg.uri,
      clock: this.clock,
      logger: ctx.logger.child('vending'),
      board: opts.board,
      simSlots: Math.max(10, ...this.slotNumbers),
      simVendMs: cfg.sim.vendMs,
      onFrame: opts.onFrame,
    });
    this.runner = new VendRunner({
      store: this.store,
      controller: this.controller,
      clock: this.clock,
      resultPollMs: cfg.resultPollMs,
      record: (t, p) => ctx.record(t, p),
      onFinal: (v) => this.onFinal(v),
    });
    this.monitor = new VendingMonitor({
      controller: this.controller,
      store: this.store,
      clock: this.clock,
      pollMs: cfg.pollMs,
      slots: this.slotNumbers,
      logger: ctx.logger.child('vending'),
      record: (t, p) => ctx.record(t, p),
      alert: (k, d) => raiseStaffAlert(ctx, k, d),
      changed: () => this.pushStatus(),
      needReconcile: () => (this.needsReconcile = true),
      isBusy: () => this.held > 0,
    });
  }

  async start(): Promise<void> {
    this.store.seedSlots(this.ctx.config.vending.slots);
    await this.controller.open(); // PING first
    // Step 7: reconcile vends left in flight before anything else uses the link. In the
    // background, so a silent cabinet does not hold up the kiosk; every vend waits for it.
    this.ready = this.exclusive(() => this.ensureReconciled());
    if (this.opts.monitor !== false) this.monitor.start();
  }

  /** Resolves once the start-up reconciliation ran (true when it could reach the board). */
  whenReady(): Promise<boolean> {
    return this.ready;
  }

  async stop(): Promise<void> {
    this.monitor.stop();
    // Let a running vend reach its final state (bounded by the spec's 15 s window).
    await Promise.race([this.tail, new Promise((r) => setTimeout(r, 16_000).unref())]);
    await this.controller.close();
  }

  /** One vend or maintenance command at a time: the VMC runs one vend, and a TXN's state machine must not interleave. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = async () => {
      this.held++;
      try {
        return await fn();
      } finally {
        this.held--;
      }
    };
    const p = this.tail.then(run, run);
    this.tail = p.catch(() => undefined);
    return p;
  }

  private async ensureReconciled(): Promise<boolean> {
    if (!this.needsReconcile) return true;
    const ok = await this.runner.reconcile(() => (this.needsReconcile = false));
    if (!ok) return false;
    this.finishOrphanRequests();
    await this.monitor.refreshSlots();
    return true;
  }

  vendGift(req: GiftRequest): Promise<VendSummary> {
    // All checks before the first await, so a tap storm with one request id runs one vend.
    const running = this.inProgress.get(req.requestId);
    if (running) return running.then((s) => ({ ...s, repeated: true }));
    const existing = this.store.request(req.requestId);
    if (existing?.state === 'pending') return this.pendingSummary(req.requestId);
    if (existing) return Promise.resolve(this.summaryOf(req.requestId, true));
    if (!this.store.createRequest(req.requestId, req.category, req.reason)) return this.pendingSummary(req.requestId);
    this.ctx.record('vend.requested', { requestId: req.requestId, category: req.category, reason: req.reason });
    const p = this.exclusive(() => this.runGift(req)).finally(() => this.inProgress.delete(req.requestId));
    this.inProgress.set(req.requestId, p);
    return p;
  }

  /** A request left pending (a crashed host): answer once reconciliation has settled its vend; never vend again. */
  private pendingSummary(requestId: string): Promise<VendSummary> {
    return this.exclusive(async () => {
      await this.ensureReconciled();
      return this.summaryOf(requestId, true);
    });
  }

  private async runGift(req: GiftRequest): Promise<VendSummary> {
    const noGift = (code: string) => {
      this.store.finishRequest(req.requestId, { state: 'no_gift', txn: null, slot: null, code });
      this.ctx.record('vend.no_gift', { requestId: req.requestId, category: req.category, code });
      return this.summaryOf(req.requestId, false);
    };
    if (!(await this.ensureReconciled())) return noGift('vending.no_link');
    if (!this.controller.linkUp) {
      try {
        await this.controller.ping();
      } catch {
        return noGift('vending.no_link');
      }
    }
    const tried: number[] = [];
    let last: VendRow | null = null;
    for (;;) {
      const slot = this.store.candidates(req.category, tried, this.slotNumbers)[0];
      if (!slot) break;
      tried.push(slot.slot);
      last = await this.runner.run({ kind: 'dispense', slot: slot.slot, reason: req.reason, requestId: req.requestId });
      await this.monitor.refreshSlot(slot.slot);
      // Fall back only when nothing can have reached the visitor: refused for this slot, or not delivered (sensor saw nothing fall).
      if (last.state === 'refused' && SLOT_REFUSALS.has(last.errorCode ?? '')) continue;
      if (last.state === 'not_delivered') continue;
      break;
    }
    if (!last) return noGift('vending.no_stock');
    this.store.finishRequest(req.requestId, { state: last.state, txn: last.txn, slot: last.slot, code: last.errorCode });
    return this.summaryOf(req.requestId, false);
  }

  /** A request left pending by a crash: its state is that of its last vend, once that is final. */
  private finishOrphanRequests(): void {
    for (const r of this.store.pendingRequests()) {
      if (this.inProgress.has(r.requestId)) continue;
      const vends = this.store.vendsOfRequest(r.requestId);
      const last = vends[vends.length - 1];
      if (!last) this.store.finishRequest(r.requestId, { state: 'no_gift', txn: null, slot: null, code: 'vending.interrupted' });
      else if (last.state !== 'sending' && last.state !== 'accepted') this.store.finishRequest(r.requestId, { state: last.state, txn: last.txn, slot: last.slot, code: last.errorCode });
    }
  }

  private summaryOf(requestId: string, repeated: boolean): VendSummary {
    const r = this.store.request(requestId)!;
    const vends = this.store.vendsOfRequest(requestId);
    const slot = r.slot !== null ? this.store.slot(r.slot) : undefined;
    const pending = r.state === 'pending';
    return {
      requestId,
      txn: r.txn,
      slot: r.slot,
      category: r.category,
      item: slot ? slot.item : null,
      // Another process (or a crash not yet reconciled) holds it: say unknown, never vend again.
      state: (pending ? 'unknown' : r.state) as VendSummaryState,
      code: pending ? 'vending.in_progress' : r.code,
      vends: vends.length,
      repeated,
    };
  }

  giftAvailable(category: string): boolean {
    if (!this.controller.linkUp || this.needsReconcile || this.monitor.faults.length > 0) return false;
    return this.store.candidates(category, [], this.slotNumbers).length > 0;
  }

  status(): VendingStatus {
    const f = this.monitor.flags;
    return {
      link: this.controller.linkUp ? 'up' : 'down',
      uri: this.ctx.config.vending.uri,
      simulator: this.controller.board !== null,
      firmware: this.controller.firmware,
      faults: this.monitor.faults,
      busy: this.held > 0 || (f?.busy ?? false),
      boardSlots: this.monitor.boardSlots,
      checkedAt: this.monitor.checkedAt,
      reconcilePending: this.needsReconcile,
      inFlight: this.store.inFlight().length,
      toResolve: this.store.toResolve().length,
      slots: this.slots(),
    };
  }

  slots(): (SlotRow & { inService: boolean })[] {
    return this.store.slots(this.slotNumbers).map((s) => ({ ...s, inService: s.state === 'ok' && s.count > 0 }));
  }

  /** Staff: one motor cycle with the drop sensor ignored (TXN from the same counter). */
  motorTest(slot: number, reason = 'motor_test'): Promise<VendRow> {
    this.checkSlot(slot);
    return this.exclusive(async () => {
      if (!(await this.ensureReconciled())) throw new VendingError('vending.no_link', 'the cabinet does not answer', { retryable: true });
      const v = await this.runner.run({ kind: 'motor_test', slot, reason, requestId: null });
      await this.monitor.refreshSlot(slot);
      return v;
    });
  }

  /** Technician: one DISPENSE on a named slot, in the same transaction log (the CLI's `dispense`). */
  dispenseSlot(slot: number, reason = 'technician'): Promise<VendRow> {
    this.checkSlot(slot);
    return this.exclusive(async () => {
      if (!(await this.ensureReconciled())) throw new VendingError('vending.no_link', 'the cabinet does not answer', { retryable: true });
      const v = await this.runner.run({ kind: 'dispense', slot, reason, requestId: null });
      await this.monitor.refreshSlot(slot);
      return v;
    });
  }

  /** Staff: CLEAR_FAULTS, and jammed/empty slots back in service. */
  clearFaults(): Promise<VendingStatus> {
    return this.exclusive(async () => {
      const s = await this.controller.clearFaults();
      this.store.clearSlotFaults();
      this.ctx.record('vending.faults_cleared', { flags: this.monitor.faults });
      this.monitor.markSlotsDirty();
      await this.monitor.refreshSlots();
      if (s.flags.reset) this.needsReconcile = true;
      this.pushStatus();
      return this.status();
    });
  }

  restock(slot: number, count: number): SlotRow {
    this.checkSlot(slot);
    const row = this.store.restock(slot, count)!;
    this.ctx.record('vending.restocked', { slot, count });
    this.pushStatus();
    return row;
  }

  /** Staff: a slot out of service (or back), whatever the cabinet's SLOT_INFO says later (see `VendStore.setHeld`). */
  setSlotHeld(slot: number, held: boolean, by: string): SlotRow {
    this.checkSlot(slot);
    const row = this.store.setHeld(slot, held, by)!;
    this.ctx.record('vending.slot_changed', { slot, state: row.state, boardState: row.boardState ?? 'unread' });
    this.pushStatus();
    return row;
  }

  /** The slot table as staff see it: each slot with whether staff hold it out of service. */
  staffSlots(): (SlotRow & { inService: boolean; held: boolean })[] {
    const held = this.store.heldSlots();
    return this.slots().map((s) => ({ ...s, held: held.has(s.slot) }));
  }

  /** New item, category or capacity for configured slots (staff edited the config); counts stay. */
  applySlotConfig(slots: SlotConfig[]): void {
    this.store.seedSlots(slots);
  }

  toResolve(): VendRow[] {
    return this.store.toResolve();
  }

  resolveVend(txn: number, delivered: boolean): VendRow {
    const v = this.store.resolve(txn, delivered);
    if (!v || v.resolution === null) throw new VendingError('vending.not_in_flight', `TXN ${txn} is not an unknown or unconfirmed vend to resolve`);
    this.ctx.record('vend.resolved', { txn, slot: v.slot, delivered });
    this.pushStatus();
    return v;
  }

  /** Faults for the in-process simulator (maintenance screens, tests). */
  simFaults(patch: SimFaults): SimFaults {
    const board = this.controller.board;
    if (!board) throw new VendingError('vending.not_simulator', 'faults can be injected only when vending.uri is "sim"');
    board.applyFaults(simFaultsSchema.parse(patch));
    this.ctx.record('vending.sim_faults', { keys: Object.keys(patch) });
    return board.faults;
  }

  private checkSlot(slot: number): void {
    if (!this.slotNumbers.includes(slot)) throw new VendingError('vending.no_such_slot', `slot ${slot} is not configured`);
  }

  private onFinal(v: VendRow): void {
    const base = { txn: v.txn, slot: v.slot, kind: v.kind };
    if (v.state === 'delivered' || v.state === 'passed') {
      this.ctx.record('vend.completed', { ...base, state: v.state, outcome: v.outcome ?? 0 });
      const s = this.store.slot(v.slot);
      if (v.state === 'delivered' && s && s.count <= 1) raiseStaffAlert(this.ctx, 'low_stock', { slot: v.slot, count: s.count });
    } else {
      this.ctx.record('vend.failed', { ...base, state: v.state, outcome: v.outcome, code: v.errorCode });
      if (v.state === 'jammed') raiseStaffAlert(this.ctx, 'vending_fault', { slot: v.slot, code: 'vending.jammed', txn: v.txn });
      if (v.state === 'not_delivered') raiseStaffAlert(this.ctx, 'vending_fault', { slot: v.slot, code: 'vending.slot_empty', txn: v.txn });
      if (v.state === 'unknown' || v.state === 'unconfirmed') raiseStaffAlert(this.ctx, 'vend_to_resolve', { txn: v.txn, slot: v.slot, state: v.state });
    }
    this.ctx.logger.info('vend final', { txn: v.txn, slot: v.slot, kind: v.kind, state: v.state, code: v.errorCode });
    this.pushStatus();
  }

  private pushStatus(): void {
    try {
      this.ctx.push({ name: 'device.status', payload: { device: 'vending', status: this.status() as unknown as Record<string, unknown> } });
    } catch (err) {
      this.ctx.logger.warn('cannot push vending status', { err });
    }
  }
}
