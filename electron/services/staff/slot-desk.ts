/**
 * Vending stock as staff see it: the slot table, restock, take a slot out of
 * service and back, item and category editing. Counts and fault states go
 * through the vending service; a staff hold (disabled) is kept in
 * `vending_slot_holds` and put back whenever the cabinet's SLOT_INFO would
 * return the slot to service (the board knows nothing of a staff hold).
 */
import type { Db } from '../storage/database';
import type { SlotConfig } from '../vending/vending-config';
import type { VendingServiceImpl } from '../vending/vending-service';

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
    const held = new Set(this.db.prepare('SELECT slot FROM vending_slot_holds').pluck().all() as number[]);
    return this.vending.slots().map((s) => ({ ...s, held: held.has(s.slot) }));
  }

  /** Sets the count; a jammed slot also gets CLEAR_FAULTS on the board (staff have just opened it and cleared the spiral). */
  async restock(slot: number, count: number): Promise<StaffSlot[]> {
    const before = this.vending.slots().find((s) => s.slot === slot);
    this.vending.restock(slot, count);
    if (before?.state === 'jammed' || before?.boardState === 'jammed') {
      await this.vending.clearFaults();
    }
    this.reapplyHolds();
    return this.slots();
  }

  setEnabled(slot: number, enabled: boolean, by: string): StaffSlot[] {
    this.vending.slots(); // validates nothing, but keeps the table seeded order
    this.db.transaction(() => {
      if (enabled) {
        this.db.prepare('DELETE FROM vending_slot_holds WHERE slot = ?').run(slot);
        this.db
          .prepare(
            `UPDATE vending_slots SET state = CASE WHEN board_state IN ('empty', 'jammed', 'disabled') THEN board_state WHEN count = 0 THEN 'empty' ELSE 'ok' END,
             updated_at = ? WHERE slot = ? AND state = 'disabled'`,
          )
          .run(new Date().toISOString(), slot);
      } else {
        this.db.prepare('INSERT INTO vending_slot_holds (slot, held_at, held_by) VALUES (?, ?, ?) ON CONFLICT(slot) DO NOTHING').run(slot, new Date().toISOString(), by);
        this.reapplyHolds();
      }
    })();
    return this.slots();
  }

  /** Puts every held slot back to disabled; cheap, called after anything that may have re-enabled one. */
  reapplyHolds(): number {
    return this.db
      .prepare("UPDATE vending_slots SET state = 'disabled', updated_at = ? WHERE slot IN (SELECT slot FROM vending_slot_holds) AND state != 'disabled'")
      .run(new Date().toISOString()).changes;
  }

  /** New item/category/capacity for a configured slot (names and capacity; the count stays). */
  applySlotConfig(slots: SlotConfig[]): void {
    this.vending.store.seedSlots(slots);
  }
}
