/**
 * Which services Home offers and where they lead. The flows (Mind Pharmacy,
 * check-in) register their screen when their module loads; until then the
 * card leads to a kind "opens soon" screen rather than a dead end.
 */
import type { ScreenId } from './session-store';

const screens: { pharmacy: ScreenId | null; store: ScreenId | null } = { pharmacy: null, store: null };
const gates: { pharmacy: () => boolean; store: () => boolean } = { pharmacy: () => true, store: () => true };

export function registerService(service: 'pharmacy' | 'store', screen: ScreenId, available: () => boolean = () => true) {
  screens[service] = screen;
  gates[service] = available;
}

export function serviceAvailability() {
  return {
    pharmacy: gates.pharmacy(),
    store: gates.store(),
    pharmacyScreen: screens.pharmacy ?? ('unavailable' as ScreenId),
    storeScreen: screens.store ?? ('unavailable' as ScreenId),
  };
}
