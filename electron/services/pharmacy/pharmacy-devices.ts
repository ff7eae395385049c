/**
 * What the Mind Pharmacy needs from the printing and vending services, no
 * more: the flow is tested against fakes of exactly this, and runs on the
 * real services through `pharmacy-domain.ts`.
 */
import type { SlipDocument } from '../printing/slip-document';
import type { Localized } from './pharmacy-content';

export interface PharmacyPrinter {
  submit(doc: SlipDocument, meta: { kind: string; ref?: string }): { jobId: string; state: string };
  waitForJob(jobId: string, timeoutMs: number): Promise<{ jobId: string; state: string }>;
  ready(): boolean;
}

export interface PharmacyGiftVend {
  txn: number | null;
  slot: number | null;
  state: string;
  item?: Localized | null;
}

export interface PharmacyVending {
  vendGift(req: { category: string; reason: string; requestId: string }): Promise<PharmacyGiftVend>;
  giftAvailable(category: string): boolean;
}

export type PrintOutcome = 'printed' | 'waiting' | 'failed' | 'unknown';

/** A print job's state as the visitor's screen needs it. */
export function printOutcome(state: string): PrintOutcome {
  if (state === 'printed') return 'printed';
  if (state === 'failed') return 'failed';
  if (state === 'unknown') return 'unknown';
  return 'waiting';
}
