/**
 * Numbered migrations, in order. Shipped migrations are never edited or
 * removed (additive only): a database whose applied ids are not a prefix of
 * this list refuses to open. Add a new file `000N-name.ts` and append it here.
 */
import { sql as init } from './0001-init';
import { sql as printing } from './0002-printing';
import { sql as vending } from './0003-vending';
import { sql as pharmacy } from './0004-pharmacy';
import { sql as pharmacyFlow } from './0005-pharmacy-flow';
import { sql as store } from './0006-store';
import { sql as staff } from './0007-staff';
import { sql as storeQueueOrder } from './0008-store-queue-order';
import { sql as staffDoor } from './0009-staff-door';
import { sql as trustEdge } from './0010-trust-edge';
import { sql as printConfirmation } from './0011-print-confirmation';
import { sql as hub } from './0012-hub';
import { sql as consoleAlerts } from './0013-console';
import { sql as connectPrograms } from './0014-connect-programs';
import { sql as couponsReferrals } from './0015-coupons-referrals';
import { sql as contentPins } from './0016-content-pins';
import { sql as hubSnackShares } from './0017-hub-snack-shares';
import { sql as venueRecognition } from './0018-venue-recognition';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  { id: 1, name: 'init', sql: init },
  { id: 2, name: 'printing', sql: printing },
  { id: 3, name: 'vending', sql: vending },
  { id: 4, name: 'pharmacy', sql: pharmacy },
  { id: 5, name: 'pharmacy-flow', sql: pharmacyFlow },
  { id: 6, name: 'store', sql: store },
  { id: 7, name: 'staff', sql: staff },
  { id: 8, name: 'store-queue-order', sql: storeQueueOrder },
  { id: 9, name: 'staff-door', sql: staffDoor },
  { id: 10, name: 'trust-edge', sql: trustEdge },
  { id: 11, name: 'print-confirmation', sql: printConfirmation },
  { id: 12, name: 'hub', sql: hub },
  { id: 13, name: 'console', sql: consoleAlerts },
  { id: 14, name: 'connect-programs', sql: connectPrograms },
  { id: 15, name: 'coupons-referrals', sql: couponsReferrals },
  { id: 16, name: 'content-pins', sql: contentPins },
  { id: 17, name: 'hub-snack-shares', sql: hubSnackShares },
  { id: 18, name: 'venue-recognition', sql: venueRecognition },
];
