/**
 * The venue key on the kiosk: `<dataDir>/keys/venue.key`, beside the
 * visitor key, owner-only (0600 in a 0700 folder), written aside and renamed.
 * Never in SQLite, never in an event: a copied `itda.db` opens nothing. It
 * names the hub it came from, so a kiosk moved to another hub does not seal
 * records for the new venue with the old venue's key.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const VENUE_KEY_FILE = join('keys', 'venue.key');

export interface StoredVenueKey {
  hubUrl: string;
  venue: string;
  keyId: string;
  /** base64, 32 bytes */
  key: string;
}

export function readVenueKey(dataDir: string, hubUrl: string): StoredVenueKey | null {
  const file = join(dataDir, VENUE_KEY_FILE);
  if (!existsSync(file)) return null;
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const k = JSON.parse(readFileSync(file, 'utf8')) as StoredVenueKey;
  return k.hubUrl === hubUrl ? k : null;
}

export function writeVenueKey(dataDir: string, k: StoredVenueKey): void {
  mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
  const file = join(dataDir, VENUE_KEY_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(k) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
}
