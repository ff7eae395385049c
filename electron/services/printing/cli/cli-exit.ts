/** The technician CLI's exit codes, as scripts and the issue define them. */
import type { PrinterStatus } from '../printer-status';

export const ExitCode = { ok: 0, fault: 1, usage: 2, unreachable: 3 } as const;

export class UsageError extends Error {
  override name = 'UsageError';
}

/** 3 when the printer did not answer, 1 for a reported fault, else `otherwise`. */
export function exitCodeForStatus(s: PrinterStatus, otherwise: number = ExitCode.ok): number {
  if (s.state === 'not_responding') return ExitCode.unreachable;
  if (s.state === 'fault') return ExitCode.fault;
  return otherwise;
}
