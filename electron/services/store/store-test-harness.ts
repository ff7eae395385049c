/**
 * A store domain on a temp database with a fake printer, for the store's
 * tests and bench: every collaborator real except the paper.
 */
import { randomBytes } from 'node:crypto';
import { createDispatcher, type Handlers, type StaffActionRecord, type StaffDoor } from '../../contract/dispatch';
import { StaffError } from '../staff/staff-errors';
import { openDatabase, type Db } from '../storage/database';
import { EventLog } from '../storage/event-log';
import { appEventSchemas } from '../app/app-events';
import { createLogger } from '../app/logger';
import { parseConfig } from '../config/load-config';
import type { KioskConfigInput } from '../config/config-schema';
import type { SlipDocument } from '../printing/slip-document';
import type { ServiceContext } from '../context';
import { createStoreDomain, storeEventSchemas } from './store-domain';
import { StaticKeyStore } from './key-store';
import type { StorePrinter } from './check-in';

export interface FakePrinter extends StorePrinter {
  printed: SlipDocument[];
}

export function fakePrinter(): FakePrinter {
  const printed: SlipDocument[] = [];
  return {
    printed,
    submit(doc) {
      printed.push(doc);
      return { jobId: `job-${printed.length}`, state: 'queued' };
    },
    async waitForJob(jobId) {
      return { jobId, state: 'printed' };
    },
    ready: () => true,
  };
}

/** The one staff session the harness's door admits. */
export const HARNESS_STAFF_TOKEN = 'harness-staff-session-token';

export function storeHarness(opts: { dataDir: string; config?: KioskConfigInput; now?: () => Date; key?: Buffer; kioskId?: string }) {
  const db: Db = openDatabase({ dataDir: opts.dataDir });
  const kioskId = opts.kioskId ?? 'test-kiosk';
  const events = new EventLog(db, kioskId, { ...appEventSchemas, ...storeEventSchemas });
  const printer = fakePrinter();
  const pushes: unknown[] = [];
  const ctx: ServiceContext = {
    db,
    events,
    config: parseConfig(opts.config ?? {}),
    kioskId,
    dataDir: opts.dataDir,
    logger: createLogger({ dir: `${opts.dataDir}/logs`, echo: false }),
    health: { fail() {} } as unknown as ServiceContext['health'],
    push: (e) => pushes.push(e),
    record: (type, payload = {}) => events.append(type, payload),
    getService: <T,>() => printer as unknown as T,
  };
  const domain = createStoreDomain(ctx, { keyStore: new StaticKeyStore(opts.key ?? randomBytes(32)), now: opts.now });
  // The harness plays an admin at the console: one session the door admits (the staff domain's real sessions are tested with it).
  const staffActions: StaffActionRecord[] = [];
  const door: StaffDoor = {
    session(token) {
      if (token !== HARNESS_STAFF_TOKEN) throw new StaffError('staff.session_expired', 'not the harness session');
      return { token, role: 'admin', pinId: 'harness' };
    },
    maintenanceOpen: () => false,
    recordAction: (a) => staffActions.push(a),
  };
  const dispatch = createDispatcher(
    domain.handlers as Handlers,
    (m, err) => {
      throw err;
    },
    door,
  );
  /** Through the real contract (door, input, output checked); staff methods get the harness session's token. A failure throws its wire error. */
  const call = async (method: string, input: unknown) => {
    const withToken = method.startsWith('store.staff') && input && typeof input === 'object' && !('token' in input) ? { ...input, token: HARNESS_STAFF_TOKEN } : input;
    const r = await dispatch(method, withToken);
    if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code}`), r.error);
    return r.value as any;
  };
  return { db, ctx, domain, printer, pushes, staffActions, call, dispatch, close: () => db.close() };
}
