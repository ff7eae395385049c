/** Errors of the vending domain, with codes the UI translates (`errors.vending.no_link`). */
import { KioskError } from '../../contract/errors';

export type VendingErrorCode =
  | 'vending.no_link'
  | 'vending.not_simulator'
  | 'vending.no_such_slot'
  | 'vending.busy'
  | 'vending.not_in_flight'
  | 'vending.reconcile_pending';

export class VendingError extends KioskError {
  constructor(code: VendingErrorCode | string, message: string, opts: { retryable?: boolean; cause?: unknown } = {}) {
    super(code, message, opts);
    this.name = 'VendingError';
  }
}
