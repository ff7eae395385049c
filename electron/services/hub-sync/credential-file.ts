/**
 * The kiosk's hub credential, in `<dataDir>/hub-credential.json`, readable by
 * the kiosk's user only (0600, written to a temp file and renamed, so a crash
 * never leaves half a credential).
 */
import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CREDENTIAL_FILE = 'hub-credential.json';

export interface StoredCredential {
  hubUrl: string;
  credential: string;
  venue: string;
  /** This kiosk's letter for tickets issued while the hub is away ("A-12"). */
  ticketLetter: string;
  pairedAt: string;
}

export function readCredential(dataDir: string, hubUrl: string): StoredCredential | null {
  const file = join(dataDir, CREDENTIAL_FILE);
  if (!existsSync(file)) return null;
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const c = JSON.parse(readFileSync(file, 'utf8')) as StoredCredential;
  // A credential belongs to one hub: pointed at another, the kiosk must pair again.
  return c.hubUrl === hubUrl ? c : null;
}

export function writeCredential(dataDir: string, c: StoredCredential): void {
  const file = join(dataDir, CREDENTIAL_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(c, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
}
