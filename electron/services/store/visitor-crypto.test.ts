import { describe, expect, it, afterEach } from 'vitest';
import { statSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { makeTempDir } from '../../../test/support/temp-dir';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FileKeyStore, SealedKeyStore, StaticKeyStore, type OsSecretBox } from './key-store';
import { isMobileNumber, normalizePhone, VisitorCrypto } from './visitor-crypto';

let dir: ReturnType<typeof makeTempDir> | null = null;
afterEach(() => {
  dir?.remove();
  dir = null;
});

describe('phone numbers', () => {
  it('normalizes the ways people write one number', () => {
    for (const f of ['010-1234-5678', '01012345678', '010 1234 5678', '+82 10-1234-5678', '+821012345678']) {
      expect(normalizePhone(f)).toBe('01012345678');
    }
    expect(isMobileNumber('01012345678')).toBe(true);
    expect(isMobileNumber('0111234567')).toBe(true);
    expect(isMobileNumber('0212345678')).toBe(false);
    expect(isMobileNumber('0101234')).toBe(false);
    expect(isMobileNumber('0102345678')).toBe(false);
  });

  it('round-trips through AES-256-GCM, never as plain text, and hashes every format to one key', () => {
    const c = new VisitorCrypto(new StaticKeyStore(randomBytes(32)));
    const blob = c.encryptPhone('010-1234-5678', 'visitor-1');
    expect(blob).not.toContain('5678');
    expect(blob).not.toContain('1234');
    expect(c.decryptPhone(blob, 'visitor-1')).toBe('01012345678');
    // A fresh IV each time: the same number never encrypts the same way twice.
    expect(c.encryptPhone('01012345678', 'visitor-1')).not.toBe(blob);
    expect(c.phoneHash('+82 10 1234 5678')).toBe(c.phoneHash('010-1234-5678'));
    expect(c.phoneHash('01012345678')).not.toBe(c.phoneHash('01012345679'));
  });

  it('refuses a ciphertext moved to another visitor row or tampered with', () => {
    const c = new VisitorCrypto(new StaticKeyStore(randomBytes(32)));
    const blob = c.encryptPhone('01012345678', 'visitor-1');
    expect(() => c.decryptPhone(blob, 'visitor-2')).toThrow(expect.objectContaining({ code: 'store.bad_ciphertext' }));
    const parts = blob.split('.');
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith('AA') ? 'AB' : 'AA');
    expect(() => c.decryptPhone(parts.join('.'), 'visitor-1')).toThrow(expect.objectContaining({ code: 'store.bad_ciphertext' }));
  });

  it('a different key gives a different hash: the hash is useless without the key', () => {
    const a = new VisitorCrypto(new StaticKeyStore(randomBytes(32)));
    const b = new VisitorCrypto(new StaticKeyStore(randomBytes(32)));
    expect(a.phoneHash('01012345678')).not.toBe(b.phoneHash('01012345678'));
  });
});

describe('key file', () => {
  it('is created once with owner-only permissions and read back the same', () => {
    dir = makeTempDir('itda-key-');
    const ks = new FileKeyStore(dir.path);
    const key = ks.masterKey();
    expect(key).toHaveLength(32);
    expect(statSync(ks.path).mode & 0o777).toBe(0o600);
    expect(new FileKeyStore(dir.path).masterKey().equals(key)).toBe(true);
    expect(readFileSync(ks.path, 'utf8').trim()).toBe(key.toString('base64'));
  });
});

/** A stand-in for Electron's safeStorage: XOR with a secret the "keychain" holds. */
function fakeKeychain(available = true): OsSecretBox & { secret: Buffer } {
  const secret = randomBytes(64);
  const xor = (b: Buffer) => Buffer.from(b.map((x, i) => x ^ secret[i % secret.length]!));
  return {
    secret,
    isEncryptionAvailable: () => available,
    encryptString: (s) => xor(Buffer.from(s, 'utf8')),
    decryptString: (b) => xor(b).toString('utf8'),
  };
}

describe('key sealed by the OS keychain (safeStorage)', () => {
  it('seals an existing plain key file, removes it, and keeps the same key (old ciphertexts still open)', () => {
    dir = makeTempDir('itda-key-');
    const plainKey = new FileKeyStore(dir.path).masterKey();
    const box = fakeKeychain();
    const sealed = new SealedKeyStore(dir.path, box);
    expect(sealed.masterKey().equals(plainKey)).toBe(true);
    expect(existsSync(join(dir.path, 'keys', 'visitor.key'))).toBe(false);
    const onDisk = readFileSync(join(dir.path, 'keys', 'visitor.key.sealed'));
    expect(onDisk.includes(Buffer.from(plainKey.toString('base64')))).toBe(false);
    expect(new SealedKeyStore(dir.path, box).masterKey().equals(plainKey)).toBe(true);
  });

  it('without the keychain the sealed file does not open', () => {
    dir = makeTempDir('itda-key-');
    new SealedKeyStore(dir.path, fakeKeychain()).masterKey();
    expect(() => new SealedKeyStore(dir!.path, fakeKeychain()).masterKey()).toThrow(expect.objectContaining({ code: 'store.key_unavailable' }));
  });

  it('falls back to the owner-only key file where the OS offers no encryption', () => {
    dir = makeTempDir('itda-key-');
    const key = new SealedKeyStore(dir.path, fakeKeychain(false)).masterKey();
    expect(new FileKeyStore(dir.path).masterKey().equals(key)).toBe(true);
  });
});
