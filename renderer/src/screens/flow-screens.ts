/**
 * Screens of the visitor flows (Mind Pharmacy, check-in), by screen id.
 * Each flow adds its entry here; the shell falls back to the "opens soon"
 * screen for a service with none.
 */
import type { ComponentType } from 'react';
import type { ScreenId } from '../stores/session-store';

export const flowScreens: Partial<Record<ScreenId, ComponentType>> = {};
