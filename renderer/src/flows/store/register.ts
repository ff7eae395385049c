/** Plugs the check-in into the shell: its screen, and Home's "taking a short break" check (no printer, no ticket). */
import { registerService } from '../../stores/service-availability';
import { storeAvailable } from './store-actions';

export function registerStore(): void {
  registerService('store', 'store', storeAvailable);
}
