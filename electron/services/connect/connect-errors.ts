/** Errors of 서울연결처방, with codes the UI translates (`errors.connect.not_suggested`). */
import { KioskError } from '../../contract/errors';
import type { ConnectErrorCode } from '../../contract/error-codes';

export class ConnectError extends KioskError {
  constructor(code: ConnectErrorCode, message: string, opts: { retryable?: boolean; details?: string[]; cause?: unknown } = {}) {
    super(code, message, opts);
    this.name = 'ConnectError';
  }
}
