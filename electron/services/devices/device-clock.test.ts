import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReceiptPrinter } from '../printing/receipt-printer';
import { dateClock, sleep, systemClock, type Clock } from './device-clock';

afterEach(() => vi.useRealTimers());

describe('device clock', () => {
  it('is the one clock: the printer stack and the cabinet both take a Clock', () => {
    type PrinterClock = NonNullable<ConstructorParameters<typeof ReceiptPrinter>[1]['clock']>;
    const asPrinter: PrinterClock = dateClock;
    const asClock: Clock = asPrinter;
    expect(asClock).toBe(dateClock);
  });

  it('dateClock and sleep follow fake timers installed after import', async () => {
    vi.useFakeTimers();
    const t0 = dateClock.now();
    let woke = false;
    const done = sleep(dateClock, 5000).then(() => (woke = true));
    await vi.advanceTimersByTimeAsync(4999);
    expect(woke).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(woke).toBe(true);
    expect(dateClock.now() - t0).toBe(5000);
  });

  it('systemClock is monotonic and its timers can be cleared', async () => {
    const a = systemClock.now();
    let fired = false;
    const h = systemClock.setTimeout(() => (fired = true), 10);
    systemClock.clearTimeout(h);
    await new Promise((r) => setTimeout(r, 30));
    expect(fired).toBe(false);
    expect(systemClock.now()).toBeGreaterThanOrEqual(a);
  });
});
