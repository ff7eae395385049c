/**
 * Which services Home offers and where they lead. A flow registers its
 * screen and how to ask whether it can serve now (the Mind Pharmacy needs a
 * printer or a gift); until one registers, its card leads to a kind "opens
 * soon" screen rather than a dead end.
 */
import { create } from 'zustand';
import type { ScreenId } from './session-store';

type Service = 'pharmacy' | 'store';

interface ServiceEntry {
  screen: ScreenId;
  available: boolean;
  check?: () => Promise<boolean>;
}

export const useServiceStore = create<Record<Service, ServiceEntry>>(() => ({
  pharmacy: { screen: 'unavailable', available: true },
  store: { screen: 'unavailable', available: true },
}));

export function registerService(service: Service, screen: ScreenId, check?: () => Promise<boolean>) {
  useServiceStore.setState({ [service]: { screen, available: true, check } } as Partial<Record<Service, ServiceEntry>>);
}

/** Asks every registered service whether it can serve now (Home on show, and on device changes). */
export async function refreshServiceAvailability(): Promise<void> {
  const state = useServiceStore.getState();
  for (const service of Object.keys(state) as Service[]) {
    const entry = state[service];
    if (!entry.check) continue;
    const available = await entry.check().catch(() => true);
    if (useServiceStore.getState()[service].available !== available) {
      useServiceStore.setState({ [service]: { ...useServiceStore.getState()[service], available } } as Partial<Record<Service, ServiceEntry>>);
    }
  }
}
