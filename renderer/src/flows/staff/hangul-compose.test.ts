import { describe, expect, it } from 'vitest';
import { backspace, commit, composerOf, press, shown, typeKeys } from './hangul-compose';

const type = (keys: string, from = '') => shown(typeKeys(composerOf(from), [...keys]));

describe('두벌식 composition', () => {
  it('builds syllables key by key, as a Korean input method does', () => {
    expect(type('ㅇㅏㄴㄴㅐ ㄷㅔㅅㅡㅋㅡ')).toBe('안내 데스크');
    expect(type('ㅅㅏㅇㄷㅏㅁㅅㅣㄹ')).toBe('상담실');
    expect(type('ㅈㅜㅁㅏㄹ ㄱㅡㄴㅁㅜ')).toBe('주말 근무');
    expect(type('ㅇㅗㅈㅓㄴ')).toBe('오전');
  });

  it('moves a final to the next syllable when a vowel follows (각 + ㅏ → 가가), a double final only its second half', () => {
    expect(type('ㄱㅏㄱ')).toBe('각');
    expect(type('ㄱㅏㄱㅏ')).toBe('가가');
    expect(type('ㄷㅏㄹㄱ')).toBe('닭');
    expect(type('ㄷㅏㄹㄱㅏ')).toBe('달가');
    expect(type('ㅇㅓㅂㅅㅓ')).toBe('업서');
    expect(type('ㅇㅓㅂㅅㅇㅓ')).toBe('없어');
  });

  it('combines vowels and finals the layout combines, and no others', () => {
    expect(type('ㄱㅗㅏ')).toBe('과');
    expect(type('ㅇㅜㅣ')).toBe('위');
    expect(type('ㅇㅡㅣ')).toBe('의');
    expect(type('ㄱㅏㅂㅅ')).toBe('값');
    expect(type('ㅇㅏㄴㅎ')).toBe('않');
    expect(type('ㄱㅏㅏ')).toBe('가ㅏ');
    expect(type('ㄱㅏㄱㄱ')).toBe('각ㄱ');
    // ㄸ ㅃ ㅉ are never finals: they start the next syllable.
    expect(type('ㄱㅏㄸㅏ')).toBe('가따');
  });

  it('keeps lone jamo as they are', () => {
    expect(type('ㄱㄴ')).toBe('ㄱㄴ');
    expect(type('ㅏㄱ')).toBe('ㅏㄱ');
    expect(type('ㅏㅏ')).toBe('ㅏㅏ');
  });

  it('backspace takes back one key inside the syllable, then whole characters', () => {
    let c = typeKeys(composerOf(''), [...'ㄷㅏㄹㄱ']);
    const steps: string[] = [];
    while (shown(c) !== '') {
      c = backspace(c);
      steps.push(shown(c));
    }
    expect(steps).toEqual(['달', '다', 'ㄷ', '']);
    expect(type('ㄱㅏㄱㅏ\b')).toBe('가ㄱ');
    expect(type('ㄱㅗㅏ\b')).toBe('고');
    expect(type('ㅇㅏㄴ ㄴ\b\b')).toBe('안');
    expect(type('\b', '안내')).toBe('안');
  });

  it('ends the syllable at a space, a Latin letter or a digit, and never merges into text it did not compose', () => {
    expect(type('ㄱㅏA1')).toBe('가A1');
    // A label chosen from the list, then typed on: "크" is finished, so ㄱ starts anew.
    expect(type('ㄱ', '안내 데스크')).toBe('안내 데스크ㄱ');
    const c = commit(typeKeys(composerOf(''), [...'ㄱㅏ']));
    expect(shown(press(c, 'ㄱ'))).toBe('가ㄱ');
  });
});
