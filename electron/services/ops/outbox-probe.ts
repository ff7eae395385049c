/**
 * The `/healthz` line of the venue hub's outbox (when a hub is configured):
 * how many events wait and since when. A lagging or unpaired link is a
 * warning, never "not serving": visitors are served without the hub, and the
 * outbox keeps every event until the hub has it.
 */
import type { HealthProbe } from './operations';

export interface OutboxView {
  outbox: { lag(): { events: number; oldestAt: string | null } };
  paired(): boolean;
}

/** Past this age the oldest waiting event is worth a technician's look. */
export const OUTBOX_LAG_WARN_MS = 10 * 60_000;

export function outboxProbe(hub: OutboxView, now: () => number = Date.now): () => HealthProbe {
  return () => {
    const lag = hub.outbox.lag();
    const paired = hub.paired();
    const lagMs = lag.oldestAt ? Math.max(0, now() - Date.parse(lag.oldestAt)) : 0;
    const detail = { paired, events: lag.events, lagSeconds: Math.round(lagMs / 1000) };
    if (!paired) return { serving: true, reason: 'not paired with the hub', detail };
    if (lag.events > 0 && lagMs > OUTBOX_LAG_WARN_MS) return { serving: true, reason: `${lag.events} events waiting for ${Math.round(lagMs / 60_000)} min`, detail };
    return { serving: true, detail };
  };
}
