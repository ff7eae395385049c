/** Errors of the console's day screens; every code has its message in ko and en (`error-messages.test.ts`). */
import { KioskError } from '../../contract/errors';

import type { ConsoleErrorCode } from '../../contract/error-codes';

export type { ConsoleErrorCode };

export class ConsoleError extends KioskError {
  constructor(code: ConsoleErrorCode, message: string, opts: { details?: string[]; cause?: unknown } = {}) {
    super(code, message, { ...opts, retryable: false });
    this.name = 'ConsoleError';
  }
}
