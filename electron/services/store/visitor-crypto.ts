/**
 * Phone numbers at rest: AES-256-GCM ciphertext (so staff can, in a later
 * version, call a visitor back about a booking) and an HMAC-SHA256 keyed
 * hash for "have we met?" look-ups. Both keys are derived from the master
 * key with HKDF, so one leaked derived key does not give away the other.
 * A plain SHA-256 would not do: Korean mobile numbers are few enough
 * (10^8 per prefix) to brute-force in minutes.
 */
import { StoreError } from './store-errors';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { KioskError } from '../../contract/errors';
import type { KeyStore } from './key-store';

const FORMAT = 'v1';

/** Digits only, +82 → 0: `010-1234-5678`, `01012345678` and `+82 10 1234 5678` are one number. */
export function normalizePhone(raw: string): string {
  let digits = raw.replace(/\D/g, '');
  if (digits.startsWith('82') && digits.length >= 11) digits = '0' + digits.slice(2);
  return digits;
}

/** A Korean mobile number: 010 with 8 more digits; the older 011/016/017/018/019 with 7 or 8. */
export function isMobileNumber(digits: string): boolean {
  return /^(010\d{8}|01[16789]\d{7,8})$/.test(digits);
}

export class VisitorCrypto {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(keys: KeyStore) {
    const master = keys.masterKey();
    this.encKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'itda/store/phone-enc/v1', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'itda/store/phone-hash/v1', 32));
  }

  /** The look-up hash of a normalized number (hex). */
  phoneHash(phone: string): string {
    return createHmac('sha256', this.macKey).update(normalizePhone(phone)).digest('hex');
  }

  /** `v1.<iv>.<tag>.<ciphertext>`, base64url; the visitor id is bound as associated data so rows cannot be swapped. */
  encryptPhone(phone: string, visitorId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    cipher.setAAD(Buffer.from(visitorId));
    const ct = Buffer.concat([cipher.update(normalizePhone(phone), 'utf8'), cipher.final()]);
    return [FORMAT, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
  }

  decryptPhone(blob: string, visitorId: string): string {
    const [format, iv, tag, ct] = blob.split('.');
    if (format !== FORMAT || !iv || !tag || ct === undefined) throw new StoreError('store.bad_ciphertext', 'unknown phone ciphertext format');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.encKey, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(visitorId));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
    } catch (err) {
      throw new StoreError('store.bad_ciphertext', 'phone ciphertext failed authentication', { cause: err });
    }
  }
}
