import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { CODE_ALPHABET, CODE_BITS, CODE_LENGTH, checkSymbol, couponKey, groupCode, hashCouponCode, newCouponCode, parseCouponCode } from './coupon-code';

describe('coupon codes', () => {
  it('use 32 symbols without look-alikes and carry at least 64 random bits', () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    for (const c of ['0', 'O', '1', 'I']) expect(CODE_ALPHABET).not.toContain(c);
    expect(CODE_BITS).toBeGreaterThanOrEqual(64);
    const codes = Array.from({ length: 2000 }, () => newCouponCode());
    for (const c of codes) {
      expect(c).toHaveLength(CODE_LENGTH);
      expect([...c].every((s) => CODE_ALPHABET.includes(s))).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
    // Every symbol turns up in every random position: no position is stuck.
    for (let pos = 0; pos < CODE_LENGTH - 1; pos++) expect(new Set(codes.map((c) => c[pos])).size).toBe(32);
  });

  it('reads back grouped, in any case, with spaces or dashes', () => {
    const code = newCouponCode();
    const grouped = groupCode(code);
    expect(grouped).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
    for (const typed of [grouped, code.toLowerCase(), ` ${grouped.replace(/-/g, ' ').toLowerCase()} `]) expect(parseCouponCode(typed)).toEqual({ ok: true, code });
  });

  it('tells a typo ("check the code") from a code that is not one at all', () => {
    const code = newCouponCode();
    let caught = 0;
    for (let i = 0; i < CODE_LENGTH; i++) {
      for (const s of CODE_ALPHABET) {
        if (s === code[i]) continue;
        const typo = code.slice(0, i) + s + code.slice(i + 1);
        expect(parseCouponCode(typo)).toEqual({ ok: false, why: 'check' });
        caught++;
      }
    }
    expect(caught).toBe(CODE_LENGTH * 31);
    // Two neighbours swapped: caught too (when they differ), but for the one pair Luhn mod 32 cannot see, 2Z ↔ Z2.
    for (let i = 0; i < CODE_LENGTH - 1; i++) {
      if (code[i] === code[i + 1] || [code[i], code[i + 1]].sort().join('') === '2Z') continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      expect(parseCouponCode(swapped).ok).toBe(false);
    }
    expect(parseCouponCode(code.slice(1))).toEqual({ ok: false, why: 'malformed' });
    expect(parseCouponCode(`${code.slice(0, 4)}0${code.slice(5)}`)).toEqual({ ok: false, why: 'malformed' });
    expect(parseCouponCode('')).toEqual({ ok: false, why: 'malformed' });
  });

  it('computes the check symbol the same way it verifies it', () => {
    const body = newCouponCode().slice(0, -1);
    expect(parseCouponCode(body + checkSymbol(body)).ok).toBe(true);
  });

  it('is stored as a keyed hash that differs with the key and never contains the code', () => {
    const master = randomBytes(32);
    const code = newCouponCode();
    const k = couponKey(master);
    expect(k).toHaveLength(32);
    expect(k.equals(master)).toBe(false);
    const h = hashCouponCode(k, code);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h.toUpperCase()).not.toContain(code);
    expect(hashCouponCode(couponKey(randomBytes(32)), code)).not.toBe(h);
    expect(hashCouponCode(k, code)).toBe(h);
  });
});
