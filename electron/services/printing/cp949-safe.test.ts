import { describe, expect, it } from 'vitest';
import { cp949Safe, dropUnencodable, inCp949, unencodable } from './cp949-safe';

describe('CP949-safe text', () => {
  it('maps dashes, ellipses, curly quotes and dots to their nearest safe forms', () => {
    expect(cp949Safe('— 공자 – 논어')).toBe('- 공자 - 논어');
    expect(cp949Safe('잠깐… 쉬어요⋯')).toBe('잠깐... 쉬어요...');
    expect(cp949Safe('“Hello,” she said, ‘twice’')).toBe('"Hello," she said, \'twice\'');
    expect(cp949Safe('차・커피•책')).toBe('차·커피·책');
    expect(cp949Safe('2·3')).toBe('2·3');
  });

  it('drops emoji and invisible characters, keeps the symbols the Korean font has', () => {
    expect(cp949Safe('고마워요 😊❤️ 👍🏽')).toBe('고마워요  ');
    expect(cp949Safe('a\u200bb\ufeffc')).toBe('abc');
    expect(cp949Safe('♡ ☎ ★ ※ 『논어』')).toBe('♡ ☎ ★ ※ 『논어』');
  });

  it('turns accented letters into their base letters and © into (c)', () => {
    expect(cp949Safe('café Ñandú ©2026')).toBe('cafe Nandu (c)2026');
  });

  it('reports and drops what is still outside CP949', () => {
    expect(inCp949('가')).toBe(true);
    expect(inCp949('—')).toBe(false);
    expect(unencodable(cp949Safe('ᚠ 가 ᚠ'))).toEqual(['ᚠ']);
    expect(dropUnencodable('ᚠ가')).toBe('가');
  });
});
