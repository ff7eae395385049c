/**
 * Whether the kiosk can serve visitors. Storage failures (corrupt or
 * unwritable database, full disk) put it out of service: visitors see a kind
 * "staff have been notified" screen, the log gets one clear line, and
 * nothing already written is touched.
 */
import type { Health } from '../../contract/events';
import type { Logger } from './logger';

export class HealthMonitor {
  private state: Health = { status: 'ok', reason: null, detail: null };
  private readonly listeners = new Set<(h: Health) => void>();

  constructor(private readonly logger: Logger) {}

  get current(): Health {
    return this.state;
  }

  get ok(): boolean {
    return this.state.status === 'ok';
  }

  /** Marks the kiosk out of service (first reason wins: it is the root cause). */
  fail(reason: string, detail: string): void {
    if (this.state.status === 'out_of_service') return;
    this.state = { status: 'out_of_service', reason, detail };
    this.logger.error(`OUT OF SERVICE: ${reason}: ${detail}`, { reason });
    for (const l of this.listeners) l(this.state);
  }

  /** Back in service, after staff fixed the cause (for example freed disk space). */
  recover(): void {
    if (this.state.status === 'ok') return;
    this.state = { status: 'ok', reason: null, detail: null };
    this.logger.info('back in service');
    for (const l of this.listeners) l(this.state);
  }

  subscribe(listener: (h: Health) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
