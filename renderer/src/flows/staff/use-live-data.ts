/**
 * Loads a panel's data once, again after every action of this console (the
 * store's `version`), and again whenever one of its live topics moves (a push
 * from the services, or a reconnect). No timers: a quiet kiosk costs nothing.
 */
import { useEffect, useState } from 'react';
import { useStaffStore } from './staff-store';
import { useLiveStore, type LiveTopic } from './console-live';

export function useStaffData<T>(load: () => Promise<T | null>, topics: LiveTopic[] = [], deps: unknown[] = []): T | null {
  const version = useStaffStore((s) => s.version);
  const tick = useLiveStore((s) => topics.reduce((n, t) => n + s.ticks[t], 0));
  const [data, setData] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((d) => live && d !== null && setData(d));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, tick, ...deps]);
  return data;
}
