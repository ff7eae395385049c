/**
 * A kiosk's share of the venue's snack stock (`hub-sync/snack-share.ts`).
 * With a hub, `store_snack_stock.stock` is what this kiosk may hand out on
 * its own, offline included. Units move between kiosks only through two
 * counters that never go back, so a lost or repeated reply moves nothing
 * twice: `applied`, the hub's grants this kiosk has added to its stock, and
 * `released`, the units it gave back to the venue's pool.
 */
export const sql = `
CREATE TABLE hub_snack_ledger (
  item_id  TEXT PRIMARY KEY,
  applied  INTEGER NOT NULL DEFAULT 0,
  released INTEGER NOT NULL DEFAULT 0
);
`;
