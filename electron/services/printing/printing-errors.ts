/** Errors the printing service throws across the contract, Korean-first messages for logs and CLIs. */
import { KioskError } from '../../contract/errors';

export type PrintingErrorCode =
  | 'printer.job_not_found'
  | 'printer.not_simulator'
  | 'printer.invalid_document'
  | 'printer.job_not_reprintable';

export class PrintingError extends KioskError {
  constructor(code: PrintingErrorCode, message: string, opts: { details?: string[]; cause?: unknown } = {}) {
    super(code, message, { ...opts, retryable: false });
    this.name = 'PrintingError';
  }
}
