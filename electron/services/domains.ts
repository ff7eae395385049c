/**
 * The shipped service domains, in start order. The kiosk shell (`app`) is
 * always first and added by `compose.ts`. Each domain adds itself here.
 */
import type { DomainModule } from './context';
import { printingDomainModule } from './printing/printing-domain';
import { createVendingDomain } from './vending/vending-domain';
import { vendingEventSchemas } from './vending/vending-events';
import { pharmacyDomainModule } from './pharmacy/pharmacy-domain';
import { storeDomainModule } from './store/store-domain';
import { a11yDomainModule } from './a11y/a11y-domain';
import { staffDomainModule } from './staff/staff-domain';
import { frameTapFor } from './staff/frame-tap';
import { gateStoreStaff } from './staff/store-gate';

/** Vending with its frames tapped for the staff console's live frame monitor. */
const vendingDomainModule: DomainModule = {
  eventSchemas: vendingEventSchemas,
  create: (ctx) => createVendingDomain(ctx, { onFrame: frameTapFor(ctx).push }),
};

export const domainModules: DomainModule[] = [printingDomainModule, vendingDomainModule, pharmacyDomainModule(), gateStoreStaff(storeDomainModule()), a11yDomainModule, staffDomainModule()];
