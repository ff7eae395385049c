/**
 * Errors that cross the boundary between services and the UI.
 *
 * Services throw `KioskError` (or a subclass); the dispatcher turns it into a
 * plain `WireError` — a stable `code`, the i18n `messageKey` the UI shows, and
 * whether trying again may help. Stacks and messages never cross: the UI shows
 * `t(messageKey)`, never `message`.
 */
import { z } from 'zod';
import type { ErrorCode } from './error-codes';

export const wireErrorSchema = z.object({
  code: z.string(),
  messageKey: z.string(),
  retryable: z.boolean(),
  /** Field-level detail for invalid input (path and reason), never personal data. */
  details: z.array(z.string()).optional(),
});
export type WireError = z.infer<typeof wireErrorSchema>;

export class KioskError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly retryable: boolean;
  readonly details?: string[];

  constructor(
    code: ErrorCode,
    message: string,
    opts: { retryable?: boolean; cause?: unknown; messageKey?: string; details?: string[] } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'KioskError';
    this.code = code;
    this.messageKey = opts.messageKey ?? `errors.${code}`;
    this.retryable = opts.retryable ?? false;
    this.details = opts.details;
  }

  toWire(): WireError {
    const wire: WireError = { code: this.code, messageKey: this.messageKey, retryable: this.retryable };
    if (this.details) wire.details = this.details;
    return wire;
  }
}

/** Codes the contract layer itself produces. Domains add their own (`printer.paper_out`). */
export const CoreErrorCode = {
  unknownMethod: 'contract.unknown_method',
  invalidInput: 'contract.invalid_input',
  invalidOutput: 'contract.invalid_output',
  internal: 'internal',
  outOfService: 'app.out_of_service',
  storageFull: 'storage.disk_full',
  storageUnavailable: 'storage.unavailable',
  notImplemented: 'app.not_available',
  /** A side-effect call faster than a person taps (web host, per screen or device). */
  rateLimited: 'app.rate_limited',
} as const;

export function toWireError(err: unknown): WireError {
  if (err instanceof KioskError) return err.toWire();
  return { code: CoreErrorCode.internal, messageKey: 'errors.internal', retryable: false };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: WireError };
