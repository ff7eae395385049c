import { describe, expect, it } from 'vitest';
import { ackBudgetMs, ackCommand, AckMatcher, processIdDigits } from './print-ack';

describe('end-of-job acknowledgement', () => {
  it('appends GS r 1 or GS ( H with the job id in digits', () => {
    expect([...ackCommand('transmit-status', 7)]).toEqual([0x1d, 0x72, 0x01]);
    expect([...ackCommand('process-id', 42)]).toEqual([0x1d, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30, 0x30, 0x30, 0x34, 0x32]);
    expect(processIdDigits(12_345)).toEqual([0x32, 0x33, 0x34, 0x35]);
  });

  it('takes a GS r reply but never a DLE EOT reply for it', () => {
    const m = new AckMatcher('transmit-status', 0);
    expect(m.feed(Buffer.from([0x12, 0x16, 0x1a, 0x7e]))).toBe(false);
    expect(m.feed(Buffer.from([0x03]))).toBe(true);
    expect(m.sensor).toBe(0x03);
  });

  it('matches its own process id split over chunks, not an earlier job\'s', () => {
    const m = new AckMatcher('process-id', 8);
    expect(m.feed(Buffer.from([0x37, 0x22, 0x30, 0x30, 0x30, 0x37, 0x00]))).toBe(false);
    expect(m.feed(Buffer.from([0x12, 0x37, 0x22, 0x30]))).toBe(false);
    expect(m.feed(Buffer.from([0x30, 0x30]))).toBe(false);
    expect(m.feed(Buffer.from([0x38, 0x00]))).toBe(true);
  });

  it('budgets the wire time at the line speed plus the printer time', () => {
    // 54,035 bytes at 19200 baud is 28.1 s on the wire: never given up after 4 s.
    expect(ackBudgetMs(54_035, { baudRate: 19_200 }, 5000)).toBe(28_144 + 5000);
    expect(ackBudgetMs(1920, { baudRate: 19_200 }, 0)).toBe(1000);
    expect(ackBudgetMs(54_035, { baudRate: null }, 8000)).toBe(8000);
  });
});
