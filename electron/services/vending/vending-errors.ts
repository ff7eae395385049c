/** Errors of the vending domain, with codes the UI translates (`errors.vending.no_link`). */
import { KioskError } from '../../contract/errors';

import type { VendingErrorCode } from '../../contract/error-codes';

export type { VendingErrorCode };

export class VendingError extends KioskError {
  constructor(code: VendingErrorCode, message: string, opts: { retryable?: boolean; cause?: unknown } = {}) {
    super(code, message, opts);
    this.name = 'VendingError';
  }
}
