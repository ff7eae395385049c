/** Errors the printing service throws across the contract, Korean-first messages for logs and CLIs. */
import { KioskError } from '../../contract/errors';

import type { PrinterErrorCode } from '../../contract/error-codes';

export type PrintingErrorCode = PrinterErrorCode;

export class PrintingError extends KioskError {
  constructor(code: PrintingErrorCode, message: string, opts: { details?: string[]; cause?: unknown } = {}) {
    super(code, message, { ...opts, retryable: false });
    this.name = 'PrintingError';
  }
}
