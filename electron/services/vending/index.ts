/** The vending domain's public face: what flows and screens may import. */
export type { GiftRequest, VendSummary, VendSummaryState, VendingService, VendingSlotStatus, VendingStatus } from './vending-types';
export type { VendingFaultName } from './vending-events';
export { GIFT_CATEGORIES, type GiftCategory } from './vending-config';
export { vendingDomainModule } from './vending-domain';
