/**
 * The first admin's one-time setup code. Nobody becomes admin by being first:
 * while no admin PIN exists, the host issues a code at each start (printed on
 * the receipt printer as a setup slip, written to the host log and standard
 * output as `staff setup code: CODE`), and `npm run staff -- setup-code`
 * issues a fresh one on the machine. Only the newest code works, only once,
 * and only its scrypt hash is stored. Ten digits, so the console's number pad
 * can take it.
 */
import { randomInt } from 'node:crypto';
import type { Db } from '../storage/database';
import { ulid } from '../storage/ids';
import { CURRENT_PARAMS, hashSecret, secretMatches, type ScryptParams } from './pin-hash';

export const SETUP_CODE_PATTERN = /^[0-9]{10}$/;

/** The one line hosts write to their log and standard output (the CLI and tests look for it). */
export const setupCodeLine = (code: string) => `staff setup code: ${code}`;

export function newSetupCode(): string {
  return Array.from({ length: 10 }, () => String(randomInt(10))).join('');
}

export class SetupCodes {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
    private readonly params: ScryptParams = CURRENT_PARAMS,
  ) {}

  /** A new code; any unspent earlier one stops working. */
  async issue(): Promise<string> {
    const code = newSetupCode();
    const h = await hashSecret(code, this.params);
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM staff_setup_codes WHERE used_at IS NULL').run();
      this.db.prepare('INSERT INTO staff_setup_codes (id, salt, hash, params, created_at) VALUES (?, ?, ?, ?, ?)').run(ulid(), h.salt, h.hash, h.params, new Date(this.now()).toISOString());
    })();
    return code;
  }

  /** The id of the unspent code `code` is, or null. */
  async match(code: string): Promise<string | null> {
    if (!SETUP_CODE_PATTERN.test(code)) return null;
    const rows = this.db.prepare('SELECT id, salt, hash, params FROM staff_setup_codes WHERE used_at IS NULL').all() as { id: string; salt: string; hash: string; params: string }[];
    for (const r of rows) if (await secretMatches(code, r)) return r.id;
    return null;
  }

  /** Spends a code (inside the transaction that creates the admin PIN); false when it was already spent. */
  spend(id: string): boolean {
    return this.db.prepare('UPDATE staff_setup_codes SET used_at = ? WHERE id = ? AND used_at IS NULL').run(new Date(this.now()).toISOString(), id).changes === 1;
  }
}
