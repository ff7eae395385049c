/** Errors of the check-in flow (Seoul Mind Convenience Store), with codes the UI translates (`errors.store.slot_taken`). */
import { KioskError } from '../../contract/errors';
import type { StoreErrorCode } from '../../contract/error-codes';

export type { StoreErrorCode };

export class StoreError extends KioskError {
  constructor(code: StoreErrorCode, message: string, opts: { retryable?: boolean; details?: string[]; cause?: unknown } = {}) {
    super(code, message, opts);
    this.name = 'StoreError';
  }
}
