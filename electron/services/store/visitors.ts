/**
 * Returning visitors, recognised by a keyed hash of their phone number. The
 * only personal data the store keeps sits in `store_visitors`; erasing a
 * visitor deletes that row, and the foreign keys set every visit, answer
 * and booking that pointed at it to NULL: counts survive, the person does not.
 */
import type { Db } from '../storage/database';
import { ulid } from '../storage/ids';
import type { VisitorCrypto } from './visitor-crypto';
import type { VenueVisitorRecord } from './venue-crypto';
import { queueVenueExpire, queueVenueForget, queueVenuePut, type VenueKeys } from './venue-recognition';

export interface Identified {
  /** Null when the visit goes on unlinked (a nickname that did not match, or a number probed too often). */
  visitorId: string | null;
  returning: boolean;
  lastSelfCheckAt: string | null;
  /** Known here only through the venue: first seen at another kiosk of the venue. */
  fromVenue?: boolean;
}

/** What the venue adds to an identification: this visitor's venue keys, and the record another kiosk shared (if any). */
export interface VenueIdentify {
  keys: VenueKeys;
  recalled: VenueVisitorRecord | null;
}

const DAY_MS = 86_400_000;
/** Tries per phone number in the window: a visitor who mistypes their nickname twice is fine, a probe is not. */
export const IDENTIFY_TRIES_PER_NUMBER = 5;
export const IDENTIFY_WINDOW_MS = 15 * 60_000;

/** A nickname as a person reads it: composed Hangul, no spaces, any case. */
export function normalizeNickname(s: string): string {
  return s.normalize('NFC').replace(/\s+/gu, '').toLocaleLowerCase('ko-KR');
}

export function sameNickname(a: string, b: string): boolean {
  return normalizeNickname(a) === normalizeNickname(b);
}

/** The instant a Seoul day began (a venue record holds days, a visitor row instants). */
const seoulMidnight = (day: string) => new Date(`${day}T00:00:00+09:00`).toISOString();

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
  identify(phone: string, nickname: string, now: Date, venue: VenueIdentify | null = null): Identified {
    const hash = this.crypto.phoneHash(phone);
    const anonymous: Identified = { visitorId: null, returning: false, lastSelfCheckAt: null };
    if (!this.tryNumber(hash, now.getTime())) return anonymous;
    const at = now.toISOString();
    return this.db.transaction((): Identified => {
      const found = this.db.prepare('SELECT id, nickname FROM store_visitors WHERE phone_hash = ?').get(hash) as { id: string; nickname: string } | undefined;
      if (found) {
        if (!sameNickname(found.nickname, nickname)) return anonymous;
        this.db.prepare('UPDATE store_visitors SET last_visit_at = ? WHERE id = ?').run(at, found.id);
        if (venue) this.shareWithVenue(found.id, venue.keys, now);
        return { visitorId: found.id, returning: true, lastSelfCheckAt: this.lastSelfCheck(found.id) };
      }
      const id = ulid(now.getTime());
      // Recognised through the venue: the first visit is the venue's, and the self-check cadence goes on from the last one anywhere.
      const recalled = venue?.recalled ?? null;
      const first = recalled ? seoulMidnight(recalled.firstVisitDay) : at;
      const selfCheck = recalled?.lastSelfCheckDay ? seoulMidnight(recalled.lastSelfCheckDay) : null;
      this.db
        .prepare('INSERT INTO store_visitors (id, nickname, phone_enc, phone_hash, first_visit_at, last_visit_at, venue_self_check_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, nickname, this.crypto.encryptPhone(phone, id), hash, first < at ? first : at, at, selfCheck);
      if (venue) this.shareWithVenue(id, venue.keys, now);
      if (recalled) return { visitorId: id, returning: true, lastSelfCheckAt: selfCheck, fromVenue: true };
      return { visitorId: id, returning: false, lastSelfCheckAt: null };
    }).immediate();
  }

  /** Whether this number is a visitor here, and whether it may be looked up at all now (without counting a try). */
  knownHere(phone: string, now: Date): 'known' | 'unknown' | 'throttled' {
    const hash = this.crypto.phoneHash(phone);
    const entry = this.tries.get(hash);
    if (entry && now.getTime() - entry.since <= IDENTIFY_WINDOW_MS && entry.count >= IDENTIFY_TRIES_PER_NUMBER) return 'throttled';
    return this.db.prepare('SELECT 1 FROM store_visitors WHERE phone_hash = ?').get(hash) ? 'known' : 'unknown';
  }

  /** The row's venue keys (set again: the venue key may be new) and a refreshed record queued for the hub. */
  private shareWithVenue(id: string, keys: VenueKeys, now: Date) {
    this.db.prepare('UPDATE store_visitors SET venue_lookup = ?, venue_erase = ? WHERE id = ?').run(keys.lookup, keys.erase, id);
    queueVenuePut(this.db, id, now);
  }

  /** After a self-check: the venue's record carries its day (for the cadence at other kiosks). */
  selfChecked(visitorId: string, now: Date) {
    queueVenuePut(this.db, visitorId, now);
  }

  private lastSelfCheck(id: string): string | null {
    return this.db
      .prepare('SELECT MAX(x) FROM (SELECT MAX(at) AS x FROM store_self_checks WHERE visitor_id = ? UNION ALL SELECT venue_self_check_at FROM store_visitors WHERE id = ?)')
      .pluck()
      .get(id, id) as string | null;
  }

  private tryNumber(hash: string, t: number): boolean {
    for (const [k, v] of this.tries) if (t - v.since > IDENTIFY_WINDOW_MS) this.tries.delete(k);
    const entry = this.tries.get(hash) ?? { since: t, count: 0 };
    entry.count++;
    this.tries.set(hash, entry);
    return entry.count <= IDENTIFY_TRIES_PER_NUMBER;
  }

  /**
   * Erases the visitor of this phone number now (a visitor's request at the
   * desk). True when there was one here. With a venue key, the venue forgets
   * the number too (every kiosk's copy and the hub's record), whether or not
   * this kiosk knew it: the visitor may have been seen only elsewhere.
   */
  eraseByPhone(phone: string, venueEraseKey: string | null = null, now = new Date()): boolean {
    return this.db.transaction(() => {
      if (venueEraseKey) queueVenueForget(this.db, venueEraseKey, now);
      return this.db.prepare('DELETE FROM store_visitors WHERE phone_hash = ?').run(this.crypto.phoneHash(phone)).changes > 0;
    }).immediate();
  }

  eraseById(visitorId: string): boolean {
    return this.db.prepare('DELETE FROM store_visitors WHERE id = ?').run(visitorId).changes > 0;
  }

  /** Erases everyone whose last visit here is more than `days` ago; returns how many. The venue is told, and keeps a record another kiosk refreshed. */
  purge(now: Date, days: number): number {
    const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
    return this.db.transaction(() => {
      const shared = this.db.prepare('SELECT venue_lookup FROM store_visitors WHERE last_visit_at < ? AND venue_lookup IS NOT NULL').pluck().all(cutoff) as string[];
      for (const lookup of shared) queueVenueExpire(this.db, lookup, now);
      return this.db.prepare('DELETE FROM store_visitors WHERE last_visit_at < ?').run(cutoff).changes;
    }).immediate();
  }

  nickname(visitorId: string): string | null {
    return (this.db.prepare('SELECT nickname FROM store_visitors WHERE id = ?').pluck().get(visitorId) as string | undefined) ?? null;
  }
}
