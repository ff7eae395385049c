/**
 * The programme catalog in SQLite (migration 14): one row per programme, its
 * checked fields as JSON and the fields matching filters on as columns.
 * Nothing is deleted: a retired programme keeps its row, because events and
 * the city roll-up name its id.
 */
import { randomBytes } from 'node:crypto';
import { programSchema, type Program } from '../../contract/connect-api';
import type { Db } from '../storage/database';
import { getSetting, setSetting } from '../storage/database';
import { samplePrograms } from './sample-programs';

export interface StoredProgram {
  program: Program;
  retiredAt: string | null;
  sample: boolean;
  updatedAt: string;
}

interface Row {
  id: string;
  data: string;
  retired_at: string | null;
  sample: number;
  updated_at: string;
}

const SEEDED = 'connect.sample_seeded';

export class ProgramStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The sample catalog, once per database: a venue that replaced or retired it never gets it back. */
  seedSampleOnce(): number {
    if (getSetting(this.db, SEEDED)) return 0;
    return this.db.transaction(() => {
      const at = this.now().toISOString();
      let n = 0;
      for (const p of samplePrograms) {
        const r = this.db
          .prepare(
            'INSERT OR IGNORE INTO connect_programs (id, data, category, district, active_from, active_until, retired_at, sample, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, 1, ?, ?)',
          )
          .run(p.id, JSON.stringify(p), p.category, p.district, p.activeFrom, p.activeUntil, at, at);
        n += r.changes;
      }
      setSetting(this.db, SEEDED, at);
      return n;
    })();
  }

  all(): StoredProgram[] {
    const rows = this.db.prepare('SELECT id, data, retired_at, sample, updated_at FROM connect_programs ORDER BY retired_at IS NOT NULL, category, id').all() as Row[];
    return rows.map(toStored);
  }

  get(id: string): StoredProgram | null {
    const row = this.db.prepare('SELECT id, data, retired_at, sample, updated_at FROM connect_programs WHERE id = ?').get(id) as Row | undefined;
    return row ? toStored(row) : null;
  }

  /** Adds or replaces a programme; `retired` null keeps its current state. A saved sample row is the venue's own from then on. */
  save(p: Program, retired: boolean | null = null): StoredProgram {
    const at = this.now().toISOString();
    this.db
      .prepare(
        `INSERT INTO connect_programs (id, data, category, district, active_from, active_until, retired_at, sample, created_at, updated_at)
         VALUES (@id, @data, @category, @district, @from, @until, @retired, 0, @at, @at)
         ON CONFLICT(id) DO UPDATE SET data = excluded.data, category = excluded.category, district = excluded.district,
           active_from = excluded.active_from, active_until = excluded.active_until, sample = 0, updated_at = excluded.updated_at,
           retired_at = CASE WHEN @keep = 1 THEN connect_programs.retired_at ELSE excluded.retired_at END`,
      )
      .run({
        id: p.id,
        data: JSON.stringify(p),
        category: p.category,
        district: p.district,
        from: p.activeFrom,
        until: p.activeUntil,
        retired: retired ? at : null,
        keep: retired === null ? 1 : 0,
        at,
      });
    return this.get(p.id)!;
  }

  setRetired(id: string, retired: boolean): StoredProgram | null {
    const at = this.now().toISOString();
    const r = this.db
      .prepare(`UPDATE connect_programs SET retired_at = ${retired ? 'COALESCE(retired_at, ?)' : 'NULL'}, updated_at = ? WHERE id = ?`)
      .run(...(retired ? [at, at, id] : [at, id]));
    return r.changes ? this.get(id) : null;
  }

  /** Retires every programme not in `keep`; returns how many. */
  retireAllBut(keep: ReadonlySet<string>): number {
    const at = this.now().toISOString();
    let n = 0;
    for (const { program, retiredAt } of this.all()) {
      if (retiredAt || keep.has(program.id)) continue;
      this.db.prepare('UPDATE connect_programs SET retired_at = ?, updated_at = ? WHERE id = ?').run(at, at, program.id);
      n++;
    }
    return n;
  }

  /** A fresh id for a programme added without one (CSV row, form). */
  newId(): string {
    for (;;) {
      const id = `p-${randomBytes(5).toString('hex')}`;
      if (!this.get(id)) return id;
    }
  }
}

function toStored(r: Row): StoredProgram {
  // Rows are written only through the schema; a hand-edited database that breaks it is caught here.
  const program = programSchema.parse(JSON.parse(r.data));
  return { program, retiredAt: r.retired_at, sample: r.sample === 1, updatedAt: r.updated_at };
}
