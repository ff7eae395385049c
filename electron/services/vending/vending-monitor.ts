/**
 * Watches the cabinet while idle: STATUS every `pollMs`, SLOT_INFO for every
 * configured slot when something changed (first contact, link back, reset
 * flag, after a vend or CLEAR_FAULTS). Flag changes become typed events and
 * staff alerts; the reset flag and a regained link ask the service to
 * reconcile vends in flight before its next DISPENSE.
 */
import type { StaffAlertKind } from '../app/staff-alerts';
import type { Logger } from '../app/logger';
import type { Clock } from '../devices/device-clock';
import type { VmcFlags } from './vmc-codes';
import type { VendingController, VmcStatus } from './vending-controller';
import type { VendingFaultName } from './vending-events';
import type { VendStore } from './vend-store';

export interface MonitorDeps {
  controller: VendingController;
  store: VendStore;
  clock: Clock;
  pollMs: number;
  /** Configured slot numbers. */
  slots: number[];
  logger: Logger;
  record(type: string, payload: unknown): void;
  alert(kind: StaffAlertKind, detail: Record<string, string | number | boolean | null>): void;
  /** Something a screen shows changed. */
  changed(): void;
  /** The board restarted or the link came back: reconcile before the next DISPENSE. */
  needReconcile(): void;
  /** A vend or maintenance command holds the link; skip this poll. */
  isBusy(): boolean;
}

const FAULTS: [VendingFaultName, keyof VmcFlags][] = [
  ['door_open', 'doorOpen'],
  ['motor_bus_fault', 'motorBusFault'],
  ['drop_sensor_fault', 'dropSensorFault'],
];

export class VendingMonitor {
  flags: VmcFlags | null = null;
  boardSlots: number | null = null;
  checkedAt: string | null = null;
  private slotsDirty = true;
  private timer: unknown = null;
  private running = false;

  constructor(private readonly d: MonitorDeps) {
    d.controller.onStatus((s) => this.onStatus(s));
    d.controller.onLink((up) => this.onLink(up));
  }

  /** Active faults in words, for status and the staff screen. */
  get faults(): VendingFaultName[] {
    const f = this.flags;
    return f ? FAULTS.filter(([, k]) => f[k]).map(([n]) => n) : [];
  }

  start(): void {
    this.running = true;
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    if (this.timer) this.d.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  markSlotsDirty(): void {
    this.slotsDirty = true;
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    this.timer = this.d.clock.setTimeout(() => {
      this.timer = null;
      void this.tick().finally(() => this.schedule(this.d.pollMs));
    }, ms);
  }

  private async tick(): Promise<void> {
    if (this.d.isBusy()) return;
    try {
      await this.d.controller.status();
      if (this.slotsDirty) await this.refreshSlots();
    } catch (err) {
      this.d.logger.debug('vending poll failed', { err });
    }
  }

  /** SLOT_INFO for every configured slot; a slot the board does not have counts as disabled. */
  async refreshSlots(): Promise<void> {
    this.slotsDirty = false;
    for (const slot of this.d.slots) await this.refreshSlot(slot);
  }

  async refreshSlot(slot: number): Promise<void> {
    try {
      const board = this.boardSlots !== null && slot > this.boardSlots ? 'disabled' : await this.d.controller.slotInfo(slot);
      const before = this.d.store.slot(slot);
      if (this.d.store.setBoardState(slot, board) || before?.boardState !== board) {
        const after = this.d.store.slot(slot)!;
        this.d.record('vending.slot_changed', { slot, state: after.state, boardState: board });
        this.d.changed();
      }
    } catch (err) {
      this.slotsDirty = true;
      this.d.logger.debug('SLOT_INFO failed', { slot, err });
    }
  }

  private onStatus(s: VmcStatus): void {
    const prev = this.flags;
    this.flags = s.flags;
    this.boardSlots = s.slots;
    this.checkedAt = new Date().toISOString();
    let changed = prev === null;
    for (const [name, key] of FAULTS) {
      const was = prev?.[key] ?? false;
      if (s.flags[key] === was) continue;
      changed = true;
      this.d.record('vending.fault', { fault: name, active: s.flags[key] });
      if (s.flags[key]) this.d.alert('vending_fault', { code: `vending.${name}` });
    }
    if (prev && prev.busy !== s.flags.busy) changed = true;
    if (s.flags.reset) {
      this.d.record('vending.reset_seen', { inFlight: this.d.store.inFlight().length });
      this.slotsDirty = true;
      this.d.needReconcile();
    }
    if (changed) this.d.changed();
  }

  private onLink(up: boolean): void {
    this.d.record('vending.link_changed', { up });
    if (up) {
      this.slotsDirty = true;
      this.d.needReconcile();
    } else {
      this.d.alert('vending_fault', { code: 'vending.no_link' });
    }
    this.d.changed();
  }
}
