/** Errors of the staff console, with codes the UI translates (`errors.staff.pin_wrong`). */
import { KioskError } from '../../contract/errors';

export type StaffErrorCode =
  | 'staff.pin_wrong'
  | 'staff.locked'
  | 'staff.session_expired'
  | 'staff.forbidden'
  | 'staff.setup_required'
  | 'staff.already_set_up'
  | 'staff.setup_code_wrong'
  | 'staff.pin_invalid'
  | 'staff.pin_taken'
  | 'staff.pin_not_found'
  | 'staff.last_admin'
  | 'staff.alert_not_found'
  | 'staff.config_invalid'
  | 'staff.job_not_found'
  | 'staff.maintenance_required'
  | 'staff.device_name_invalid'
  | 'staff.device_not_found';

export class StaffError extends KioskError {
  constructor(code: StaffErrorCode, message: string, opts: { retryable?: boolean; details?: string[]; cause?: unknown } = {}) {
    super(code, message, opts);
    this.name = 'StaffError';
  }
}
