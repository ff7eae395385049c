/**
 * Fuzzing the simulator (fast-check): random bytes and mutated real jobs
 * (flipped, inserted, deleted and truncated bytes of raster, text and
 * hybrid slips), fed in random chunk sizes. After each input, once the
 * slowest line's time has passed, the printer must answer `DLE EOT`, print
 * a clean job, render every job it printed, and hold no more than one
 * bounded command. Bounded runs here (`ITDA_FUZZ_RUNS` for a longer one).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCommands, escpos } from '../escpos-commands';
import { MAX_IMAGE_ROWS, MAX_IMAGE_WIDTH_DOTS } from '../escpos-images';
import { paperText } from '../paper-model';
import { renderPaper } from '../paper-render';
import { profileFor } from '../printer-profiles';
import { parseSlipDocument } from '../slip-document';
import { encodeSlip } from '../slip-encoder';
import { PrinterSimCore, type SimJob } from './printer-sim-core';

const RUNS = Number(process.env.ITDA_FUZZ_RUNS ?? 150);
const statusQuery = encodeCommands([1, 2, 3, 4].map((n) => escpos.statusRequest(n as 1 | 2 | 3 | 4)));
const probe = Buffer.concat([Buffer.from([0x1b, 0x40]), Buffer.from('probe line\n'), escpos.cut(true).payload]);

const doc = parseSlipDocument({
  blocks: [
    { type: 'title', text: '마음 처방전' },
    { type: 'pair', left: '처방번호', right: 'RX-1' },
    { type: 'text', text: '오늘 하루도 수고 많았어요 — Thank you' },
    { type: 'qr', data: 'https://itda.seoul.go.kr/rx/1', module: 4 },
  ],
});
const p58 = profileFor(384);
const seeds = (['raster', 'text', 'hybrid'] as const).map((mode) => encodeSlip(doc, { mode, profile: p58, partialCut: true }).bytes);

/** A real job with a few random edits. */
const mutatedJob = fc
  .tuple(
    fc.constantFrom(...seeds),
    fc.array(fc.tuple(fc.constantFrom('flip', 'insert', 'delete', 'truncate'), fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
  )
  .map(([seed, edits]) => {
    let b = Buffer.from(seed);
    for (const [kind, at, byte] of edits) {
      const i = at % Math.max(1, b.length);
      if (kind === 'flip') b[i] = byte;
      else if (kind === 'insert') b = Buffer.concat([b.subarray(0, i), Buffer.from([byte]), b.subarray(i)]);
      else if (kind === 'delete') b = Buffer.concat([b.subarray(0, i), b.subarray(i + 1)]);
      else b = b.subarray(0, i);
    }
    return b;
  });

/** Random bytes, biased toward command introducers so commands (not text) get exercised. */
const randomBytes = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x1b, 0x1d, 0x1c, 0x10, 0x0a, 0x76, 0x28, 0x2a, 0x6b, 0x38)), { maxLength: 3000 })
  .map((a) => Buffer.from(a));

function feed(input: Buffer, chunkSizes: number[]) {
  let now = 0;
  const jobs: SimJob[] = [];
  const core = new PrinterSimCore({ onJob: (j) => jobs.push(j), widthDots: 384, now: () => now });
  const conn = core.connect(() => {}, () => {});
  let i = 0;
  let k = 0;
  while (i < input.length) {
    const n = Math.max(1, chunkSizes[k++ % chunkSizes.length] ?? 64);
    conn.receive(input.subarray(i, i + n));
    i += n;
    now += 5;
  }
  now += 10 * 60_000; // longer than any half command may wait
  return { core, conn, jobs };
}

function checkStillAPrinter(input: Buffer, chunkSizes: number[]) {
  const { conn, jobs } = feed(input, chunkSizes);
  for (const j of jobs) renderPaper(j.items, 384);
  expect(conn.receive(statusQuery)).toHaveLength(4);
  const before = jobs.length;
  conn.receive(probe);
  expect(jobs.length).toBeGreaterThan(before);
  expect(paperText(jobs.at(-1)!.items)).toContain('probe line');
}

describe('printer simulator fuzz', () => {
  it('mutated real jobs: no hang, no crash, status answers and the next job prints', () => {
    fc.assert(
      fc.property(mutatedJob, fc.array(fc.integer({ min: 1, max: 4096 }), { minLength: 1, maxLength: 6 }), (input, sizes) => checkStillAPrinter(input, sizes)),
      { numRuns: RUNS, seed: Number(process.env.ITDA_FUZZ_SEED ?? 16) },
    );
  }, 300_000);

  it('random bytes: no hang, no crash, status answers and the next job prints', () => {
    fc.assert(
      fc.property(randomBytes, fc.array(fc.integer({ min: 1, max: 512 }), { minLength: 1, maxLength: 6 }), (input, sizes) => checkStillAPrinter(input, sizes)),
      { numRuns: RUNS, seed: Number(process.env.ITDA_FUZZ_SEED ?? 16) },
    );
  }, 300_000);

  it('no growth: a long random stream leaves at most one bounded command pending', () => {
    const rng = fc.sample(randomBytes, { numRuns: 300, seed: 7 });
    let now = 0;
    const core = new PrinterSimCore({ onJob: () => {}, widthDots: 384, now: () => now });
    const conn = core.connect(() => {}, () => {});
    let most = 0;
    for (const chunk of rng) {
      conn.receive(chunk);
      most = Math.max(most, conn.pendingBytes);
      now += 60_000;
    }
    // One GS v 0 of the largest size the parser accepts, and its header.
    expect(most).toBeLessThanOrEqual(8 + (MAX_IMAGE_WIDTH_DOTS / 8) * MAX_IMAGE_ROWS + 16);
    expect(conn.receive(statusQuery)).toHaveLength(4);
  }, 300_000);
});
