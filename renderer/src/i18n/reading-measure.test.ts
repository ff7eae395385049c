import { describe, expect, it } from 'vitest';
import { countSyllables, englishSyllables, readingLoad, sentencesOf } from './reading-measure';

describe('reading measure', () => {
  it('counts a Hangul block, a digit and an English syllable as one each, and nothing for punctuation and spaces', () => {
    expect(countSyllables('3번째 순서예요.')).toBe(7);
    expect(countSyllables('☎ 02-120 (연결 후 5번)')).toBe(5 + 4 + 1);
    expect(countSyllables('Your ticket is below.')).toBe(6);
    expect([['time', 1], ['prescription', 3], ['counselor', 3], ['people', 2], ['I', 1]].map(([w]) => englishSyllables(w as string))).toEqual([1, 3, 3, 2, 1]);
  });

  it('splits sentences at . ? ! … followed by a space, never inside a number', () => {
    expect(sentencesOf('3번째 순서예요. 10분쯤 기다리시면 돼요.')).toEqual(['3번째 순서예요.', '10분쯤 기다리시면 돼요.']);
    expect(sentencesOf('☎ 02-120, 3.5 km')).toEqual(['☎ 02-120, 3.5 km']);
  });

  it('gives a screen its total and its longest sentence, each block ending a sentence', () => {
    const load = readingLoad(['다 됐어요', '3번째 순서예요. 10분쯤 기다리시면 돼요.']);
    expect(load).toEqual({ syllables: 4 + 7 + 11, longestSentence: 11, longestText: '10분쯤 기다리시면 돼요.' });
  });
});
