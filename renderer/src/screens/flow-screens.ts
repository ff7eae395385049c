/**
 * Screens of the visitor flows (Mind Pharmacy, check-in), by screen id.
 * Each flow adds its entry here; the shell falls back to the "opens soon"
 * screen for a service with none.
 */
import type { ComponentType } from 'react';
import type { ScreenId } from '../stores/session-store';
import { PharmacyScreen } from '../flows/pharmacy/pharmacy-screen';
import { registerPharmacy } from '../flows/pharmacy/register';
import { StoreScreen } from '../flows/store/store-screen';
import { registerStore } from '../flows/store/register';

registerPharmacy();
registerStore();

export const flowScreens: Partial<Record<ScreenId, ComponentType>> = {
  pharmacy: PharmacyScreen,
  store: StoreScreen,
};
