import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { needsSelfCheck, scoreSelfCheck, selfCheckAnswersSchema } from './self-check';

const base = { companionship: 1, leftOut: 1, isolated: 1, contact: true, helper: true } as const;

describe('self-check scoring', () => {
  it('adds the three UCLA items (3–9) and suggests a talk from 6', () => {
    expect(scoreSelfCheck(base)).toEqual({ uclaScore: 3, level: 'gentle', suggestTalk: false });
    expect(scoreSelfCheck({ ...base, companionship: 2, leftOut: 2 })).toEqual({ uclaScore: 5, level: 'lonely', suggestTalk: false });
    expect(scoreSelfCheck({ ...base, companionship: 2, leftOut: 2, isolated: 2 })).toEqual({ uclaScore: 6, level: 'talk', suggestTalk: true });
    expect(scoreSelfCheck({ ...base, companionship: 3, leftOut: 3, isolated: 3 }).uclaScore).toBe(9);
  });

  it('suggests a talk to someone with no contact and no one to ask, whatever the score', () => {
    expect(scoreSelfCheck({ ...base, contact: false, helper: false })).toEqual({ uclaScore: 3, level: 'talk', suggestTalk: true });
    expect(scoreSelfCheck({ ...base, contact: false }).suggestTalk).toBe(false);
    expect(scoreSelfCheck({ ...base, helper: false }).suggestTalk).toBe(false);
  });

  it('always stays within 3–9 and suggests a talk exactly by the rule (property)', () => {
    const a = fc.constantFrom(1 as const, 2 as const, 3 as const);
    fc.assert(
      fc.property(a, a, a, fc.boolean(), fc.boolean(), (companionship, leftOut, isolated, contact, helper) => {
        const r = scoreSelfCheck({ companionship, leftOut, isolated, contact, helper });
        expect(r.uclaScore).toBeGreaterThanOrEqual(3);
        expect(r.uclaScore).toBeLessThanOrEqual(9);
        expect(r.suggestTalk).toBe(r.uclaScore >= 6 || (!contact && !helper));
      }),
    );
  });

  it('refuses answers outside the scale', () => {
    expect(selfCheckAnswersSchema.safeParse({ ...base, companionship: 4 }).success).toBe(false);
    expect(selfCheckAnswersSchema.safeParse({ ...base, extra: 1 }).success).toBe(false);
  });
});

describe('when to ask again', () => {
  const now = new Date('2026-11-25T05:00:00Z');
  it('asks on a first visit and after more than 30 days, not before', () => {
    expect(needsSelfCheck(null, now, 30)).toBe(true);
    expect(needsSelfCheck('2026-11-01T05:00:00Z', now, 30)).toBe(false);
    expect(needsSelfCheck('2026-10-26T05:00:00Z', now, 30)).toBe(false);
    expect(needsSelfCheck('2026-10-26T04:59:00Z', now, 30)).toBe(true);
  });
});
