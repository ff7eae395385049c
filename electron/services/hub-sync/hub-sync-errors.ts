/** Errors of pairing with the venue hub from the console, with codes the console translates (`errors.hub.*`). */
import { KioskError } from '../../contract/errors';
import type { HubErrorCode } from '../../contract/error-codes';

export class HubSyncError extends KioskError {
  constructor(code: HubErrorCode, message: string, opts: { retryable?: boolean; details?: string[] } = {}) {
    super(code, message, opts);
    this.name = 'HubSyncError';
  }
}
