/**
 * The shipped service domains, in start order. The kiosk shell (`app`) is
 * always first and added by `compose.ts`. Each domain adds itself here.
 */
import type { DomainModule } from './context';
import { printingDomainModule } from './printing/printing-domain';
import { vendingDomainModule } from './vending/vending-domain';
import { pharmacyDomainModule } from './pharmacy/pharmacy-domain';
import { storeDomainModule } from './store/store-domain';

export const domainModules: DomainModule[] = [printingDomainModule, vendingDomainModule, pharmacyDomainModule(), storeDomainModule()];
