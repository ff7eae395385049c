/**
 * Snack stock, shared by every kiosk on the venue's database. Taking one is
 * a single conditional UPDATE (`stock > 0`): SQLite runs writers one at a
 * time, so of two kiosks taking the last item exactly one sees a change.
 */
import { StoreError } from './store-errors';
import { KioskError } from '../../contract/errors';
import type { Db } from '../storage/database';
import { ulid } from '../storage/ids';
import type { StoreConfig } from './store-config';

export interface SnackRow {
  itemId: string;
  name: { ko: string; en: string };
  stock: number;
  lowThreshold: number;
}

export class SnackStock {
  constructor(
    private readonly db: Db,
    private readonly config: StoreConfig,
  ) {}

  /** Gives configured items their initial stock once; a restart or another kiosk keeps the stored counts. */
  ensureItems(now = new Date()): void {
    const ins = this.db.prepare('INSERT OR IGNORE INTO store_snack_stock (item_id, stock, updated_at) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      for (const s of this.config.snacks) ins.run(s.id, s.initialStock, now.toISOString());
    })();
  }

  /** The configured items with their live stock, in config order. */
  list(): SnackRow[] {
    const rows = this.db.prepare('SELECT item_id, stock, low_threshold FROM store_snack_stock').all() as {
      item_id: string;
      stock: number;
      low_threshold: number | null;
    }[];
    const byId = new Map(rows.map((r) => [r.item_id, r]));
    return this.config.snacks.map((s) => ({
      itemId: s.id,
      name: s.name,
      stock: byId.get(s.id)?.stock ?? 0,
      lowThreshold: byId.get(s.id)?.low_threshold ?? this.config.lowStockThreshold,
    }));
  }

  name(itemId: string) {
    return this.config.snacks.find((s) => s.id === itemId)?.name ?? null;
  }

  taken(visitId: string): string[] {
    return this.db.prepare('SELECT item_id FROM store_snacks_taken WHERE visit_id = ? ORDER BY at, id').pluck().all(visitId) as string[];
  }

  /**
   * Takes one of `itemId` for the visit. Throws `store.out_of_stock` when
   * another kiosk took the last one first. Returns the stock left.
   */
  take(visitId: string, itemId: string, now = new Date()): number {
    if (!this.name(itemId)) throw new StoreError('store.unknown_snack', `no snack ${itemId}`);
    return this.db.transaction(() => this.takeIn(visitId, itemId, now))();
  }

  private takeIn(visitId: string, itemId: string, now: Date): number {
    const left = this.db
      .prepare('UPDATE store_snack_stock SET stock = stock - 1, updated_at = ? WHERE item_id = ? AND stock > 0 RETURNING stock')
      .pluck()
      .get(now.toISOString(), itemId) as number | undefined;
    if (left === undefined) throw new StoreError('store.out_of_stock', `${itemId} is out of stock`);
    this.db.prepare('INSERT INTO store_snacks_taken (id, visit_id, item_id, at) VALUES (?, ?, ?, ?)').run(ulid(), visitId, itemId, now.toISOString());
    return left;
  }

  /** Puts the visit's snacks back (the visitor changed their mind). */
  releaseAll(visitId: string, now = new Date()): { itemId: string; left: number }[] {
    const back = this.db.prepare('UPDATE store_snack_stock SET stock = stock + 1, updated_at = ? WHERE item_id = ? RETURNING stock').pluck();
    const released = this.taken(visitId).map((itemId) => ({ itemId, left: back.get(now.toISOString(), itemId) as number }));
    this.db.prepare('DELETE FROM store_snacks_taken WHERE visit_id = ?').run(visitId);
    return released;
  }

  /** Staff: add `add` items (or set the count with `set`). Returns the new stock. */
  restock(itemId: string, change: { add?: number; set?: number }, now = new Date()): number {
    if (!this.name(itemId)) throw new StoreError('store.unknown_snack', `no snack ${itemId}`);
    this.ensureItems(now);
    const sql =
      change.set !== undefined
        ? 'UPDATE store_snack_stock SET stock = ?, updated_at = ? WHERE item_id = ? RETURNING stock'
        : 'UPDATE store_snack_stock SET stock = MAX(0, stock + ?), updated_at = ? WHERE item_id = ? RETURNING stock';
    return this.db.prepare(sql).pluck().get(change.set ?? change.add ?? 0, now.toISOString(), itemId) as number;
  }

  setLowThreshold(itemId: string, threshold: number): void {
    if (!this.name(itemId)) throw new StoreError('store.unknown_snack', `no snack ${itemId}`);
    this.ensureItems();
    this.db.prepare('UPDATE store_snack_stock SET low_threshold = ? WHERE item_id = ?').run(threshold, itemId);
  }
}
