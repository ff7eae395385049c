/**
 * The simulator survives what the issue threw at the old one: eight bytes
 * that look like the start of `GS v`, impossible or truncated images,
 * megabytes of images or text. It never wedges (status answers, later jobs
 * print), never crashes, and holds a bounded amount whatever arrives.
 */
import { describe, expect, it } from 'vitest';
import { encodeCommands, escpos } from '../escpos-commands';
import { paperText, MAX_JOB_DOTS } from '../paper-model';
import { renderPaper } from '../paper-render';
import { PrinterSimCore, MAX_HELD_BYTES, type SimJob } from './printer-sim-core';

const statusQuery = encodeCommands([1, 2, 3, 4].map((n) => escpos.statusRequest(n as 1 | 2 | 3 | 4)));
const job = (text: string) => Buffer.concat([Buffer.from([0x1b, 0x40]), Buffer.from(`${text}\n`), escpos.cut(true).payload]);

function harness() {
  let now = 0;
  const jobs: SimJob[] = [];
  const warnings: string[] = [];
  const core = new PrinterSimCore({ onJob: (j) => jobs.push(j), warn: (m) => warnings.push(m), now: () => now });
  return { core, jobs, warnings, advance: (ms: number) => (now += ms) };
}

describe('printer simulator under hostile input', () => {
  it('is not wedged by the eight bytes 1d 76 41 42 43 44 45 46: status answers and the next job prints', () => {
    const { core, jobs, warnings } = harness();
    expect(core.receive(Buffer.from([0x1d, 0x76, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46])).length).toBe(0);
    expect(core.receive(statusQuery)).toHaveLength(4);
    core.receive(job('after the noise'));
    expect(paperText(jobs.at(-1)!.items)).toContain('after the noise');
    expect(warnings.join()).toMatch(/GS v followed by 0x41/);
  });

  it('skips a GS v 0 wider than any head or taller than a bound, with a warning, and resynchronises', () => {
    const { core, jobs, warnings } = harness();
    core.receive(Buffer.from([0x1d, 0x76, 0x30, 0x00, 0xfa, 0x00, 0x10, 0x00])); // 2000 dots wide
    core.receive(Buffer.from([0x1d, 0x76, 0x30, 0x00, 0x48, 0x00, 0xff, 0xff])); // 65535 rows
    core.receive(job('still printing'));
    expect(warnings.filter((w) => /impossible for the paper/.test(w))).toHaveLength(2);
    expect(paperText(jobs.at(-1)!.items)).toContain('still printing');
  });

  it('drops a truncated image once the slowest line could have delivered it, then prints and answers again', () => {
    const { core, jobs, warnings, advance } = harness();
    // 72 bytes × 100 rows announced, 10 sent.
    core.receive(Buffer.concat([Buffer.from([0x1d, 0x76, 0x30, 0x00, 0x48, 0x00, 0x64, 0x00]), Buffer.alloc(10, 0xff)]));
    advance(60_000);
    expect(core.receive(statusQuery)).toHaveLength(4);
    core.receive(job('after the truncated image'));
    expect(paperText(jobs.at(-1)!.items)).toContain('after the truncated image');
    expect(warnings.join()).toMatch(/dropped an incomplete command/);
  });

  it('splits one 10 MiB line into bounded jobs instead of holding it', () => {
    const { core, jobs } = harness();
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    let most = 0;
    for (let i = 0; i < 10; i++) {
      core.receive(chunk);
      for (const j of jobs.splice(0)) most = Math.max(most, j.items.length);
    }
    core.receive(escpos.cut(true).payload);
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(MAX_JOB_DOTS / 30 + 2);
    expect(core.receive(statusQuery)).toHaveLength(4);
  });

  it('holds at most MAX_HELD_BYTES while paper is out, and prints what it kept when paper is back', () => {
    const { core, jobs, warnings } = harness();
    core.setFaults({ paperOut: true });
    const band = Buffer.concat([Buffer.from([0x1d, 0x76, 0x30, 0x00, 0x48, 0x00, 0xff, 0x00]), Buffer.alloc(72 * 255, 0x55)]);
    for (let i = 0; i < Math.ceil((MAX_HELD_BYTES * 2) / band.length); i++) core.receive(band);
    expect(warnings.join()).toMatch(/buffer full/);
    core.receive(escpos.cut(true).payload);
    core.setFaults({ paperOut: false });
    const held = jobs.flatMap((j) => j.items).filter((i) => i.kind === 'raster').length;
    expect(held * 72 * 255).toBeLessThanOrEqual(MAX_HELD_BYTES);
    expect(held).toBeGreaterThan(0);
  });

  it('renders a job whose QR data no QR code can hold, instead of crashing', () => {
    const { core, jobs } = harness();
    core.receive(Buffer.concat([escpos.qr('x'.repeat(4000), 4).payload, escpos.cut(true).payload]));
    expect(jobs).toHaveLength(1);
    expect(renderPaper(jobs[0].items, 576).subarray(1, 4).toString()).toBe('PNG');
  });
});
