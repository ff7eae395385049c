/**
 * The console's live wiring: the services' push events bump a counter per
 * topic, and each panel reloads when one of its topics moves, instead of
 * polling. A reconnect (web host socket back) bumps every topic, so nothing
 * missed while away stays stale. Open crisis alerts are kept here too: they
 * take over the whole console until a person acknowledges them, on this
 * device and every other. The crisis watch belongs to the device, not the
 * session: a console logged out for idleness still takes over (and asks for
 * a PIN to acknowledge).
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
  /** A crisis someone chose to acknowledge on a logged-out console: acknowledged once their PIN is in. */
  ackAfterLogin: string | null;
}

const initial = (): LiveState => ({ ticks: Object.fromEntries(ALL.map((t) => [t, 0])) as Record<LiveTopic, number>, crises: [], lastUpdate: null, ackAfterLogin: null });
export const useLiveStore = create<LiveState>(initial);

export function bump(topics: LiveTopic[]): void {
  useLiveStore.setState((s) => {
    const ticks = { ...s.ticks };
    for (const t of topics) ticks[t] += 1;
    return { ticks, lastUpdate: Date.now() };
  });
}

/**
 * Asks the services for the open crisis alerts (on login and logout, a crisis
 * push, a reconnect): the full record with a session, ids and times without one.
 */
export async function refreshCrises(): Promise<void> {
  const { token } = useStaffStore.getState();
  let crises: ConsoleAlert[];
  if (token) {
    const r = await api().call('console.alerts', { token, history: false, limit: 100 });
    if (!r.ok) return;
    crises = r.value.alerts.filter((a) => a.severity === 'crisis');
  } else {
    const r = await api().call('console.openCrises', {});
    if (!r.ok) return;
    crises = r.value.crises.map((c) => crisisAlert({ ...c }));
  }
  const ack = useLiveStore.getState().ackAfterLogin;
  useLiveStore.setState({ crises: crises.sort((a, b) => (a.at < b.at ? -1 : 1)), ackAfterLogin: ack && crises.some((c) => c.id === ack) ? ack : null });
}

/** A crisis alert in the catalog's words (a crisis has no detail to fill in). */
function crisisAlert(c: { id: string; kind: string; at: string; lastAt?: string; count?: number }): ConsoleAlert {
  return {
    id: c.id,
    kind: c.kind,
    type: 'crisis',
    severity: 'crisis',
    count: c.count ?? 1,
    at: c.at,
    lastAt: c.lastAt ?? c.at,
    closedAt: null,
    closedReason: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgedLabel: null,
    words: { ko: alertWords('crisis', 'ko', {}), en: alertWords('crisis', 'en', {}) },
  };
}

/**
 * A crisis is on screen the moment its push arrives, in the catalog's words
 * (a crisis has no detail to fill in); the full record follows from the services.
 */
function showCrisisNow(p: PushEventPayload<'staff.alert'>): void {
  const { crises } = useLiveStore.getState();
  if (p.closed) return useLiveStore.setState({ crises: crises.filter((c) => c.id !== p.id) });
  if (crises.some((c) => c.id === p.id)) return;
  useLiveStore.setState({ crises: [...crises, crisisAlert(p)] });
}

const isCrisis = (p: PushEventPayload<'staff.alert'>) => p.severity === 'crisis' || p.kind === 'crisis';

/**
 * The device's crisis watch, session or not: a crisis push takes over at
 * once, a reconnect and every login or logout catch up. Call once while the
 * console page is open; returns the unsubscribe.
 */
export function startCrisisWatch(): () => void {
  const offs = [
    api().on('staff.alert', (p) => {
      if (!isCrisis(p)) return;
      showCrisisNow(p);
      void refreshCrises();
    }),
  ];
  let wasConnected = useConnectionStore.getState().connected;
  offs.push(
    useConnectionStore.subscribe((s) => {
      if (s.connected && !wasConnected) void refreshCrises();
      wasConnected = s.connected;
    }),
  );
  let token = useStaffStore.getState().token;
  offs.push(
    useStaffStore.subscribe((s) => {
      if (s.token === token) return;
      token = s.token;
      void refreshCrises();
    }),
  );
  void refreshCrises();
  return () => {
    for (const off of offs) off();
    useLiveStore.setState({ crises: [], ackAfterLogin: null });
  };
}

/** Subscribes the session's panels to the push events; returns the unsubscribe. Call once while logged in. */
export function startLive(): () => void {
  const offs = [
    api().on('staff.alert', () => bump(['alerts', 'devices'])),
    api().on('device.status', () => bump(['devices'])),
    api().on('app.health', () => bump(['health', 'devices'])),
    api().on('console.changed', (p) => bump(p.topics)),
  ];
  let wasConnected = useConnectionStore.getState().connected;
  offs.push(
    useConnectionStore.subscribe((s) => {
      // Back after a drop: catch up on everything pushed while away (crises: the device's watch).
      if (s.connected && !wasConnected) bump(ALL);
      wasConnected = s.connected;
    }),
  );
  return () => {
    for (const off of offs) off();
    useLiveStore.setState({ ticks: initial().ticks, lastUpdate: null });
  };
}
