/** Errors of the 동행 가게 coupons, with codes the UI translates (`errors.coupons.shop_full`). */
import { KioskError } from '../../contract/errors';
import type { CouponsErrorCode } from '../../contract/error-codes';

export class CouponError extends KioskError {
  constructor(code: CouponsErrorCode, message: string, opts: { retryable?: boolean; details?: string[]; cause?: unknown } = {}) {
    super(code, message, opts);
    this.name = 'CouponError';
  }
}
