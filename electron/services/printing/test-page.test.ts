import { describe, expect, it } from 'vitest';
import { testPageDocument } from './test-page';
import { printerProfiles } from './printer-profiles';

describe('testPageDocument', () => {
  it('prints the time in Seoul, whatever the machine zone', () => {
    const profile = Object.values(printerProfiles)[0]!;
    const doc = testPageDocument(profile, { mode: 'text', uri: 'sim', at: new Date('2026-12-05T15:30:05Z') });
    const time = doc.blocks.find((b) => b.type === 'pair' && b.left.startsWith('시각'));
    expect(time).toMatchObject({ right: '2026-12-06 00:30:05 KST' });
  });
});
