import { describe, expect, it } from 'vitest';
import type { Program } from '../../contract/connect-api';
import { pickProgram, rankPrograms, seoulDate, type MatchQuery } from './program-matching';

function program(id: string, over: Partial<Program> = {}): Program {
  return {
    id,
    name: { ko: id, en: id },
    institution: { ko: '기관', en: 'Place' },
    category: 'culture',
    district: 'mapo',
    schedule: { ko: '매주', en: 'Weekly' },
    ages: [],
    firstTimersWelcome: true,
    joinPhone: '02-000-0000',
    joinUrl: null,
    joinAtDesk: false,
    capacity: null,
    activeFrom: '2026-01-01',
    activeUntil: null,
    ...over,
  };
}
const live = (p: Program, retired = false) => ({ program: p, retired });
const query = (over: Partial<MatchQuery> = {}): MatchQuery => ({ categories: ['culture'], today: '2026-12-06', venueDistrict: 'mapo', lastTurn: new Map(), ...over });

describe('programme matching', () => {
  it('keeps to the symptom categories', () => {
    const ps = [live(program('arts-1', { category: 'arts' })), live(program('culture-1')), live(program('sports-1', { category: 'sports' }))];
    expect(rankPrograms(ps, query({ categories: ['culture', 'sports'] })).map((p) => p.id).sort()).toEqual(['culture-1', 'sports-1']);
    expect(pickProgram(ps, query({ categories: ['healing'] }))).toBeNull();
  });

  it('never offers one that ended, has not started, or was retired; first and last days count', () => {
    const ps = [
      live(program('ended', { activeFrom: '2026-01-01', activeUntil: '2026-12-05' })),
      live(program('later', { activeFrom: '2026-12-07' })),
      live(program('retired'), true),
      live(program('last-day', { activeUntil: '2026-12-06' })),
      live(program('first-day', { activeFrom: '2026-12-06' })),
    ];
    expect(rankPrograms(ps, query()).map((p) => p.id).sort()).toEqual(['first-day', 'last-day']);
  });

  it('uses the Seoul date: 23:30 UTC on the 5th is already the 6th in Seoul', () => {
    expect(seoulDate(new Date('2026-12-05T23:30:00Z'))).toBe('2026-12-06');
    expect(seoulDate(new Date('2026-12-05T14:59:00Z'))).toBe('2026-12-05');
  });

  it("prefers the venue's district, then all of Seoul, then other districts", () => {
    const ps = [live(program('gangnam', { district: 'gangnam' })), live(program('citywide', { district: 'seoul' })), live(program('home', { district: 'mapo' }))];
    expect(rankPrograms(ps, query()).map((p) => p.id)).toEqual(['home', 'citywide', 'gangnam']);
    // A nearer programme wins even when it has had more turns.
    expect(pickProgram(ps, query({ lastTurn: new Map([['home', 99]]) }))!.id).toBe('home');
    // No venue district configured: no district is preferred.
    expect(rankPrograms(ps, query({ venueDistrict: null })).map((p) => p.id).sort()).toEqual(['citywide', 'gangnam', 'home']);
  });

  it('takes turns fairly among equals: never-suggested first, then the longest ago', () => {
    const ps = ['a', 'b', 'c'].map((id) => live(program(id)));
    const turns = new Map<string, number>();
    const picks: string[] = [];
    for (let turn = 1; turn <= 9; turn++) {
      const p = pickProgram(ps, query({ lastTurn: turns }))!;
      picks.push(p.id);
      turns.set(p.id, turn);
    }
    expect(picks).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c']);
    // A programme added later gets the next turn rather than waiting for a full round.
    expect(pickProgram([...ps, live(program('d'))], query({ lastTurn: turns }))!.id).toBe('d');
  });

  it('suits the age band when known, and skips what this visitor was already shown', () => {
    const ps = [live(program('youth', { ages: ['youth'] })), live(program('senior', { ages: ['senior', 'middle'] })), live(program('all'))];
    expect(rankPrograms(ps, query({ ageBand: 'senior' })).map((p) => p.id).sort()).toEqual(['all', 'senior']);
    expect(rankPrograms(ps, query()).length).toBe(3);
    expect(rankPrograms(ps, query({ exclude: new Set(['all', 'youth']) })).map((p) => p.id)).toEqual(['senior']);
  });
});
