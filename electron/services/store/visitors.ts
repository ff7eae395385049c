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
  /** Null when the visit goes on unlinked (a nickname that did not match, or a number probed too often). */
  visitorId: string | null;
  returning: boolean;
  lastSelfCheckAt: string | null;
}

const DAY_MS = 86_400_000;
/** Tries per phone number in the window: a visitor who mistypes their nickname twice is fine, a probe is not. */
export const IDENTIFY_TRIES_PER_NUMBER = 5;
export const IDENTIFY_WINDOW_MS = 15 * 60_000;

/** Nicknames compare as a person reads them: composed Hangul, no spaces, any case. */
export function sameNickname(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/gu, '').toLocaleLowerCase('ko-KR');
  return norm(a) === norm(b);
}

export class VisitorRegistry {
  /** Tries per phone hash in the current window; memory only (a restart forgets, which errs toward the visitor). */
  private readonly tries = new Map<string, { since: number; count: number }>();

  constructor(
    private readonly db: Db,
    private readonly crypto: VisitorCrypto,
  ) {}

  /**
   * A returning visitor needs both the phone number and the nickname they
   * chose. A number alone says nothing: with another nickname the visit goes
   * on as a first visit, unlinked, and nothing stored changes (before, anyone
   * typing a number learned it was known, and overwrote the nickname and the
   * retention date). An unknown number becomes a new visitor: the caller has
   * checked this visit's consent. Past a few tries per number, every answer
   * is "first visit" and nothing is looked up or written.
   */
  identify(phone: string, nickname: string, now: Date): Identified {
    const hash = this.crypto.phoneHash(phone);
    const anonymous: Identified = { visitorId: null, returning: false, lastSelfCheckAt: null };
    if (!this.tryNumber(hash, now.getTime())) return anonymous;
    const at = now.toISOString();
    return this.db.transaction((): Identified => {
      const found = this.db.prepare('SELECT id, nickname FROM store_visitors WHERE phone_hash = ?').get(hash) as { id: string; nickname: string } | undefined;
      if (found) {
        if (!sameNickname(found.nickname, nickname)) return anonymous;
        this.db.prepare('UPDATE store_visitors SET last_visit_at = ? WHERE id = ?').run(at, found.id);
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

  private tryNumber(hash: string, t: number): boolean {
    for (const [k, v] of this.tries) if (t - v.since > IDENTIFY_WINDOW_MS) this.tries.delete(k);
    const entry = this.tries.get(hash) ?? { since: t, count: 0 };
    entry.count++;
    this.tries.set(hash, entry);
    return entry.count <= IDENTIFY_TRIES_PER_NUMBER;
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
