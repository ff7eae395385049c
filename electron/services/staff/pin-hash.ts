/**
 * PINs are kept as scrypt hashes with a random salt per PIN: a stolen
 * database does not reveal them without a slow search per PIN. A 4 to 8 digit
 * PIN is weak by nature; the lockout (five wrong, five minutes) is what
 * actually stops guessing at the pad.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** N=2^14, r=8, p=1: ~30-60 ms per check on the kiosk PC; one check per stored PIN at login. */
const PARAMS = { N: 1 << 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_LEN = 32;

export const PIN_PATTERN = /^[0-9]{4,8}$/;

export function hashPin(pin: string, salt: Buffer = randomBytes(16)): { salt: string; hash: string } {
  const hash = scryptSync(pin.normalize('NFKC'), salt, KEY_LEN, PARAMS);
  return { salt: salt.toString('base64'), hash: hash.toString('base64') };
}

export function pinMatches(pin: string, stored: { salt: string; hash: string }): boolean {
  const want = Buffer.from(stored.hash, 'base64');
  const got = scryptSync(pin.normalize('NFKC'), Buffer.from(stored.salt, 'base64'), want.length, PARAMS);
  return want.length === got.length && timingSafeEqual(want, got);
}

/** PINs nobody should use: all one digit, or a straight run (1234, 9876). */
export function pinTooSimple(pin: string): boolean {
  if (/^(\d)\1+$/.test(pin)) return true;
  const d = [...pin].map(Number);
  const up = d.every((x, i) => i === 0 || x === (d[i - 1] + 1) % 10);
  const down = d.every((x, i) => i === 0 || x === (d[i - 1] + 9) % 10);
  return up || down;
}
