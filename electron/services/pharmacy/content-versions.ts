/**
 * Mind Pharmacy content as saved versions (`pharmacy_content_versions`,
 * migration 13) and the visits pinned to one (`pharmacy_visit_pins`,
 * migration 16).
 *
 * - The shipped `content.json` is version 1 on a fresh kiosk ("shipped").
 *   A software update that ships new content becomes a new shipped version
 *   while the shipped one is active; it never replaces an admin's edit.
 * - Saving makes a new version and activates it; restoring copies an old
 *   version into a new one (`restored_from`), so nothing is overwritten and
 *   the history reads in order.
 * - The active version is read from the database on every call (the web host
 *   and the Electron main process may share it); parsed content is cached by
 *   version number, which never changes once written.
 */
import type { Db } from '../storage/database';
import { pharmacyContentSchema, type PharmacyContent } from './pharmacy-content';

export const SHIPPED_BY = 'shipped';

export interface ContentVersionInfo {
  version: number;
  createdAt: string;
  /** `shipped`, or the role and PIN id of the admin (`admin:01J…`), never a name. */
  createdBy: string;
  note: string;
  restoredFrom: number | null;
  active: boolean;
}

interface VersionRow {
  version: number;
  content: string;
  created_at: string;
  created_by: string;
  note: string;
  restored_from: number | null;
  active: number;
}

/** Pins older than this are forgotten: a visit lasts minutes, a restart's recovery runs at once. */
const PIN_DAYS = 2;

export class ContentVersions {
  private readonly cache = new Map<number, PharmacyContent>();

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Makes sure a version is active: the shipped file on a fresh kiosk, or a
   * changed shipped file while the shipped content is the one in use.
   */
  seed(shipped: PharmacyContent): number {
    return this.db.transaction(() => {
      const active = this.activeRow();
      if (active && (active.created_by !== SHIPPED_BY || active.content === JSON.stringify(shipped))) return active.version;
      return this.insert(shipped, SHIPPED_BY, active ? 'update' : '', null);
    }).immediate();
  }

  /** The version the next visitor gets, or null before `seed`. */
  activeVersion(): number | null {
    return (this.db.prepare('SELECT version FROM pharmacy_content_versions WHERE active = 1').pluck().get() as number | undefined) ?? null;
  }

  active(): { version: number; content: PharmacyContent } {
    const version = this.activeVersion();
    if (version === null) throw new Error('no pharmacy content version is active (seed was not called)');
    return { version, content: this.get(version)! };
  }

  /** A version's content, or null when there is no such version. */
  get(version: number): PharmacyContent | null {
    const cached = this.cache.get(version);
    if (cached) return cached;
    const raw = this.db.prepare('SELECT content FROM pharmacy_content_versions WHERE version = ?').pluck().get(version) as string | undefined;
    if (raw === undefined) return null;
    // Written only after validation; parsed again so a hand-edited row cannot reach a visitor unchecked.
    const content = pharmacyContentSchema.parse(JSON.parse(raw));
    this.cache.set(version, content);
    return content;
  }

  /** Every version, newest first. */
  list(limit = 50): ContentVersionInfo[] {
    const rows = this.db
      .prepare('SELECT version, created_at, created_by, note, restored_from, active FROM pharmacy_content_versions ORDER BY version DESC LIMIT ?')
      .all(limit) as Omit<VersionRow, 'content'>[];
    return rows.map((r) => ({ version: r.version, createdAt: r.created_at, createdBy: r.created_by, note: r.note, restoredFrom: r.restored_from, active: r.active === 1 }));
  }

  /** Saves checked content as a new, active version. The caller has validated it. */
  save(content: PharmacyContent, by: string, note: string): number {
    return this.db.transaction(() => this.insert(content, by, note, null)).immediate();
  }

  /** Makes a copy of an old version the active one; null when there is no such version. */
  restore(version: number, by: string, note: string): number | null {
    return this.db
      .transaction(() => {
        const raw = this.db.prepare('SELECT content FROM pharmacy_content_versions WHERE version = ?').pluck().get(version) as string | undefined;
        if (raw === undefined) return null;
        return this.insert(JSON.parse(raw) as PharmacyContent, by, note, version);
      })
      .immediate();
  }

  /**
   * The version a visit reads: the one it was pinned to, else the active one,
   * pinned now. The first call of a visit pins it; later calls never move it.
   */
  forVisit(requestId: string): { version: number; content: PharmacyContent } {
    const pinned = this.pinnedVersion(requestId);
    if (pinned !== null) {
      const content = this.get(pinned);
      if (content) return { version: pinned, content };
    }
    const active = this.active();
    this.db
      .prepare('INSERT INTO pharmacy_visit_pins (request_id, version, at) VALUES (?, ?, ?) ON CONFLICT (request_id) DO NOTHING')
      .run(requestId, active.version, this.now().toISOString());
    // Another process may have pinned this visit between the read and the write: its pin wins.
    const won = this.pinnedVersion(requestId) ?? active.version;
    return won === active.version ? active : { version: won, content: this.get(won)! };
  }

  /** The pinned version of a visit, without pinning; null when the visit has none. */
  pinnedVersion(requestId: string): number | null {
    return (this.db.prepare('SELECT version FROM pharmacy_visit_pins WHERE request_id = ?').pluck().get(requestId) as number | undefined) ?? null;
  }

  /** Forgets pins of visits long over. */
  prunePins(): number {
    const before = new Date(this.now().getTime() - PIN_DAYS * 86_400_000).toISOString();
    return this.db.prepare('DELETE FROM pharmacy_visit_pins WHERE at < ?').run(before).changes;
  }

  private activeRow(): VersionRow | undefined {
    return this.db.prepare('SELECT * FROM pharmacy_content_versions WHERE active = 1').get() as VersionRow | undefined;
  }

  private insert(content: PharmacyContent, by: string, note: string, restoredFrom: number | null): number {
    this.db.prepare('UPDATE pharmacy_content_versions SET active = 0 WHERE active = 1').run();
    const r = this.db
      .prepare('INSERT INTO pharmacy_content_versions (content, created_at, created_by, note, restored_from, active) VALUES (?, ?, ?, ?, ?, 1)')
      .run(JSON.stringify(content), this.now().toISOString(), by, note, restoredFrom);
    return Number(r.lastInsertRowid);
  }
}
