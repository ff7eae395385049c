import { describe, expect, it } from 'vitest';
import { maskPhone, spokenPhone } from './mask-phone';

describe('maskPhone', () => {
  it('hides the middle digits of a mobile number, typed with or without dashes', () => {
    expect(maskPhone('010-1234-5678')).toBe('010-****-5678');
    expect(maskPhone('01012345678')).toBe('010-****-5678');
    expect(maskPhone('011 234 5678')).toBe('011-***-5678');
  });

  it('keeps the Seoul area code 02 whole', () => {
    expect(maskPhone('02-123-4567')).toBe('02-***-4567');
  });

  it('masks while typing: the area code shows, the middle four never do, the last four as typed', () => {
    expect(maskPhone('')).toBe('');
    expect(maskPhone('01')).toBe('01');
    expect(maskPhone('0101')).toBe('010-*');
    expect(maskPhone('0101234')).toBe('010-****');
    expect(maskPhone('01012345')).toBe('010-****-5');
    expect(maskPhone('0101234567')).toBe('010-***-4567');
    expect(maskPhone('01012345678')).toBe('010-****-5678');
  });

  it('never contains the hidden digits', () => {
    expect(maskPhone('010-9876-5432')).not.toContain('9876');
  });
});

describe('spokenPhone', () => {
  it('reads only the last four digits, one by one, in the visitor language', () => {
    expect(spokenPhone('010-1234-5678', 'ko')).toBe('끝자리가 5 6 7 8인 전화번호');
    expect(spokenPhone('01012345678', 'en')).toBe('the phone number ending in 5 6 7 8');
  });

  it('reads nothing of a number too short to mask', () => {
    expect(spokenPhone('010', 'en')).toBe('the phone number ending in ');
  });
});
