/**
 * Identifiers that never collide across kiosks and venues: ULIDs
 * (48-bit millisecond time + 80 random bits, Crockford base32). They sort by
 * creation time, which keeps the event log and later central sync in order.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

let lastTime = -1;
let lastRandom: number[] = [];

/** A new ULID. Within one millisecond the random part increments, so ids from one process stay ordered. */
export function ulid(now: number = Date.now()): string {
  let random: number[];
  if (now === lastTime) {
    random = increment(lastRandom);
  } else {
    const bytes = randomBytes(10);
    random = [];
    // 80 bits → 16 base32 digits of 5 bits each.
    let bits = 0;
    let value = 0;
    for (const b of bytes) {
      value = (value << 8) | b;
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        random.push((value >> bits) & 31);
      }
      value &= (1 << bits) - 1;
    }
  }
  lastTime = now;
  lastRandom = random;
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return time + random.map((d) => ALPHABET[d]).join('');
}

function increment(digits: number[]): number[] {
  const out = digits.slice();
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] < 31) {
      out[i] += 1;
      return out;
    }
    out[i] = 0;
  }
  return out;
}

export function isUlid(s: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]{26}$/.test(s);
}
