/**
 * PINs (and the first admin's setup code) are kept as scrypt hashes with a
 * random salt each, and the parameters beside the hash: a stolen database
 * costs a memory-hard search per PIN, and raising the cost later never
 * breaks a PIN set earlier. A 6-digit PIN is still only a million guesses;
 * the lockout and its back-off (`pin-lockout.ts`) are what stop guessing at a
 * pad, and file modes keep the database itself from other local users.
 *
 * Hashing runs on libuv's thread pool (async `scrypt`): ~100 ms of work per
 * check must not stall the vending poll or the WebSocket of the visitor screen.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { StaffRole } from '../../contract/access';
import { StaffError } from './staff-errors';

export interface ScryptParams {
  alg: 'scrypt';
  N: number;
  r: number;
  p: number;
}

/** N=2^17, r=8: 128 MiB and ~100-300 ms per check on a kiosk PC (OWASP's scrypt floor). */
export const CURRENT_PARAMS: ScryptParams = { alg: 'scrypt', N: 1 << 17, r: 8, p: 1 };
/** What the first release used, for hashes stored without parameters. */
export const LEGACY_PARAMS: ScryptParams = { alg: 'scrypt', N: 1 << 14, r: 8, p: 1 };
const KEY_LEN = 32;

export interface StoredHash {
  salt: string;
  hash: string;
  /** JSON of `ScryptParams`; null for hashes from before parameters were stored. */
  params: string | null;
}

/** 6–8 digits for admin and technician, 4–8 for staff. */
export const PIN_PATTERN = /^[0-9]{4,8}$/;
export const MIN_PIN_LENGTH = { staff: 4, technician: 6, admin: 6 } as const;

function derive(secret: string, salt: Buffer, params: ScryptParams, length: number): Promise<Buffer> {
  // maxmem above 128·N·r (the default 32 MiB would refuse N=2^17).
  const opts: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => scrypt(secret.normalize('NFKC'), salt, length, opts, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashSecret(secret: string, params: ScryptParams = CURRENT_PARAMS): Promise<StoredHash> {
  const salt = randomBytes(16);
  const hash = await derive(secret, salt, params, KEY_LEN);
  return { salt: salt.toString('base64'), hash: hash.toString('base64'), params: JSON.stringify(params) };
}

export async function secretMatches(secret: string, stored: StoredHash): Promise<boolean> {
  const params = parseParams(stored.params);
  const want = Buffer.from(stored.hash, 'base64');
  const got = await derive(secret, Buffer.from(stored.salt, 'base64'), params, want.length);
  return want.length === got.length && timingSafeEqual(want, got);
}

function parseParams(raw: string | null): ScryptParams {
  if (raw === null) return LEGACY_PARAMS;
  const p = JSON.parse(raw) as Partial<ScryptParams>;
  if (p.alg !== 'scrypt' || !Number.isInteger(p.N) || !Number.isInteger(p.r) || !Number.isInteger(p.p)) throw new TypeError('unknown PIN hash parameters');
  return { alg: 'scrypt', N: p.N!, r: p.r!, p: p.p! };
}

/** PINs nobody should use: all one digit, or a straight run (1234, 9876). */
export function pinTooSimple(pin: string): boolean {
  if (/^(\d)\1+$/.test(pin)) return true;
  const d = [...pin].map(Number);
  const up = d.every((x, i) => i === 0 || x === (d[i - 1] + 1) % 10);
  const down = d.every((x, i) => i === 0 || x === (d[i - 1] + 9) % 10);
  return up || down;
}

/** The PIN rules every place that sets a PIN applies (the kiosk, the venue hub): length per role, not too simple. */
export function assertPinRules(role: StaffRole, pin: string): void {
  const min = MIN_PIN_LENGTH[role];
  if (!PIN_PATTERN.test(pin) || pin.length < min) throw new StaffError('staff.pin_invalid', `a ${role} PIN is ${min} to 8 digits`, { details: [String(min)] });
  if (pinTooSimple(pin)) throw new StaffError('staff.pin_invalid', 'the PIN is too easy to guess', { details: [String(min)] });
}
