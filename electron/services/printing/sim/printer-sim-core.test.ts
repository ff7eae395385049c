import { describe, expect, it } from 'vitest';
import { encodeCommands, escpos } from '../escpos-commands';
import { paperText } from '../paper-model';
import { profileFor } from '../printer-profiles';
import { parseSlipDocument } from '../slip-document';
import { encodeSlip } from '../slip-encoder';
import { PrinterSimCore, type SimJob } from './printer-sim-core';

const statusQuery = encodeCommands([1, 2, 3, 4].map((n) => escpos.statusRequest(n as 1 | 2 | 3 | 4)));
const slip = encodeSlip(parseSlipDocument({ blocks: [{ type: 'text', text: '안녕하세요 Hello' }] }), {
  mode: 'text',
  profile: profileFor(576),
  partialCut: true,
}).bytes;

describe('printer simulator core', () => {
  it('answers DLE EOT 1..4 with the injected faults', () => {
    const core = new PrinterSimCore();
    expect([...core.receive(statusQuery)]).toEqual([0x12, 0x12, 0x12, 0x12]);
    core.setFaults({ paperOut: true });
    expect([...core.receive(statusQuery)]).toEqual([0x1a, 0x32, 0x12, 0x7e]);
    core.setFaults({ paperOut: false, coverOpen: true });
    expect([...core.receive(statusQuery)]).toEqual([0x1a, 0x16, 0x12, 0x12]);
    core.setFaults({ coverOpen: false, cutterError: true });
    expect([...core.receive(statusQuery)]).toEqual([0x1a, 0x52, 0x1a, 0x12]);
    core.setFaults({ cutterError: false, nearEnd: true });
    expect([...core.receive(statusQuery)]).toEqual([0x12, 0x12, 0x12, 0x1e]);
    core.setFaults({ noResponse: true });
    expect(core.receive(statusQuery).length).toBe(0);
  });

  it('decodes a job split into one-byte chunks the same as in one piece', () => {
    const jobs: SimJob[] = [];
    const core = new PrinterSimCore({ onJob: (j) => jobs.push(j) });
    for (const b of slip) core.receive(Buffer.from([b]));
    core.receive(slip);
    expect(jobs).toHaveLength(2);
    expect(paperText(jobs[0].items)).toBe(paperText(jobs[1].items));
    expect(paperText(jobs[0].items)).toContain('안녕하세요 Hello');
  });

  it('holds data while the cover is open and prints it when closed, answering status meanwhile', () => {
    const jobs: SimJob[] = [];
    const core = new PrinterSimCore({ onJob: (j) => jobs.push(j) });
    core.setFaults({ coverOpen: true });
    const reply = core.receive(Buffer.concat([slip, statusQuery]));
    expect([...reply]).toEqual([0x1a, 0x16, 0x12, 0x12]);
    expect(jobs).toHaveLength(0);
    core.setFaults({ coverOpen: false });
    expect(jobs).toHaveLength(1);
  });

  it('shows UTF-8 sent without Korean mode as the garbage a printer would print', () => {
    const jobs: SimJob[] = [];
    const core = new PrinterSimCore({ onJob: (j) => jobs.push(j) });
    core.receive(Buffer.concat([Buffer.from('안녕\n', 'utf8'), escpos.cut(true).payload]));
    expect(paperText(jobs[0].items)).not.toContain('안녕');
  });

  it('answers GS r 1 and GS ( H in sequence: only after the bytes before them are processed', () => {
    const jobs: SimJob[] = [];
    const later: Buffer[] = [];
    const core = new PrinterSimCore({ onJob: (j) => jobs.push(j) });
    const conn = core.connect((b) => later.push(b), () => {});
    expect([...conn.receive(Buffer.concat([slip, Buffer.from([0x1d, 0x72, 0x01])]))]).toEqual([0x00]);
    expect(jobs).toHaveLength(1);
    core.setFaults({ coverOpen: true });
    const pid = Buffer.from([0x1d, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30, 0x31, 0x32, 0x33, 0x34]);
    // Held with the job: DLE EOT still answers, the process ID waits for the cover.
    expect([...conn.receive(Buffer.concat([slip, pid, statusQuery]))]).toEqual([0x1a, 0x16, 0x12, 0x12]);
    expect(later).toHaveLength(0);
    core.setFaults({ coverOpen: false });
    expect(jobs).toHaveLength(2);
    expect([...Buffer.concat(later)]).toEqual([0x37, 0x22, 0x31, 0x32, 0x33, 0x34, 0x00]);
  });

  it('drops a connection after dropAfterBytes of a job; what it got ends as its own uncut job', () => {
    const jobs: SimJob[] = [];
    const core = new PrinterSimCore({ onJob: (j) => jobs.push(j) });
    core.setFaults({ dropAfterBytes: 20 });
    let dropped = 0;
    const conn = core.connect(() => {}, () => dropped++);
    conn.receive(statusQuery); // status before the job does not count
    conn.receive(Buffer.concat([slip, Buffer.from([0x1d, 0x72, 0x01])]));
    expect(dropped).toBe(1);
    expect(conn.closed).toBe(true);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].uncut).toBe(true);
    expect(paperText(jobs[0].items)).not.toContain('cut ---');
    // The next connection's job is whole once the knob is off, not joined to the dropped one.
    core.setFaults({ dropAfterBytes: null });
    core.connect(() => {}, () => {}).receive(slip);
    expect(jobs).toHaveLength(2);
    expect(paperText(jobs[1].items)).toContain('partial cut');
  });

  it('ends the job of a connection closed without a cut, not joining it to the next', () => {
    const jobs: SimJob[] = [];
    const core = new PrinterSimCore({ onJob: (j) => jobs.push(j) });
    const a = core.connect(() => {}, () => {});
    a.receive(Buffer.from('first job\n'));
    a.end();
    core.connect(() => {}, () => {}).receive(Buffer.concat([Buffer.from('second job\n'), escpos.cut(true).payload]));
    expect(jobs.map((j) => paperText(j.items).trim().split('\n')[0])).toEqual(['first job', 'second job']);
  });

  it('answers ESC v and GS I as a real printer does, in sequence', () => {
    const core = new PrinterSimCore();
    expect([...core.receive(Buffer.from([0x1b, 0x76]))]).toEqual([0x00]);
    core.setFaults({ nearEnd: true });
    expect([...core.receive(Buffer.from([0x1b, 0x76]))]).toEqual([0x03]);
    expect([...core.receive(Buffer.from([0x1d, 0x49, 0x01]))]).toEqual([0x20]);
    const model = core.receive(Buffer.from([0x1d, 0x49, 67]));
    expect(model[0]).toBe(0x5f);
    expect(model.at(-1)).toBe(0x00);
    expect(model.subarray(1, -1).toString('latin1')).toBe('ITDA-SIM-80');
  });
});
