/**
 * One chaos run as data, drawn from a seed: the visits (Mind Pharmacy or
 * check-in), and the faults injected at random points inside them (printer,
 * vending board, SIGKILL of the host). The same seed gives the same plan, so
 * a broken invariant can be replayed with `--seed`. Pure: no I/O, no clock.
 */
import { draw, type Draw } from './seeded-random';

export const PRINTER_FAULTS = [
  'paper_out',
  'near_end',
  'cover_open',
  'cutter_error',
  'offline',
  'drop_mid_job',
  'refuse',
  'hang',
  'slow_link',
] as const;
export const VENDING_FAULTS = [
  'door_open',
  'jam',
  'empty',
  'drop_sensor',
  'silent',
  'slow_board',
  'lost_replies',
  'nak_storm',
  'line_noise',
  'power_cycle',
  'txn_memory_loss',
] as const;
export type PrinterFault = (typeof PRINTER_FAULTS)[number];
export type VendingFault = (typeof VENDING_FAULTS)[number];
export type FaultKind = PrinterFault | VendingFault | 'sigkill';
export const ALL_FAULTS: readonly FaultKind[] = [...PRINTER_FAULTS, ...VENDING_FAULTS, 'sigkill'];

export interface FaultStep {
  kind: FaultKind;
  /** Which visit it strikes (0-based). */
  visit: number;
  /** Milliseconds after that visit's first call. */
  atMs: number;
  /** How long a lasting fault stays before "staff" clear it (0: one-shot). */
  forMs: number;
  /** Fault-specific numbers: a slot, a count, a byte offset, a delay. */
  n: number;
  /** SIGKILL only: the visitor's screen sends the same request again after the restart. */
  resend?: boolean;
}

export interface VisitPlan {
  flow: 'pharmacy' | 'store';
  /** Concurrent taps on the final button (a tap storm sends the same request id). */
  taps: number;
  /** Store: the visitor agrees to be remembered (nickname, phone, self-check). */
  consent: boolean;
  /** Store: talk now (queue) or book a later slot. */
  talk: 'now' | 'book';
  language: 'ko' | 'en';
}

export interface RunPlan {
  seed: number;
  visits: VisitPlan[];
  faults: FaultStep[];
}

export interface PlanOptions {
  visits?: number;
  /** Faults per run, not counting the SIGKILL. */
  faults?: [min: number, max: number];
  /** Chance that a run kills the host once. */
  killChance?: number;
}

/** Lasting faults get a duration; the rest act once. */
const LASTING = new Set<FaultKind>([
  'paper_out', 'near_end', 'cover_open', 'cutter_error', 'offline', 'refuse', 'hang', 'slow_link',
  'door_open', 'drop_sensor', 'silent', 'slow_board',
]);

export function planRun(seed: number, opts: PlanOptions = {}): RunPlan {
  const d = draw(seed);
  const count = opts.visits ?? 3;
  const visits: VisitPlan[] = Array.from({ length: count }, () => ({
    flow: d.chance(0.6) ? 'pharmacy' : 'store',
    taps: d.chance(0.2) ? d.int(2, 4) : 1,
    consent: d.chance(0.6),
    talk: d.chance(0.5) ? 'now' : 'book',
    language: d.chance(0.8) ? 'ko' : 'en',
  }));
  const [min, max] = opts.faults ?? [1, 3];
  const faults: FaultStep[] = [];
  const n = d.int(min, max);
  for (let i = 0; i < n; i++) faults.push(step(d, d.pick(ALL_FAULTS.filter((k) => k !== 'sigkill')), count));
  if (d.chance(opts.killChance ?? 0.4)) faults.push({ ...step(d, 'sigkill', count), resend: d.chance(0.5) });
  faults.sort((a, b) => a.visit - b.visit || a.atMs - b.atMs);
  return { seed, visits, faults };
}

function step(d: Draw, kind: FaultKind, visits: number): FaultStep {
  return {
    kind,
    visit: d.int(0, visits - 1),
    // Early in a visit is where the calls are: the first 1.5 s covers the slip and the vend.
    atMs: kind === 'sigkill' ? d.int(0, 1200) : d.int(0, 900),
    forMs: LASTING.has(kind) ? d.int(200, 2000) : 0,
    n: d.int(0, 1_000_000),
  };
}

/** Faults of a plan by kind, for the report. */
export function countKinds(plan: RunPlan): Partial<Record<FaultKind, number>> {
  const out: Partial<Record<FaultKind, number>> = {};
  for (const f of plan.faults) out[f.kind] = (out[f.kind] ?? 0) + 1;
  return out;
}
