/**
 * Sharing-coupon codes: what is printed, how a typed code is read back, and
 * the keyed hash that is the only form the kiosk keeps.
 *
 * - 14 random symbols from a 32-symbol alphabet without look-alikes (no 0/O,
 *   1/I): 70 bits, far past guessing over a rate-limited LAN page.
 * - One check symbol (Luhn mod 32): a single mistyped symbol, or two swapped
 *   neighbours (all but the pair 2Z/Z2), is caught before any look-up, so the shop reads "check the
 *   code" rather than "unknown coupon".
 * - Shown in three groups of five (`ABCDE-FGHJK-LMNPQ`), typed in any case,
 *   with or without spaces and dashes.
 * - Stored as HMAC-SHA256 under a key derived from the kiosk's master key
 *   (`keys/` in the data dir, never the database): a copied `itda.db` holds
 *   no code a person could type. A code names no one: it is random.
 */
import { createHmac, hkdfSync, randomInt } from 'node:crypto';

export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const RANDOM_SYMBOLS = 14;
export const CODE_LENGTH = RANDOM_SYMBOLS + 1;
/** log2(32) = 5 bits per random symbol. */
export const CODE_BITS = RANDOM_SYMBOLS * 5;
const N = CODE_ALPHABET.length;

function valueOf(ch: string): number {
  return CODE_ALPHABET.indexOf(ch);
}

/** Luhn mod N over the symbols' values: the symbol that makes the whole code check. */
export function checkSymbol(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * valueOf(body[i]!);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return CODE_ALPHABET[(N - (sum % N)) % N]!;
}

function checks(code: string): boolean {
  let factor = 1;
  let sum = 0;
  for (let i = code.length - 1; i >= 0; i--) {
    let addend = factor * valueOf(code[i]!);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return sum % N === 0;
}

/** A new code, bare (`CODE_LENGTH` symbols); `randomInt` is the CSPRNG. */
export function newCouponCode(random: (max: number) => number = randomInt): string {
  let body = '';
  for (let i = 0; i < RANDOM_SYMBOLS; i++) body += CODE_ALPHABET[random(N)];
  return body + checkSymbol(body);
}

/** `ABCDE-FGHJK-LMNPQ`: groups of five for reading aloud and typing. */
export function groupCode(code: string): string {
  return code.match(/.{1,5}/g)!.join('-');
}

export type ParsedCode = { ok: true; code: string } | { ok: false; why: 'malformed' | 'check' };

/**
 * A typed or scanned code back to its bare form: any case, spaces and dashes
 * ignored. `malformed`: wrong length or a symbol outside the alphabet (a 0,
 * O, 1 or I among them); `check`: the check symbol does not match (a typo).
 */
export function parseCouponCode(typed: string): ParsedCode {
  const bare = typed.normalize('NFKC').toUpperCase().replace(/[\s\-_.]/g, '');
  if (bare.length !== CODE_LENGTH || [...bare].some((c) => valueOf(c) < 0)) return { ok: false, why: 'malformed' };
  return checks(bare) ? { ok: true, code: bare } : { ok: false, why: 'check' };
}

/** The coupon key, derived from the master key for this one purpose (so it never equals the phone-hash key). */
export function couponKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'itda sharing-coupon codes v1', 32));
}

/** What the database keeps of a code. */
export function hashCouponCode(key: Buffer, bareCode: string): string {
  return createHmac('sha256', key).update(bareCode).digest('hex');
}
