/** What the services told us about this kiosk (identity, idle timing) and its health. Not visitor data. */
import { create } from 'zustand';
import type { ApiOutput } from '../../../electron/contract/api';
import type { Health } from '../../../electron/contract/events';

export type AppInfo = ApiOutput<'app.info'>;

export interface AppState {
  info: AppInfo | null;
  health: Health;
  /** Set when the first `app.info` failed: the shell shows out of service. */
  bootError: string | null;
}

export const initialAppState: AppState = {
  info: null,
  health: { status: 'ok', reason: null, detail: null },
  bootError: null,
};

export const useAppStore = create<AppState>(() => initialAppState);
