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
import { consoleDomainModule } from './console/console-domain';
import { frameTapFor } from './staff/frame-tap';
import { gateStoreStaff } from './staff/store-gate';
import { FileKeyStore, SealedKeyStore, type OsSecretBox } from './store/key-store';
import type { VenueShare } from './store/venue-share';

/** Vending with its frames tapped for the staff console's live frame monitor. */
const vendingDomainModule: DomainModule = {
  eventSchemas: vendingEventSchemas,
  create: (ctx) => createVendingDomain(ctx, { onFrame: frameTapFor(ctx).push }),
};

/** What the host platform offers the services: Electron's main passes `safeStorage`; Node hosts pass nothing. */
export interface PlatformHooks {
  /** Seals the visitor-data key with the OS keychain; without it the key is an owner-only file. */
  secretBox?: OsSecretBox;
}

/** What the venue hub shares with the domains, when the kiosk has one (see `hub-sync/`). */
export interface VenueHooks {
  venue?: VenueShare;
}

export function shippedDomains(platform: PlatformHooks = {}, dataDir?: string, hub: VenueHooks = {}): DomainModule[] {
  const keyStore = platform.secretBox && dataDir ? new SealedKeyStore(dataDir, platform.secretBox) : dataDir ? new FileKeyStore(dataDir) : undefined;
  return [
    printingDomainModule,
    vendingDomainModule,
    pharmacyDomainModule(),
    gateStoreStaff(storeDomainModule({ keyStore, venue: hub.venue })),
    a11yDomainModule,
    staffDomainModule(),
    consoleDomainModule(),
  ];
}
