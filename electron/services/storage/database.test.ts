import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, ensureSetting } from './database';
import { applyMigrations } from './migrate';
import { migrations } from './migrations';
import { StorageError } from './storage-errors';
import { makeTempDir } from '../../../test/support/temp-dir';

let dirs: { remove(): void }[] = [];
afterEach(() => {
  dirs.forEach((d) => d.remove());
  dirs = [];
});
function tmp() {
  const d = makeTempDir();
  dirs.push(d);
  return d.path;
}

describe('openDatabase', () => {
  it('creates itda.db in WAL mode with synchronous=FULL and every shipped migration applied', () => {
    const dir = tmp();
    const db = openDatabase({ dataDir: dir });
    expect(existsSync(join(dir, 'itda.db'))).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    const ids = db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all();
    expect(ids).toEqual(migrations.map((m) => m.id));
    db.close();
  });

  it('applies nothing twice on reopen and keeps what was written', () => {
    const dir = tmp();
    let db = openDatabase({ dataDir: dir });
    ensureSetting(db, 'kiosk_id', () => 'kiosk-a');
    db.close();
    db = openDatabase({ dataDir: dir });
    expect(ensureSetting(db, 'kiosk_id', () => 'kiosk-b')).toBe('kiosk-a');
    expect(db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(migrations.length);
    db.close();
  });

  it('refuses a database whose applied migrations are not a prefix of the shipped list', () => {
    const dir = tmp();
    const db = openDatabase({ dataDir: dir });
    db.prepare("INSERT INTO schema_migrations (id, name, applied_at) VALUES (999, 'from-the-future', 'x')").run();
    db.close();
    expect(() => openDatabase({ dataDir: dir })).toThrowError(expect.objectContaining({ code: 'storage.migrations_out_of_sync' }));
  });

  it('rolls a failing migration back whole and records nothing of it', () => {
    const dir = tmp();
    const db = openDatabase({ dataDir: dir, migrations: migrations.slice(0, 1) });
    const broken = [...migrations.slice(0, 1), { id: 2, name: 'broken', sql: 'CREATE TABLE half (a); SELECT * FROM no_such_table;' }];
    expect(() => applyMigrations(db, broken)).toThrow(/no_such_table/);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(1);
    db.close();
  });

  it('reports a file that is not a database as corrupt, without overwriting it', () => {
    const dir = tmp();
    const garbage = 'this is not sqlite '.repeat(500);
    writeFileSync(join(dir, 'itda.db'), garbage);
    let caught: unknown;
    try {
      openDatabase({ dataDir: dir });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StorageError);
    expect((caught as StorageError).code).toBe('storage.corrupt');
    expect(readFileSync(join(dir, 'itda.db'), 'utf8')).toBe(garbage);
  });

  it('reports a data folder that cannot be created as unwritable', () => {
    // Root (CI) can write anywhere, so use a path under a regular file: no one can create that folder.
    const blocker = join(tmp(), 'a-file');
    writeFileSync(blocker, 'x');
    expect(() => openDatabase({ dataDir: join(blocker, 'data') })).toThrowError(expect.objectContaining({ code: 'storage.unwritable' }));
  });
});
