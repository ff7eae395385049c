/**
 * Every error code a service can throw has a message in Korean and English,
 * and no message shows a code: a new code without words fails here, not in
 * front of a visitor or a staff member as "something went wrong".
 */
import { describe, expect, it } from 'vitest';
import { allErrorCodes, errorCodes } from '../../../electron/contract/error-codes';
import { ko } from './ko';
import { en } from './en';

describe('error messages', () => {
  it.each(allErrorCodes)('%s has a message in both languages', (code) => {
    const key = `errors.${code}`;
    expect((ko as Record<string, string>)[key], `ko ${key}`).toBeTruthy();
    expect((en as Record<string, string>)[key], `en ${key}`).toBeTruthy();
  });

  it('no message repeats its code, and English is not Korean', () => {
    for (const code of allErrorCodes) {
      const k = (ko as Record<string, string>)[`errors.${code}`]!;
      const e = (en as Record<string, string>)[`errors.${code}`]!;
      expect(k).not.toContain(code);
      expect(e).not.toContain(code);
      expect(e).not.toMatch(/[\uac00-\ud7a3]/);
    }
  });

  it('each domain lists its own codes only, once', () => {
    for (const [domain, codes] of Object.entries(errorCodes)) {
      if (domain === 'core') continue;
      for (const c of codes) expect(c.startsWith(`${domain === 'printer' ? 'printer' : domain}.`), c).toBe(true);
    }
    expect(new Set(allErrorCodes).size).toBe(allErrorCodes.length);
  });
});
