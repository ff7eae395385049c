/** Plugs the Mind Pharmacy into the shell: its screen, and Home's "taking a short break" check. */
import { registerService } from '../../stores/service-availability';
import { pharmacyAvailable } from './pharmacy-actions';

export function registerPharmacy(): void {
  registerService('pharmacy', 'pharmacy', pharmacyAvailable);
}
