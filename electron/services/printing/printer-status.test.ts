import { describe, expect, it } from 'vitest';
import { decodeStatus, describeStatus, isStatusByte, notRespondingStatus } from './printer-status';

const at = new Date('2026-01-01T00:00:00Z');
const ok: [number, number, number, number] = [0x12, 0x12, 0x12, 0x12];
const decode = (raw: [number, number, number, number]) => decodeStatus(raw, 'sim', at);

describe('DLE EOT status decoding', () => {
  it('reads an idle printer as ok and ready', () => {
    const s = decode(ok);
    expect(s).toMatchObject({ state: 'ok', online: true, paperOut: false, coverOpen: false, faults: [], warnings: [] });
    expect(describeStatus(s)).toEqual(['정상입니다 — 인쇄할 수 있습니다 / OK: ready to print']);
  });

  // One row per bit a technician cares about: [which reply, bit, what it means].
  const table: [string, [number, number, number, number], Partial<ReturnType<typeof decode>>, string[]][] = [
    ['n=1 bit 3: offline', [0x1a, 0x12, 0x12, 0x12], { online: false }, ['printer.offline']],
    ['n=2 bit 2: cover open', [0x1a, 0x16, 0x12, 0x12], { coverOpen: true, online: false }, ['printer.cover_open']],
    ['n=2 bit 5: stopped by paper end', [0x1a, 0x32, 0x12, 0x12], { paperOut: true }, ['printer.paper_out']],
    ['n=2 bit 6: error occurred', [0x1a, 0x52, 0x12, 0x12], {}, ['printer.recoverable_error']],
    ['n=3 bit 2: mechanical error', [0x1a, 0x52, 0x16, 0x12], {}, ['printer.recoverable_error']],
    ['n=3 bit 3: autocutter error', [0x1a, 0x52, 0x1a, 0x12], { cutterError: true }, ['printer.cutter_error']],
    ['n=3 bit 5: unrecoverable error', [0x1a, 0x52, 0x32, 0x12], { unrecoverableError: true }, ['printer.unrecoverable_error']],
    ['n=3 bit 6: auto-recoverable error', [0x1a, 0x52, 0x52, 0x12], {}, ['printer.recoverable_error']],
    ['n=4 bits 5,6: paper end sensor', [0x1a, 0x32, 0x12, 0x72], { paperOut: true }, ['printer.paper_out']],
    ['n=4 bits 2,3: near end only', [0x12, 0x12, 0x12, 0x1e], { paperNearEnd: true, paperOut: false }, []],
  ];
  it.each(table)('%s', (_name, raw, fields, faults) => {
    const s = decode(raw);
    expect(s).toMatchObject(fields);
    expect(s.faults).toEqual(faults);
    expect(s.state).toBe(faults.length ? 'fault' : 'ok');
  });

  it('reports near end as a warning that still prints', () => {
    const s = decode([0x12, 0x12, 0x12, 0x1e]);
    expect(s.warnings).toEqual(['printer.paper_near_end']);
    expect(describeStatus(s)[1]).toMatch(/용지가 곧 떨어집니다/);
  });

  it('lists paper out first when several faults stop the printer', () => {
    const s = decode([0x1a, 0x36, 0x12, 0x7e]);
    expect(s.faults).toEqual(['printer.paper_out', 'printer.cover_open']);
    expect(describeStatus(s)[0]).toBe('용지가 없습니다 — 용지를 넣어 주세요 / Paper out: load paper');
  });

  it('treats no answer as not responding, never ok', () => {
    const s = notRespondingStatus('tcp://10.0.0.5:9100', at);
    expect(s.state).toBe('not_responding');
    expect(s.faults).toEqual(['printer.not_responding']);
    expect(s.online).toBeNull();
  });

  it('tells status bytes from noise by the fixed bits', () => {
    expect(isStatusByte(0x12)).toBe(true);
    expect(isStatusByte(0x7e)).toBe(true);
    expect(isStatusByte(0x00)).toBe(false);
    expect(isStatusByte(0x13)).toBe(false);
    expect(isStatusByte(0x92)).toBe(false);
  });
});
