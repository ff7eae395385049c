/**
 * Recognising a returning visitor at another kiosk of the same venue,
 * without the hub ever reading who they are. Every kiosk of a venue holds
 * the venue key (32 random bytes from the hub at pairing, `keys/venue.key`);
 * three keys are derived from it with HKDF, so one leaked derived key does
 * not give away the others:
 *
 * - the **look-up key**, HMAC(nickname + phone): the hub finds a record by
 *   it, as the kiosk finds its own visitors by phone and nickname together
 *   (a number alone retrieves nothing);
 * - the **erase key**, HMAC(phone): a visitor who asks at any desk to be
 *   forgotten gives only their number, so the hub must be able to drop every
 *   record of that number;
 * - the **record key**, AES-256-GCM over what the other kiosk needs and
 *   cannot get from the visitor's own typing: the first and last visit days
 *   and the last self-check day. Not the nickname nor the phone: kiosk B has
 *   both from the visitor's hands, and a record that matched the look-up
 *   key proves they are the same. The look-up key is the associated data,
 *   so a record moved to another visitor's key fails to open.
 *
 * A plain hash would not do: mobile numbers (10^8 per prefix) and the
 * nickname list are small enough to try all of them.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { StoreError } from './store-errors';
import { normalizePhone } from './visitor-crypto';
import { normalizeNickname } from './visitors';

const FORMAT = 'v1';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What kiosk B learns about a visitor first seen elsewhere in the venue (Seoul days). */
export interface VenueVisitorRecord {
  firstVisitDay: string;
  lastVisitDay: string;
  lastSelfCheckDay: string | null;
}

/**
 * Two kiosks' views of one visitor as one (a visit at B while the hub was
 * away made B think it the first): the earliest first visit, the latest last
 * visit and self-check.
 */
export function mergeVenueRecords(a: VenueVisitorRecord, b: VenueVisitorRecord): VenueVisitorRecord {
  const later = (x: string | null, y: string | null) => (x === null ? y : y === null ? x : x > y ? x : y);
  return {
    firstVisitDay: a.firstVisitDay < b.firstVisitDay ? a.firstVisitDay : b.firstVisitDay,
    lastVisitDay: later(a.lastVisitDay, b.lastVisitDay)!,
    lastSelfCheckDay: later(a.lastSelfCheckDay, b.lastSelfCheckDay),
  };
}

/** A short public name of a venue key: kiosk and hub tell whether they hold the same one without showing it. */
export function venueKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('itda/venue/key-id/v1').digest('hex').slice(0, 16);
}

export class VenueCrypto {
  readonly keyId: string;
  private readonly lookupMac: Buffer;
  private readonly eraseMac: Buffer;
  private readonly recordKey: Buffer;

  constructor(venueKey: Buffer) {
    if (venueKey.length !== 32) throw new TypeError('a venue key is 32 bytes');
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', venueKey, Buffer.alloc(0), info, 32));
    this.keyId = venueKeyId(venueKey);
    this.lookupMac = derive('itda/venue/visitor-lookup/v1');
    this.eraseMac = derive('itda/venue/visitor-erase/v1');
    this.recordKey = derive('itda/venue/visitor-record/v1');
  }

  /** The hub's look-up key of a visitor (hex): the nickname as a person reads it and the normalized number, never one without the other. */
  lookupKey(nickname: string, phone: string): string {
    // The unit separator cannot be typed into either field, so ("ab", "1") and ("a", "b1") never collide.
    return createHmac('sha256', this.lookupMac).update(`${normalizeNickname(nickname)}\u001f${normalizePhone(phone)}`).digest('hex');
  }

  /** The key that forgets every record of a number (hex). */
  eraseKey(phone: string): string {
    return createHmac('sha256', this.eraseMac).update(normalizePhone(phone)).digest('hex');
  }

  /** `v1.<iv>.<tag>.<ciphertext>`, base64url, bound to its look-up key. */
  seal(record: VenueVisitorRecord, lookup: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.recordKey, iv);
    cipher.setAAD(Buffer.from(`itda-venue-visitor/v1:${lookup}`));
    const plain = JSON.stringify({ f: record.firstVisitDay, l: record.lastVisitDay, s: record.lastSelfCheckDay });
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [FORMAT, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
  }

  /** The record, or `store.bad_ciphertext` when it is not this venue key's, was moved to another look-up key, or was changed. */
  open(blob: string, lookup: string): VenueVisitorRecord {
    const [format, iv, tag, ct] = blob.split('.');
    if (format !== FORMAT || !iv || !tag || ct === undefined) throw new StoreError('store.bad_ciphertext', 'unknown venue record format');
    let plain: string;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.recordKey, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(`itda-venue-visitor/v1:${lookup}`));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      plain = Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
    } catch (err) {
      throw new StoreError('store.bad_ciphertext', 'venue record failed authentication', { cause: err });
    }
    const r = JSON.parse(plain) as { f?: unknown; l?: unknown; s?: unknown };
    const day = (v: unknown) => typeof v === 'string' && DAY.test(v);
    if (!day(r.f) || !day(r.l) || !(r.s === null || day(r.s))) throw new StoreError('store.bad_ciphertext', 'venue record holds unexpected fields');
    return { firstVisitDay: r.f as string, lastVisitDay: r.l as string, lastSelfCheckDay: (r.s as string | null) ?? null };
  }
}
