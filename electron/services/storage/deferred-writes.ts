/**
 * Writes storage refused for lack of space, kept in memory in order and run
 * again once storage works. Bounded: a kiosk that stays full for hours keeps
 * the most important (oldest) writes and counts what it dropped, rather than
 * growing until the process dies.
 */
import type { Logger } from '../app/logger';

export class DeferredWrites {
  private readonly queue: { what: string; write: () => void }[] = [];
  private dropped = 0;

  constructor(
    private readonly logger: Logger,
    private readonly max = 1_000,
  ) {}

  get size(): number {
    return this.queue.length;
  }

  add(what: string, write: () => void): void {
    if (this.queue.length >= this.max) {
      this.dropped++;
      this.logger.error('deferred write dropped: too many waiting for storage', { what, dropped: this.dropped });
      return;
    }
    this.queue.push({ what, write });
  }

  /** Runs waiting writes oldest first; stops at the first that fails again (still full). True when none is left. */
  flush(): boolean {
    while (this.queue.length > 0) {
      const next = this.queue[0];
      try {
        next.write();
      } catch (err) {
        this.logger.warn('deferred write still refused', { what: next.what, err });
        return false;
      }
      this.queue.shift();
      this.logger.info('deferred write done', { what: next.what });
    }
    return true;
  }
}
