/**
 * This kiosk's side of the venue's snack shares (the hub's `snack-shares.ts`):
 * its `store_snack_stock.stock` is its share, handed out on its own whatever
 * the network does. The ledger (migration 17) holds the two counters that
 * move units: grants applied, units released. Applying a reply is one SQLite
 * transaction, so a crash leaves the stock and its counter both changed or
 * neither.
 */
import type { Db } from '../storage/database';

export interface SnackLedgerRow {
  itemId: string;
  stock: number;
  low: boolean;
  applied: number;
  released: number;
}

/** The stock and counters the heartbeat reports, per item. */
export function readSnackLedger(db: Db): SnackLedgerRow[] {
  const rows = db
    .prepare(
      `SELECT s.item_id, s.stock, s.low_threshold, COALESCE(l.applied, 0) AS applied, COALESCE(l.released, 0) AS released
       FROM store_snack_stock s LEFT JOIN hub_snack_ledger l ON l.item_id = s.item_id ORDER BY s.item_id LIMIT 50`,
    )
    .all() as { item_id: string; stock: number; low_threshold: number | null; applied: number; released: number }[];
  return rows.map((r) => ({
    itemId: r.item_id.slice(0, 64),
    stock: r.stock,
    low: r.low_threshold !== null && r.stock <= r.low_threshold,
    applied: r.applied,
    released: r.released,
  }));
}

/** Applies the hub's reply: grants not applied yet are added; a release gives back what the kiosk still has. Returns what changed. */
export function applySnackReply(db: Db, reply: { itemId: string; granted: number; release: number }[], now = new Date()): { itemId: string; added: number; released: number }[] {
  const changes: { itemId: string; added: number; released: number }[] = [];
  db.transaction(() => {
    for (const r of reply) {
      const stock = db.prepare('SELECT stock FROM store_snack_stock WHERE item_id = ?').pluck().get(r.itemId) as number | undefined;
      if (stock === undefined) continue;
      db.prepare('INSERT OR IGNORE INTO hub_snack_ledger (item_id) VALUES (?)').run(r.itemId);
      const l = db.prepare('SELECT applied, released FROM hub_snack_ledger WHERE item_id = ?').get(r.itemId) as { applied: number; released: number };
      const added = Math.max(0, Math.floor(r.granted) - l.applied);
      const back = Math.max(0, Math.min(Math.floor(r.release), stock + added));
      if (added === 0 && back === 0) continue;
      db.prepare('UPDATE store_snack_stock SET stock = stock + ? - ?, updated_at = ? WHERE item_id = ?').run(added, back, now.toISOString(), r.itemId);
      db.prepare('UPDATE hub_snack_ledger SET applied = applied + ?, released = released + ? WHERE item_id = ?').run(added, back, r.itemId);
      changes.push({ itemId: r.itemId, added, released: back });
    }
  }).immediate();
  return changes;
}
