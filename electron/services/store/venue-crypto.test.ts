import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mergeVenueRecords, VenueCrypto, venueKeyId, type VenueVisitorRecord } from './venue-crypto';

const record: VenueVisitorRecord = { firstVisitDay: '2026-09-14', lastVisitDay: '2026-12-01', lastSelfCheckDay: '2026-11-20' };

describe('venue look-up and erase keys', () => {
  it('two kiosks with the venue key find the same visitor however the number and nickname are typed', () => {
    const key = randomBytes(32);
    const a = new VenueCrypto(key);
    const b = new VenueCrypto(Buffer.from(key));
    expect(b.lookupKey('별빛 7', '+82 10-1234-5678')).toBe(a.lookupKey('별빛7', '01012345678'));
    expect(b.eraseKey('010 1234 5678')).toBe(a.eraseKey('01012345678'));
    expect(a.lookupKey('별빛7', '01012345678')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the number alone does not find a visitor: another nickname is another key', () => {
    const a = new VenueCrypto(randomBytes(32));
    expect(a.lookupKey('달님', '01012345678')).not.toBe(a.lookupKey('별빛', '01012345678'));
    expect(a.lookupKey('별빛', '01012345679')).not.toBe(a.lookupKey('별빛', '01012345678'));
    // The erase key is the number's only, so a desk can forget it without the nickname.
    expect(a.eraseKey('01012345678')).not.toBe(a.lookupKey('', '01012345678'));
  });

  it('the boundary between nickname and number cannot move: ("ab1", "0101234567") is not ("ab", "10101234567")', () => {
    const a = new VenueCrypto(randomBytes(32));
    expect(a.lookupKey('ab1', '0101234567')).not.toBe(a.lookupKey('ab', '10101234567'));
  });

  it('another venue key gives other keys: the hashes say nothing without the key', () => {
    const a = new VenueCrypto(randomBytes(32));
    const b = new VenueCrypto(randomBytes(32));
    expect(a.lookupKey('별빛', '01012345678')).not.toBe(b.lookupKey('별빛', '01012345678'));
    expect(a.eraseKey('01012345678')).not.toBe(b.eraseKey('01012345678'));
    expect(a.keyId).not.toBe(b.keyId);
  });

  it('the key id is public and short, and does not reveal the key', () => {
    const key = randomBytes(32);
    expect(venueKeyId(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(new VenueCrypto(key).keyId).toBe(venueKeyId(key));
    expect(venueKeyId(key)).not.toContain(key.toString('hex').slice(0, 16));
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new VenueCrypto(randomBytes(16))).toThrow(TypeError);
  });
});

describe('venue records', () => {
  it('round-trip through AES-256-GCM and carry only days: no nickname, no number', () => {
    const c = new VenueCrypto(randomBytes(32));
    const lookup = c.lookupKey('별빛', '01012345678');
    const blob = c.seal(record, lookup);
    expect(blob).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(blob).not.toContain('2026');
    expect(c.open(blob, lookup)).toEqual(record);
    // A fresh IV each time.
    expect(c.seal(record, lookup)).not.toBe(blob);
    expect(c.open(c.seal({ ...record, lastSelfCheckDay: null }, lookup), lookup).lastSelfCheckDay).toBeNull();
  });

  it('a record moved to another visitor’s look-up key, changed, or under another venue key does not open', () => {
    const c = new VenueCrypto(randomBytes(32));
    const lookup = c.lookupKey('별빛', '01012345678');
    const blob = c.seal(record, lookup);
    expect(() => c.open(blob, c.lookupKey('달님', '01099998888'))).toThrow(expect.objectContaining({ code: 'store.bad_ciphertext' }));
    const parts = blob.split('.');
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith('AA') ? 'AB' : 'AA');
    expect(() => c.open(parts.join('.'), lookup)).toThrow(expect.objectContaining({ code: 'store.bad_ciphertext' }));
    expect(() => new VenueCrypto(randomBytes(32)).open(blob, lookup)).toThrow(expect.objectContaining({ code: 'store.bad_ciphertext' }));
    expect(() => c.open('v2.a.b.c', lookup)).toThrow(expect.objectContaining({ code: 'store.bad_ciphertext' }));
  });
});

describe('two kiosks’ views of one visitor', () => {
  it('merge to the earliest first visit and the latest last visit and self-check', () => {
    const atB = { firstVisitDay: '2026-12-06', lastVisitDay: '2026-12-06', lastSelfCheckDay: null };
    expect(mergeVenueRecords(atB, record)).toEqual({ firstVisitDay: '2026-09-14', lastVisitDay: '2026-12-06', lastSelfCheckDay: '2026-11-20' });
    expect(mergeVenueRecords(record, atB)).toEqual(mergeVenueRecords(atB, record));
    expect(mergeVenueRecords(record, { ...record, lastSelfCheckDay: '2026-12-01' }).lastSelfCheckDay).toBe('2026-12-01');
  });
});
