/** UI state of the staff console: the session, the open tab, the last error. Data comes from the services on each view. */
import { create } from 'zustand';

export type StaffTab = 'overview' | 'alerts' | 'jobs' | 'stock' | 'counsel' | 'dashboard' | 'maintenance' | 'pins' | 'devices' | 'programs' | 'coupons' | 'referrals' | 'content';

export interface StaffState {
  token: string | null;
  role: 'staff' | 'technician' | 'admin' | null;
  tab: StaffTab;
  needsSetup: boolean;
  lockedUntil: string | null;
  pinError: { key: string; params?: Record<string, string | number> } | null;
  errorKey: string | null;
  /** Bumped after each action so views reload. */
  version: number;
}

export const initialStaffState = (): StaffState => ({
  token: null,
  role: null,
  tab: 'overview',
  needsSetup: false,
  lockedUntil: null,
  pinError: null,
  errorKey: null,
  version: 0,
});

export const useStaffStore = create<StaffState>(() => initialStaffState());

/** Maintenance mode as the services report it; visitor screens show "under maintenance" while open. */
export const useMaintenanceStore = create<{ open: boolean }>(() => ({ open: false }));
