/**
 * The shipped service domains, in start order. The kiosk shell (`app`) is
 * always first and added by `compose.ts`. Each domain adds itself here.
 */
import type { DomainModule } from './context';
import { printingModule } from './printing/printing-domain';
import { vendingDomainModule } from './vending/vending-domain';
import { pharmacyDomainModule } from './pharmacy/pharmacy-domain';
import { connectDomainModule } from './connect/connect-domain';
import { storeDomainModule } from './store/store-domain';
import { a11yDomainModule } from './a11y/a11y-domain';
import { staffDomainModule, type StaffDomainOptions } from './staff/staff-domain';
import { consoleDomainModule } from './console/console-domain';
import { couponsDomainModule } from './coupons/coupons-domain';
import { referralsDomainModule } from './store/referrals-domain';
import { FileKeyStore, SealedKeyStore, type OsSecretBox } from './store/key-store';
import type { VenueShare, VenueSlot } from './store/venue-share';
import type { VenueRecognition } from './store/venue-recognition';
import { sampleSlips } from './sample-slips';

/** What the host platform offers the services: Electron's main passes `safeStorage`; Node hosts pass nothing. */
export interface PlatformHooks {
  /** Seals the visitor-data key with the OS keychain; without it the key is an owner-only file. */
  secretBox?: OsSecretBox;
}

/** What the venue hub shares with the domains, when the kiosk has one (see `hub-sync/`). */
export interface VenueHooks {
  /** A slot the hub domain fills at start or when the console pairs the kiosk (the store reads it at each visit). */
  venue?: VenueShare | VenueSlot;
  /** Returning visitors recognised across the venue's kiosks (keyed hashes and ciphertexts only). */
  recognition?: VenueRecognition;
}

/** Host choices for the staff domain: whether the setup code is printed, where its line is announced, PIN hash cost (tests). */
export type StaffHostOptions = Pick<StaffDomainOptions, 'setupSlip' | 'announce' | 'hashParams'>;

export function shippedDomains(platform: PlatformHooks = {}, dataDir?: string, hub: VenueHooks = {}, staff: StaffHostOptions = {}): DomainModule[] {
  const keyStore = platform.secretBox && dataDir ? new SealedKeyStore(dataDir, platform.secretBox) : dataDir ? new FileKeyStore(dataDir) : undefined;
  return [
    printingModule({ samples: sampleSlips }),
    vendingDomainModule,
    // Before the pharmacy: its slip asks for a 서울연결처방 programme.
    connectDomainModule(),
    pharmacyDomainModule(),
    storeDomainModule({ keyStore, venue: hub.venue, recognition: hub.recognition }),
    a11yDomainModule,
    staffDomainModule(staff),
    consoleDomainModule(),
    couponsDomainModule({ keyStore, hashParams: staff.hashParams }),
    referralsDomainModule(),
  ];
}
