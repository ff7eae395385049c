/**
 * Where the visitor-data key lives: never in the database, so a copied
 * `itda.db` alone reveals no phone number.
 *
 * `KeyStore` is the seam: the web host and CLIs use `FileKeyStore` (a
 * random 32-byte master key in `<dataDir>/keys/visitor.key`, mode 0600,
 * created on first start); Electron's main may pass a `SealedKeyStore`
 * over `safeStorage` (the OS keychain) through the store domain's options.
 */
import { StoreError } from './store-errors';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { KioskError } from '../../contract/errors';

export interface KeyStore {
  /** The 32-byte master key; created the first time. Throws `store.key_unavailable` when it cannot be read. */
  masterKey(): Buffer;
}

export const KEY_FILE = join('keys', 'visitor.key');

export class FileKeyStore implements KeyStore {
  private cached: Buffer | null = null;
  constructor(private readonly dataDir: string) {}

  get path(): string {
    return join(this.dataDir, KEY_FILE);
  }

  masterKey(): Buffer {
    if (this.cached) return this.cached;
    const file = this.path;
    try {
      if (!existsSync(file)) {
        mkdirSync(join(this.dataDir, 'keys'), { recursive: true, mode: 0o700 });
        // Written aside and renamed: two kiosk processes starting at once end with one key, never half a file.
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
        if (!existsSync(file)) renameSync(tmp, file);
      }
      chmodSync(file, 0o600);
      const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
      if (key.length !== 32) throw new Error(`key file holds ${key.length} bytes, not 32`);
      this.cached = key;
      return key;
    } catch (err) {
      throw new StoreError('store.key_unavailable', `cannot read the visitor key: ${(err as Error).message}`, { cause: err });
    }
  }
}

/** A fixed key (tests, and main's safeStorage adapter once it has decrypted its stored key). */
export class StaticKeyStore implements KeyStore {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new TypeError('a visitor key is 32 bytes');
  }
  masterKey(): Buffer {
    return this.key;
  }
}

/** The part of Electron's `safeStorage` the key store needs (main passes `safeStorage` itself). */
export interface OsSecretBox {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

export const SEALED_KEY_FILE = join('keys', 'visitor.key.sealed');

/**
 * The master key sealed by the OS keychain (Electron `safeStorage`): the file
 * on disk is useless without the logged-in kiosk user's keychain. A plain key
 * file left by an earlier version is sealed and removed on first use. Where
 * the OS offers no encryption, it falls back to the owner-only key file.
 */
export class SealedKeyStore implements KeyStore {
  private cached: Buffer | null = null;
  constructor(
    private readonly dataDir: string,
    private readonly box: OsSecretBox,
  ) {}

  masterKey(): Buffer {
    if (this.cached) return this.cached;
    const plain = new FileKeyStore(this.dataDir);
    if (!this.box.isEncryptionAvailable()) return (this.cached = plain.masterKey());
    const sealed = join(this.dataDir, SEALED_KEY_FILE);
    try {
      if (!existsSync(sealed)) {
        const key = plain.masterKey(); // the existing key, or a new one
        mkdirSync(join(this.dataDir, 'keys'), { recursive: true, mode: 0o700 });
        writeFileSync(sealed, this.box.encryptString(key.toString('base64')), { mode: 0o600 });
        rmSync(plain.path, { force: true });
      }
      const key = Buffer.from(this.box.decryptString(readFileSync(sealed)).trim(), 'base64');
      if (key.length !== 32) throw new Error(`sealed key holds ${key.length} bytes, not 32`);
      return (this.cached = key);
    } catch (err) {
      if (err instanceof KioskError) throw err;
      throw new StoreError('store.key_unavailable', `cannot unseal the visitor key: ${(err as Error).message}`, { cause: err });
    }
  }
}
