/**
 * Opens `<dataDir>/itda.db`: WAL, synchronous=FULL (stock and vends are
 * money-like), integrity check, migrations. Every failure becomes a
 * `StorageError` with a code the shell turns into the out-of-service screen;
 * nothing already written is touched.
 */
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { closeSync, openSync } from 'node:fs';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './data-modes';
import { join } from 'node:path';
import { migrations as shippedMigrations, type Migration } from './migrations';
import { applyMigrations } from './migrate';
import { classifySqliteError, StorageError } from './storage-errors';

export type Db = BetterSqlite3.Database;

export interface OpenDatabaseOptions {
  dataDir: string;
  /** Path to a better-sqlite3 build for the running runtime (Electron's differs from Node's). */
  nativeBinding?: string;
  /** For tests: an in-memory database. */
  memory?: boolean;
  migrations?: Migration[];
}

export const DB_FILE = 'itda.db';

export function openDatabase(opts: OpenDatabaseOptions): Db {
  let db: Db;
  try {
    const file = opts.memory ? ':memory:' : join(opts.dataDir, DB_FILE);
    if (!opts.memory) {
      ensurePrivateDir(opts.dataDir);
      // Created 0600 before SQLite opens it: SQLite gives the WAL and SHM the database file's mode.
      closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
    }
    db = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  } catch (err) {
    throw asStorageError(err, 'storage.unwritable', 'cannot open the database');
  }
  try {
    db.pragma('busy_timeout = 5000');
    if (!opts.memory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    const check = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    const problems = check.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length > 0) {
      throw new StorageError('storage.corrupt', `integrity check failed: ${problems.slice(0, 3).join('; ')}`);
    }
    applyMigrations(db, opts.migrations ?? shippedMigrations);
    return db;
  } catch (err) {
    try {
      db.close();
    } catch {
      // Closing a half-open handle can fail too; the original error is what matters.
    }
    throw asStorageError(err, 'storage.corrupt', 'cannot prepare the database');
  }
}

function asStorageError(err: unknown, fallback: 'storage.corrupt' | 'storage.unwritable', what: string): StorageError {
  if (err instanceof StorageError) return err;
  const classified = classifySqliteError(err);
  if (classified instanceof StorageError) return classified;
  const message = err instanceof Error ? err.message : String(err);
  return new StorageError(fallback, `${what}: ${message}`, err);
}

/** A durable key/value setting (kiosk id, counters' seeds). */
export function getSetting(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

/** Sets a setting only if it has none yet; returns the stored value (another kiosk process may have won). */
export function ensureSetting(db: Db, key: string, make: () => string): string {
  db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(key, make());
  return getSetting(db, key)!;
}

export function setSetting(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
