/**
 * The frame monitor as a stream: new frames go out as `vending.frames` push
 * events, a batch at most every `batchMs`, while a maintenance screen is
 * watching. Reading the frames (`vending.staffFrames`) takes a lease of
 * `leaseMs`, which the screen renews; with nobody watching, nothing is pushed
 * (a quiet kiosk sends nothing, and visitors' screens never receive frames
 * nobody reads).
 */
import type { PushEvent } from '../../contract/events';
import type { FrameEntry, FrameRing } from './frame-ring';

export const FRAME_LEASE_MS = 60_000;

export interface FrameStream {
  /** A watcher read the frames: push new ones for the lease's length. */
  watch(): void;
  stop(): void;
}

export function startFrameStream(ring: FrameRing, push: (e: PushEvent) => void, opts: { batchMs?: number; leaseMs?: number; now?: () => number } = {}): FrameStream {
  const batchMs = opts.batchMs ?? 250;
  const leaseMs = opts.leaseMs ?? FRAME_LEASE_MS;
  const now = opts.now ?? Date.now;
  let watchedUntil = 0;
  let pending: FrameEntry[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    if (pending.length === 0) return;
    const frames = pending;
    pending = [];
    push({ name: 'vending.frames', payload: { frames } });
  };
  const off = ring.subscribe((f) => {
    if (now() > watchedUntil) return;
    pending.push(f);
    timer ??= setTimeout(flush, batchMs);
  });
  return {
    watch: () => {
      watchedUntil = now() + leaseMs;
    },
    stop: () => {
      off();
      if (timer) clearTimeout(timer);
      timer = null;
      pending = [];
    },
  };
}
