/** Errors of the staff console, with codes the UI translates (`errors.staff.pin_wrong`). */
import { KioskError } from '../../contract/errors';

import type { StaffErrorCode } from '../../contract/error-codes';

export type { StaffErrorCode };

export class StaffError extends KioskError {
  constructor(code: StaffErrorCode, message: string, opts: { retryable?: boolean; details?: string[]; cause?: unknown } = {}) {
    super(code, message, opts);
    this.name = 'StaffError';
  }
}
