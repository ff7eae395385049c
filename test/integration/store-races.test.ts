/**
 * Two kiosks on one venue database: the last snack, the same booking slot
 * and the next queue number, taken from two connections and from two real
 * processes at the same moment. Exactly one wins each; nothing is handed
 * out twice; no number repeats.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../electron/services/app/project-paths';
import { openDatabase, type Db } from '../../electron/services/storage/database';
import { parseConfig } from '../../electron/services/config/load-config';
import { SnackStock } from '../../electron/services/store/snack-stock';
import { Bookings } from '../../electron/services/store/bookings';
import { TalkQueue } from '../../electron/services/store/talk-queue';
import { makeTempDir } from '../support/temp-dir';

const NOW = '2026-11-25T01:00:00.000Z'; // Wednesday 10:00 in Seoul
const store = parseConfig({}).store;

let dir: ReturnType<typeof makeTempDir> | null = null;
const dbs: Db[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill();
  for (const d of dbs.splice(0)) d.close();
  dir?.remove();
  dir = null;
});

function twoConnections() {
  dir = makeTempDir('itda-store-race-');
  const a = openDatabase({ dataDir: dir.path });
  const b = openDatabase({ dataDir: dir.path });
  dbs.push(a, b);
  for (const [db, v] of [[a, 'va'], [b, 'vb']] as const) {
    db.prepare("INSERT INTO store_visits (id, request_id, kiosk_id, day, at, consent) VALUES (?, ?, 'k', '2026-11-25', ?, 0)").run(v, `req-${v}`, NOW);
  }
  return { a, b };
}

describe('two connections on one file', () => {
  it('the last snack: one gets it, the other is told it is out of stock', () => {
    const { a, b } = twoConnections();
    const sa = new SnackStock(a, store);
    const sb = new SnackStock(b, store);
    sa.ensureItems();
    a.prepare("UPDATE store_snack_stock SET stock = 1 WHERE item_id = 'choco-pie'").run();
    expect(sa.take('va', 'choco-pie')).toBe(0);
    expect(() => sb.take('vb', 'choco-pie')).toThrow(expect.objectContaining({ code: 'store.out_of_stock' }));
    expect(sb.list().find((s) => s.itemId === 'choco-pie')!.stock).toBe(0);
    expect(b.prepare('SELECT visit_id FROM store_snacks_taken').pluck().all()).toEqual(['va']);
  });

  it('a snack taken while another connection holds a read transaction is still taken once', () => {
    const { a, b } = twoConnections();
    new SnackStock(a, store).ensureItems();
    a.prepare("UPDATE store_snack_stock SET stock = 1 WHERE item_id = 'choco-pie'").run();
    // B reads "1 left" inside its own transaction, then A takes it; B's conditional UPDATE must not succeed on that stale read.
    b.exec('BEGIN');
    expect(b.prepare("SELECT stock FROM store_snack_stock WHERE item_id = 'choco-pie'").pluck().get()).toBe(1);
    new SnackStock(a, store).take('va', 'choco-pie');
    expect(() => b.prepare("UPDATE store_snack_stock SET stock = stock - 1 WHERE item_id = 'choco-pie' AND stock > 0").run()).toThrow(/SQLITE_BUSY|database is locked/);
    b.exec('ROLLBACK');
    expect(() => new SnackStock(b, store).take('vb', 'choco-pie')).toThrow(expect.objectContaining({ code: 'store.out_of_stock' }));
  });

  it('the same booking slot: one booking, the other is told the slot was taken', () => {
    const { a, b } = twoConnections();
    const ba = new Bookings(a, store.availability, 14);
    const bb = new Bookings(b, store.availability, 14);
    const slot = ba.slots(new Date(NOW))[0]!.start;
    ba.book('va', null, slot, new Date(NOW));
    expect(() => bb.book('vb', null, slot, new Date(NOW))).toThrow(expect.objectContaining({ code: 'store.slot_taken' }));
    expect(bb.slots(new Date(NOW))[0]).toMatchObject({ start: slot, free: false });
  });

  it('queue numbers from two kiosks never repeat in a day', () => {
    const { a, b } = twoConnections();
    const qa = new TalkQueue(a);
    const qb = new TalkQueue(b);
    expect(qa.join('va', 'k1', new Date(NOW)).number).toBe(1);
    expect(qb.join('vb', 'k2', new Date(NOW)).number).toBe(2);
    expect(qb.join('vb', 'k2', new Date(NOW)).number).toBe(2);
  });
});

describe('two processes at the same moment', { timeout: 60_000 }, () => {
  function worker(dataDir: string, kioskId: string, mode: string, count: number) {
    const child = spawn(process.execPath, ['--import', 'tsx', join('test', 'integration', 'store-race-worker.ts'), dataDir, kioskId, mode, String(count), NOW], {
      cwd: projectRoot(),
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    children.push(child);
    let out = '';
    let onReady: () => void;
    const ready = new Promise<void>((r) => (onReady = r));
    const done = new Promise<{ got: (string | number)[]; lost: string[] }>((resolve, reject) => {
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.startsWith('ready\n')) onReady();
      });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.slice('ready\n'.length))) : reject(new Error(`worker exited ${code}`))));
    });
    return { child, ready, done };
  }

  async function race(mode: 'snack' | 'choose' | 'book' | 'queue', count: number, setup?: (db: Db) => void) {
    dir = makeTempDir('itda-store-procs-');
    const db = openDatabase({ dataDir: dir.path });
    new SnackStock(db, store).ensureItems();
    setup?.(db);
    dbs.push(db);
    const ws = [worker(dir.path, 'kiosk-a', mode, count), worker(dir.path, 'kiosk-b', mode, count)];
    await Promise.all(ws.map((w) => w.ready));
    for (const w of ws) w.child.stdin!.write('go\n');
    return { db, results: await Promise.all(ws.map((w) => w.done)) };
  }

  it('30 choco pies, 2 × 40 visitors: exactly 30 given, stock 0, the rest told kindly', async () => {
    const { db, results } = await race('snack', 40, (d) => d.prepare("UPDATE store_snack_stock SET stock = 30 WHERE item_id = 'choco-pie'").run());
    const got = results.flatMap((r) => r.got);
    const lost = results.flatMap((r) => r.lost);
    expect(got).toHaveLength(30);
    expect(lost).toHaveLength(50);
    expect(new Set(lost)).toEqual(new Set(['store.out_of_stock']));
    expect(db.prepare("SELECT stock FROM store_snack_stock WHERE item_id = 'choco-pie'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT COUNT(*) FROM store_snacks_taken WHERE item_id = 'choco-pie'").pluck().get()).toBe(30);
  });

  it('the same through the contract (start, then chooseSnacks): 30 given, the rest told out of stock, never a SQLITE_BUSY', async () => {
    const { db, results } = await race('choose', 40, (d) => d.prepare("UPDATE store_snack_stock SET stock = 30 WHERE item_id = 'choco-pie'").run());
    expect(results.flatMap((r) => r.got)).toHaveLength(30);
    const lost = results.flatMap((r) => r.lost);
    expect(lost).toHaveLength(50);
    expect(new Set(lost)).toEqual(new Set(['store.out_of_stock']));
    expect(db.prepare("SELECT stock FROM store_snack_stock WHERE item_id = 'choco-pie'").pluck().get()).toBe(0);
  });

  it('both kiosks book the same 20 slots in the same order: each slot booked once', async () => {
    const { db, results } = await race('book', 20);
    const got = results.flatMap((r) => r.got);
    expect(got).toHaveLength(20);
    expect(new Set(got).size).toBe(20);
    expect(new Set(results.flatMap((r) => r.lost))).toEqual(new Set(['store.slot_taken']));
    expect(db.prepare("SELECT COUNT(*) FROM store_bookings WHERE state = 'booked'").pluck().get()).toBe(20);
  });

  it('2 × 50 queue joins: numbers 1 to 100, none twice', async () => {
    const { results } = await race('queue', 50);
    const numbers = results.flatMap((r) => r.got as number[]).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });
});
