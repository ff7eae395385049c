/**
 * Errors the hub answers with: a stable `code` (the kiosk's sync client and
 * the console branch on it), an HTTP status, and a plain message for logs.
 * They cross as `{ ok: false, error: { code, message, retryable } }`.
 */
export type HubErrorCode =
  | 'hub.bad_request'
  | 'hub.unauthorized'
  | 'hub.forbidden'
  | 'hub.not_found'
  | 'hub.pair_code_invalid'
  | 'hub.kiosk_revoked'
  | 'hub.outbox_gap'
  | 'hub.venue_key_changed'
  | 'hub.too_large'
  | 'hub.unavailable'
  | 'hub.internal';

const STATUS: Record<HubErrorCode, number> = {
  'hub.bad_request': 400,
  'hub.unauthorized': 401,
  'hub.forbidden': 403,
  'hub.not_found': 404,
  'hub.pair_code_invalid': 403,
  'hub.kiosk_revoked': 403,
  'hub.outbox_gap': 409,
  // The kiosk sealed under an older venue key: it must take the venue's key first (venue-keys.ts).
  'hub.venue_key_changed': 409,
  'hub.too_large': 413,
  'hub.unavailable': 503,
  'hub.internal': 500,
};

export class HubError extends Error {
  readonly status: number;
  readonly retryable: boolean;
  constructor(
    readonly code: HubErrorCode,
    message: string,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = STATUS[code];
    this.retryable = code === 'hub.unavailable' || code === 'hub.internal' || code === 'hub.outbox_gap';
  }
}
