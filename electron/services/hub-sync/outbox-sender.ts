/**
 * Sends the outbox to the hub in batches, oldest first, and moves the
 * high-water mark to what the hub acknowledges. A new event asks for a send
 * at once (lag stays under a second on a healthy LAN); a failure waits with
 * exponential back-off and jitter (so ten kiosks coming back after a hub
 * restart do not knock together), capped at `maxDelayMs`; a slow poll covers
 * events written by anything that did not ask. While the hub is away the
 * events simply wait in SQLite.
 */
import type { HubCallError } from './hub-client';
import type { Outbox } from './outbox';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export interface OutboxSenderOptions {
  outbox: Outbox;
  post(path: string, body: unknown): Promise<unknown>;
  batchSize?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A send even when nothing asked (events from another process on the same database). */
  pollMs?: number;
  random?: () => number;
  timers?: Timers;
  onError?(err: HubCallError, failures: number, retryInMs: number): void;
}

/** Back-off before the n-th retry: base·2^(n-1) capped, then "equal jitter" (half fixed, half random). */
export function retryDelay(failures: number, baseMs: number, maxMs: number, random: () => number): number {
  const capped = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(capped / 2 + random() * (capped / 2));
}

export class OutboxSender {
  private timer: unknown = null;
  private backingOff = false;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  failures = 0;
  lastError: string | null = null;
  lastSentAt: Date | null = null;

  constructor(private readonly o: OutboxSenderOptions) {}

  private get timers() {
    return this.o.timers ?? realTimers;
  }

  start() {
    this.stopped = false;
    this.kick();
  }

  /** Something was written: send soon (unless waiting out a failure). */
  kick() {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer !== null) {
      if (this.backingOff) return;
      this.timers.clearTimeout(this.timer);
    }
    this.schedule(0, false);
  }

  async stop() {
    this.stopped = true;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Sends until the outbox is empty; resolves when this round ends (tests and shutdown wait on it). */
  flush(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.pump().finally(() => {
      this.running = null;
      if (this.stopped) return;
      if (this.again) {
        this.again = false;
        this.schedule(0, false);
      } else if (this.timer === null) {
        this.schedule(this.o.pollMs ?? 5_000, false);
      }
    });
    return this.running;
  }

  private schedule(ms: number, backingOff: boolean) {
    this.backingOff = backingOff;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.backingOff = false;
      void this.flush();
    }, ms);
  }

  private async pump() {
    const size = this.o.batchSize ?? 1_000;
    try {
      for (;;) {
        const batch = this.o.outbox.next(size);
        if (batch.length === 0) break;
        const events = batch.map((e) => ({ seq: e.kioskSeq, id: e.id, at: e.at, type: e.type, payload: e.payload }));
        const r = (await this.o.post('/v1/events', { events })) as { ackedSeq: number };
        this.o.outbox.ack(Math.min(r.ackedSeq, batch[batch.length - 1].kioskSeq));
        this.lastSentAt = new Date();
        if (batch.length < size) break;
      }
      this.failures = 0;
      this.lastError = null;
    } catch (err) {
      const e = err as HubCallError;
      if (e.code === 'hub.outbox_gap' && typeof e.detail?.ackedSeq === 'number') this.o.outbox.rewind(e.detail.ackedSeq);
      this.failures++;
      this.lastError = e.code ?? String(err);
      const max = this.o.maxDelayMs ?? 60_000;
      // A refused credential will not heal by itself: retry at the slowest pace until staff pair again.
      const delay = e.retryable === false ? max : retryDelay(this.failures, this.o.baseDelayMs ?? 500, max, this.o.random ?? Math.random);
      this.o.onError?.(e, this.failures, delay);
      if (!this.stopped) {
        if (this.timer !== null) this.timers.clearTimeout(this.timer);
        this.again = false;
        this.schedule(delay, true);
      }
    }
  }
}
