/**
 * The console's live wiring: the services' push events bump a counter per
 * topic, and each panel reloads when one of its topics moves, instead of
 * polling. A reconnect (web host socket back) bumps every topic, so nothing
 * missed while away stays stale. Open crisis alerts are kept here too: they
 * take over the whole console until a person acknowledges them, on this
 * device and every other.
 */
import { create } from 'zustand';
import { api } from '../../api/client';
import type { ConsoleAlert } from '../../../../electron/contract/console-api';
import type { PushEventPayload } from '../../../../electron/contract/events';
import { alertWords } from '../../../../electron/contract/alert-catalog';
import { useConnectionStore } from '../../stores/connection-store';
import { useStaffStore } from './staff-store';

export type LiveTopic = 'alerts' | 'devices' | 'health' | 'queue' | 'bookings' | 'stock' | 'jobs' | 'today' | 'content';
const ALL: LiveTopic[] = ['alerts', 'devices', 'health', 'queue', 'bookings', 'stock', 'jobs', 'today', 'content'];

export interface LiveState {
  ticks: Record<LiveTopic, number>;
  /** Open crisis alerts, oldest first: the takeover shows the first. */
  crises: ConsoleAlert[];
  /** When the last push or catch-up arrived (for "updated" in the header). */
  lastUpdate: number | null;
}

const initial = (): LiveState => ({ ticks: Object.fromEntries(ALL.map((t) => [t, 0])) as Record<LiveTopic, number>, crises: [], lastUpdate: null });
export const useLiveStore = create<LiveState>(initial);

export function bump(topics: LiveTopic[]): void {
  useLiveStore.setState((s) => {
    const ticks = { ...s.ticks };
    for (const t of topics) ticks[t] += 1;
    return { ticks, lastUpdate: Date.now() };
  });
}

/** Asks the services for the open crisis alerts (on login, a crisis push, a reconnect). */
export async function refreshCrises(): Promise<void> {
  const { token } = useStaffStore.getState();
  if (!token) return useLiveStore.setState({ crises: [] });
  const r = await api().call('console.alerts', { token, history: false, limit: 100 });
  if (!r.ok) return;
  const crises = r.value.alerts.filter((a) => a.severity === 'crisis').sort((a, b) => (a.at < b.at ? -1 : 1));
  useLiveStore.setState({ crises });
}

/**
 * A crisis is on screen the moment its push arrives, in the catalog's words
 * (a crisis has no detail to fill in); the full record follows from the services.
 */
function showCrisisNow(p: PushEventPayload<'staff.alert'>): void {
  const { crises } = useLiveStore.getState();
  if (p.closed) return useLiveStore.setState({ crises: crises.filter((c) => c.id !== p.id) });
  if (crises.some((c) => c.id === p.id)) return;
  const now: ConsoleAlert = {
    id: p.id,
    kind: p.kind,
    type: 'crisis',
    severity: 'crisis',
    count: p.count ?? 1,
    at: p.at,
    lastAt: p.lastAt ?? p.at,
    closedAt: null,
    closedReason: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgedLabel: null,
    words: { ko: alertWords('crisis', 'ko', {}), en: alertWords('crisis', 'en', {}) },
  };
  useLiveStore.setState({ crises: [...crises, now] });
}

/** Subscribes to the push events; returns the unsubscribe. Call once while the console is open. */
export function startLive(): () => void {
  const offs = [
    api().on('staff.alert', (p) => {
      bump(['alerts', 'devices']);
      if (p.severity === 'crisis' || p.kind === 'crisis') {
        showCrisisNow(p);
        void refreshCrises();
      }
    }),
    api().on('device.status', () => bump(['devices'])),
    api().on('app.health', () => bump(['health', 'devices'])),
    api().on('console.changed', (p) => bump(p.topics)),
  ];
  let wasConnected = useConnectionStore.getState().connected;
  offs.push(
    useConnectionStore.subscribe((s) => {
      if (s.connected && !wasConnected) {
        // Back after a drop: catch up on everything pushed while away.
        bump(ALL);
        void refreshCrises();
      }
      wasConnected = s.connected;
    }),
  );
  void refreshCrises();
  return () => {
    for (const off of offs) off();
    useLiveStore.setState(initial());
  };
}
