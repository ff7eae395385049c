import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PushEvent } from '../../contract/events';
import { FrameRing } from './frame-ring';
import { startFrameStream } from './frame-stream';

const frame = (n: number) => ({ at: n, dir: 'tx' as const, bytes: Uint8Array.of(0xfa, 0xfb, n) });

describe('frame stream (the maintenance frame monitor)', () => {
  let now = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    now = 1_000;
  });
  afterEach(() => vi.useRealTimers());

  it('pushes nothing while nobody watches, then new frames in batches for the lease, then stops', () => {
    const ring = new FrameRing();
    const pushed: PushEvent[] = [];
    const stream = startFrameStream(ring, (e) => pushed.push(e), { batchMs: 250, leaseMs: 60_000, now: () => now });
    ring.push(frame(1));
    vi.advanceTimersByTime(1_000);
    expect(pushed).toEqual([]);

    stream.watch();
    ring.push(frame(2));
    ring.push(frame(3));
    vi.advanceTimersByTime(250);
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject({ name: 'vending.frames', payload: { frames: [{ seq: 2, hex: 'fa fb 02' }, { seq: 3, hex: 'fa fb 03' }] } });

    now += 60_001; // the lease lapsed: the monitor was closed
    ring.push(frame(4));
    vi.advanceTimersByTime(1_000);
    expect(pushed).toHaveLength(1);
    // The backlog still has every frame for the next reader.
    expect(ring.since(0).map((f) => f.seq)).toEqual([1, 2, 3, 4]);
    stream.stop();
  });

  it('stop drops a batch not yet sent', () => {
    const ring = new FrameRing();
    const pushed: PushEvent[] = [];
    const stream = startFrameStream(ring, (e) => pushed.push(e), { now: () => now });
    stream.watch();
    ring.push(frame(1));
    stream.stop();
    vi.advanceTimersByTime(1_000);
    expect(pushed).toEqual([]);
  });
});
