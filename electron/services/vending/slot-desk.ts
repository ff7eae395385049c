/**
 * Vending stock as staff see it: the slot table, restock, take a slot out of
 * service and back, item and category editing. Counts and fault states go
 * through the vending service, which also keeps a staff hold (disabled) in
 * `vending_slot_holds` over whatever the cabinet's SLOT_INFO says later.
 */
import type { Db } from '../storage/database';
import type { SlotConfig } from './vending-config';
import type { VendingServiceImpl } from './vending-service';
import { StaffError } from '../staff/staff-errors';

export interface StaffSlot {
  slot: number;
  category: string;
  item: { ko: string; en: string };
  capacity: number;
  count: number;
  state: 'ok' | 'empty' | 'jammed' | 'disabled';
  boardState: 'ok' | 'empty' | 'jammed' | 'disabled' | null;
  inService: boolean;
  held: boolean;
}

export class SlotDesk {
  constructor(
    private readonly db: Db,
    private readonly vending: VendingServiceImpl,
  ) {}

  slots(): StaffSlot[] {
    return this.vending.staffSlots();
  }

  /**
   * Sets the count. A jammed slot also gets CLEAR_FAULTS on the board (staff
   * have just opened it and cleared the spiral), but only when no other slot
   * is jammed: CLEAR_FAULTS clears the whole cabinet, and a spiral nobody has
   * freed would go back into service and jam the next gift. Then the answer
   * names the slots still jammed, for the technician's "clear faults".
   */
  async restock(slot: number, count: number): Promise<{ slots: StaffSlot[]; clearedFaults: boolean; stillJammed: number[] }> {
    const jammed = (s: { state: string; boardState: string | null }) => s.state === 'jammed' || s.boardState === 'jammed';
    const before = this.vending.slots();
    const others = before.filter((s) => s.slot !== slot && jammed(s)).map((s) => s.slot);
    const mine = before.find((s) => s.slot === slot);
    // 100 into an 8-item slot would promise gifts the spiral cannot hold: refused, nothing changes.
    if (mine && count > mine.capacity) throw new StaffError('staff.over_capacity', `slot ${slot} holds at most ${mine.capacity}`, { details: [String(mine.capacity)] });
    this.vending.restock(slot, count);
    let clearedFaults = false;
    if (mine && jammed(mine) && others.length === 0) {
      await this.vending.clearFaults();
      clearedFaults = true;
    }
    const slots = this.slots();
    return { slots, clearedFaults, stillJammed: slots.filter(jammed).map((s) => s.slot) };
  }

  setEnabled(slot: number, enabled: boolean, by: string): StaffSlot[] {
    this.vending.setSlotHeld(slot, !enabled, by);
    return this.slots();
  }

  /** A safety net only: the vending service keeps held slots disabled itself (`VendStore.setHeld`). */
  reapplyHolds(): number {
    return this.db
      .prepare("UPDATE vending_slots SET state = 'disabled', updated_at = ? WHERE slot IN (SELECT slot FROM vending_slot_holds) AND state != 'disabled'")
      .run(new Date().toISOString()).changes;
  }

  /** New item/category/capacity for a configured slot (names and capacity; the count stays). */
  applySlotConfig(slots: SlotConfig[]): void {
    this.vending.applySlotConfig(slots);
  }
}
