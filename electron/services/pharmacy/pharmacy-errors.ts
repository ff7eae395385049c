/** Errors of the Mind Pharmacy flow, with codes the UI translates (`errors.pharmacy.unknown_symptom`). */
import { KioskError } from '../../contract/errors';
import type { PharmacyErrorCode } from '../../contract/error-codes';

export type { PharmacyErrorCode };

export class PharmacyError extends KioskError {
  constructor(code: PharmacyErrorCode, message: string, opts: { retryable?: boolean; details?: string[]; cause?: unknown } = {}) {
    super(code, message, opts);
    this.name = 'PharmacyError';
  }
}
