/**
 * Which programme a visitor is offered: pure, so every rule is a unit test.
 *
 * 1. Only programmes running today (Seoul date, first and last day included)
 *    and not retired: a slip must never send someone to a programme that
 *    ended or has not started.
 * 2. Only the symptom's categories.
 * 3. When the visitor's age band is known, only programmes for that band
 *    (or for everyone).
 * 4. Nearest first: the venue's own 자치구, then programmes open to all of
 *    Seoul, then other districts. A nearer match always wins.
 * 5. Among equals, turns: the one suggested longest ago (never first, then by
 *    the kiosk-wide turn counter), so every matching programme gets its
 *    share; the counter is stored, so a restart does not reset who is next.
 */
import type { Program } from '../../contract/connect-api';
import type { AgeBand, ProgramCategory } from '../../contract/connect-lists';

export interface MatchCandidate {
  program: Program;
  retired: boolean;
}

export interface MatchQuery {
  categories: readonly ProgramCategory[];
  /** Today in Seoul, `YYYY-MM-DD`. */
  today: string;
  venueDistrict: string | null;
  ageBand?: AgeBand | null;
  /** Programme id → the turn it was last suggested on (absent: never). */
  lastTurn: ReadonlyMap<string, number>;
  /** Already shown to this visitor. */
  exclude?: ReadonlySet<string>;
}

export function runsOn(p: Program, today: string): boolean {
  return p.activeFrom <= today && (p.activeUntil === null || today <= p.activeUntil);
}

/** 0: the venue's district; 1: all of Seoul; 2: elsewhere. */
function distance(p: Program, venueDistrict: string | null): number {
  if (venueDistrict !== null && p.district === venueDistrict) return 0;
  if (p.district === 'seoul') return 1;
  return venueDistrict === null ? 1 : 2;
}

/** Every eligible programme, best first; the first is the one to suggest. */
export function rankPrograms(candidates: readonly MatchCandidate[], q: MatchQuery): Program[] {
  const eligible = candidates
    .filter((c) => !c.retired && runsOn(c.program, q.today))
    .map((c) => c.program)
    .filter((p) => q.categories.includes(p.category))
    .filter((p) => !q.ageBand || p.ages.length === 0 || p.ages.includes(q.ageBand))
    .filter((p) => !q.exclude?.has(p.id));
  const turn = (p: Program) => q.lastTurn.get(p.id) ?? -1;
  return eligible.sort((a, b) => distance(a, q.venueDistrict) - distance(b, q.venueDistrict) || turn(a) - turn(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function pickProgram(candidates: readonly MatchCandidate[], q: MatchQuery): Program | null {
  return rankPrograms(candidates, q)[0] ?? null;
}

/** `YYYY-MM-DD` of an instant in Seoul, whatever the machine's zone. */
export function seoulDate(at: Date): string {
  return new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

export type ProgramState = 'active' | 'upcoming' | 'ended' | 'retired';
export function programState(p: Program, retired: boolean, today: string): ProgramState {
  if (retired) return 'retired';
  if (today < p.activeFrom) return 'upcoming';
  if (p.activeUntil !== null && today > p.activeUntil) return 'ended';
  return 'active';
}
