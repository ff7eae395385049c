/**
 * The hidden way in at the kiosk: five taps on the venue's name within three
 * seconds open the PIN pad. The count is module-level so taps on the attract
 * screen and then the top bar (the first tap starts a session) add up.
 */
import { useSessionStore } from '../../stores/session-store';
import { useStaffStore, initialStaffState } from './staff-store';

const TAPS = 5;
const WINDOW_MS = 3000;
let taps: number[] = [];

export function staffGestureTap(now = performance.now()): boolean {
  taps = [...taps.filter((t) => now - t < WINDOW_MS), now];
  if (taps.length < TAPS) return false;
  taps = [];
  useStaffStore.setState(initialStaffState());
  useSessionStore.setState({ screen: 'staff', idleRemaining: null });
  return true;
}
