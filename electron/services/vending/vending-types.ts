/** The public shapes of the vending service, for flows (Mind Pharmacy), screens and CLIs. */
import type { SlotState } from './vmc-codes';
import type { VendingFaultName } from './vending-events';

export interface GiftRequest {
  /** `tea`, `sweets`, `stationery` or `comfort` (see `vending-config.ts`). */
  category: string;
  /** Why (the prescription id); ids only, no personal data. */
  reason: string;
  /** One per visitor action: a repeat with the same id returns the first answer and never runs a motor again. */
  requestId: string;
}

export type VendSummaryState = 'delivered' | 'not_delivered' | 'jammed' | 'unconfirmed' | 'refused' | 'unknown' | 'no_gift';

export interface VendSummary {
  requestId: string;
  /** The TXN of the last vend tried; null when none ran (`no_gift`). */
  txn: number | null;
  slot: number | null;
  category: string;
  item: { ko: string; en: string } | null;
  /**
   * delivered: the visitor has the gift. not_delivered/refused/no_gift: nothing fell.
   * jammed/unconfirmed/unknown: staff will check (an alert is raised); never retried.
   */
  state: VendSummaryState;
  /** Why, when not delivered: `vending.door_open`, `vending.no_stock`, `vending.no_link`, `vending.txn_unknown`, ... */
  code: string | null;
  /** How many vends this request ran (fall-backs to another slot of the category count). */
  vends: number;
  /** True when this is the stored answer of an earlier call with the same request id. */
  repeated: boolean;
}

export interface VendingSlotStatus {
  slot: number;
  category: string;
  item: { ko: string; en: string };
  capacity: number;
  count: number;
  /** The host's service state: empty and jammed stay until staff act. */
  state: SlotState;
  /** What SLOT_INFO last said. */
  boardState: SlotState | null;
  inService: boolean;
}

export interface VendingStatus {
  link: 'up' | 'down';
  uri: string;
  simulator: boolean;
  firmware: string | null;
  /** Active conditions in words (door open, motor bus fault, drop sensor fault). */
  faults: VendingFaultName[];
  busy: boolean;
  boardSlots: number | null;
  checkedAt: string | null;
  /** Vends in flight wait for RESULT before any new DISPENSE. */
  reconcilePending: boolean;
  inFlight: number;
  toResolve: number;
  slots: VendingSlotStatus[];
}

export interface VendingService {
  /**
   * Picks an in-service slot with stock for the category (falls back to another slot of the same
   * category) and runs one vend to its final state. Idempotent by requestId.
   */
  vendGift(req: GiftRequest): Promise<VendSummary>;
  /** Link up, no blocking fault, and an in-service slot with stock. */
  giftAvailable(category: string): boolean;
  status(): VendingStatus;
}
