/**
 * Applies numbered migrations, one transaction each, recorded in
 * `schema_migrations`. Refuses to run when the applied ids are not a prefix
 * of the shipped list: that database was written by another build (newer, or
 * a branch) and guessing would corrupt it.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Migration } from './migrations';
import { StorageError } from './storage-errors';

export function applyMigrations(db: BetterSqlite3.Database, migrations: Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = (db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all() as { id: number; name: string }[]);
  for (let i = 0; i < applied.length; i++) {
    const shipped = migrations[i];
    if (!shipped || shipped.id !== applied[i].id || shipped.name !== applied[i].name) {
      throw new StorageError(
        'storage.migrations_out_of_sync',
        `database has migration ${applied[i].id} (${applied[i].name}) that this build does not ship at position ${i + 1}`,
      );
    }
  }
  const ran: number[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  for (const m of migrations.slice(applied.length)) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.id, m.name, new Date().toISOString());
    })();
    ran.push(m.id);
  }
  return ran;
}
