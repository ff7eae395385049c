/**
 * Returning visitors, recognised by a keyed hash of their phone number. The
 * only personal data the store keeps sits in `store_visitors`; erasing a
 * visitor deletes that row, and the foreign keys set every visit, answer
 * and booking that pointed at it to NULL: counts survive, the person does not.
 */
import type { Db } from '../storage/database';
import { ulid } from '../storage/ids';
import type { VisitorCrypto } from './visitor-crypto';

export interface Identified {
  visitorId: string;
  returning: boolean;
  lastSelfCheckAt: string | null;
}

const DAY_MS = 86_400_000;

export class VisitorRegistry {
  constructor(
    private readonly db: Db,
    private readonly crypto: VisitorCrypto,
  ) {}

  /**
   * Finds or creates the visitor of this phone number. The nickname typed
   * now replaces the stored one, and is the one greeted: someone typing
   * another person's number learns nothing about them.
   */
  identify(phone: string, nickname: string, now: Date): Identified {
    const hash = this.crypto.phoneHash(phone);
    const at = now.toISOString();
    return this.db.transaction((): Identified => {
      const found = this.db.prepare('SELECT id FROM store_visitors WHERE phone_hash = ?').get(hash) as { id: string } | undefined;
      if (found) {
        this.db.prepare('UPDATE store_visitors SET nickname = ?, last_visit_at = ? WHERE id = ?').run(nickname, at, found.id);
        const last = this.db
          .prepare('SELECT MAX(at) FROM store_self_checks WHERE visitor_id = ?')
          .pluck()
          .get(found.id) as string | null;
        return { visitorId: found.id, returning: true, lastSelfCheckAt: last };
      }
      const id = ulid(now.getTime());
      this.db
        .prepare('INSERT INTO store_visitors (id, nickname, phone_enc, phone_hash, first_visit_at, last_visit_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, nickname, this.crypto.encryptPhone(phone, id), hash, at, at);
      return { visitorId: id, returning: false, lastSelfCheckAt: null };
    }).immediate();
  }

  /** Erases the visitor of this phone number now (a visitor's request at the desk). True when there was one. */
  eraseByPhone(phone: string): boolean {
    return this.db.prepare('DELETE FROM store_visitors WHERE phone_hash = ?').run(this.crypto.phoneHash(phone)).changes > 0;
  }

  eraseById(visitorId: string): boolean {
    return this.db.prepare('DELETE FROM store_visitors WHERE id = ?').run(visitorId).changes > 0;
  }

  /** Erases everyone whose last visit is more than `days` ago; returns how many. */
  purge(now: Date, days: number): number {
    const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
    return this.db.prepare('DELETE FROM store_visitors WHERE last_visit_at < ?').run(cutoff).changes;
  }

  nickname(visitorId: string): string | null {
    return (this.db.prepare('SELECT nickname FROM store_visitors WHERE id = ?').pluck().get(visitorId) as string | undefined) ?? null;
  }
}
