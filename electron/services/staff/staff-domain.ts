/**
 * The staff console's own domain: PINs, sessions, alerts, the dashboard,
 * configuration, diagnostics and maintenance mode. It lends its sessions to
 * the door (`door` below): the dispatcher checks every staff method's token,
 * connection and role against the access table (`contract/access.ts`)
 * before any handler runs, and records each action through `recordAction`.
 * Printer, vending and counseling maintenance are their domains' own methods.
 */
import type { CallMeta, Handlers, StaffCaller, StaffDoor } from '../../contract/dispatch';
import type { DomainModule, ServiceContext, ServiceDomain } from '../context';
import type { PrinterStatus } from '../../contract/printing-api';
import type { VendingServiceImpl } from '../vending/vending-service';
import { appVersion } from '../app/project-paths';
import { StaffAuth, type StaffSession } from './staff-auth';
import { StaffError } from './staff-errors';
import { staffEventSchemas } from './staff-events';
import { acknowledgeAlert, listAlerts } from './staff-alert-list';
import { alertPushOf } from '../app/staff-alerts';
import { dashboard, dashboardCsv } from './dashboard-queries';
import { applyLive, configFileFor, planConfigChange, writeConfigFile } from './config-editor';
import { diagnosticsBundle } from './diagnostics-bundle';
import { StaffDevices } from './staff-devices';
import { monotonicNow } from '../app/monotonic-clock';
import { setupCodeLine } from './setup-code';
import type { ScryptParams } from './pin-hash';
import { setupSlip } from './setup-slip';
import type { SlipDocumentInput } from '../printing/slip-document';

export interface StaffDomainOptions {
  now?: () => number;
  /** How often idle sessions are ended (and maintenance closed with them). */
  sweepMs?: number;
  configFile?: string;
  /** Print the first-admin setup code on the receipt printer (default true; test kiosks that count slips turn it off). */
  setupSlip?: boolean;
  /** Where the `staff setup code: CODE` line goes besides the log: standard output by default. */
  announce?: (line: string) => void;
  /** PIN hash parameters (`CURRENT_PARAMS` unless a test kiosk trades strength for speed). */
  hashParams?: ScryptParams;
}

export function staffDomainModule(opts: StaffDomainOptions = {}): DomainModule {
  return { eventSchemas: staffEventSchemas, create: (ctx) => createStaffDomain(ctx, opts) };
}

/** What the staff domain needs of the devices: status for diagnostics, and the slot table after a slot edit. */
type Vending = Pick<VendingServiceImpl, 'status' | 'staffSlots' | 'applySlotConfig'>;
type Printing = { status(): PrinterStatus; submit(doc: SlipDocumentInput, meta: { kind: string }): { jobId: string } };

/** The session the door admitted this call with (the door always sets it for staff methods). */
function callerOf(meta: CallMeta): StaffCaller {
  if (!meta.staff) throw new StaffError('staff.session_expired', 'no staff session on this call');
  return meta.staff;
}

export function createStaffDomain(ctx: ServiceContext, opts: StaffDomainOptions = {}): ServiceDomain {
  const now = opts.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();
  const printing = ctx.getService<Printing>('printing');
  const vending = ctx.getService<Vending>('vending');
  const configFile = opts.configFile ?? configFileFor(ctx.dataDir);

  let maintenance: { open: boolean; since: string | null; token: string | null } = { open: false, since: null, token: null };
  const maintenanceView = () => ({ open: maintenance.open, since: maintenance.since });
  const setMaintenance = (open: boolean, s: StaffCaller | null) => {
    if (maintenance.open === open) return;
    maintenance = open ? { open, since: iso(), token: s?.token ?? null } : { open: false, since: null, token: null };
    if (s) ctx.record('staff.maintenance_changed', { open, role: s.role, pinId: s.pinId });
    ctx.push({ name: 'staff.maintenance', payload: maintenanceView() });
  };

  const auth = new StaffAuth({
    db: ctx.db,
    now,
    // Sessions time out on the monotonic clock (a wall-clock jump must not log staff out or keep them in), unless a test drives time.
    sessionClock: opts.now ?? monotonicNow,
    hashParams: opts.hashParams,
    record: (t, p) => ctx.record(t, p),
    // Maintenance mode closes with the session that opened it: a technician who walks away does not leave visitors locked out.
    onSessionEnd: (s) => {
      if (maintenance.open && maintenance.token === s.token) {
        setMaintenance(false, null);
        ctx.record('staff.maintenance_changed', { open: false, role: s.role, pinId: s.pinId });
      }
    },
  });

  const devices = new StaffDevices(ctx.db, { now, record: (t, p) => ctx.record(t, p) });

  const door: StaffDoor = {
    session(token, meta) {
      const s = auth.sessions.check(token, meta);
      return { token: s.token, role: s.role, pinId: s.pinId };
    },
    maintenanceOpen: () => maintenance.open,
    recordAction(a) {
      ctx.record('staff.action', {
        role: a.caller.role,
        pinId: a.caller.pinId,
        action: a.method,
        target: a.target,
        principal: a.principal.kind,
        deviceId: a.principal.kind === 'device' ? a.principal.deviceId : null,
        peer: a.peer,
      });
    },
  };

  /**
   * No admin yet: a fresh one-time code (the earlier one, printed at a previous start, stops working),
   * on the receipt printer, in the log and on standard output. A printer fault never hides it: the log line stays.
   */
  async function announceSetupCode(): Promise<void> {
    const code = await auth.setupCodes.issue();
    const line = setupCodeLine(code);
    ctx.logger.info(line);
    (opts.announce ?? ((l: string) => process.stdout.write(`${l}\n`)))(line);
    let printJobId: string | null = null;
    if (opts.setupSlip !== false) {
      try {
        printJobId = printing.submit(setupSlip(ctx.config, code, new Date(now())), { kind: 'setup' }).jobId;
      } catch (err) {
        ctx.logger.warn('cannot print the setup slip; the setup code is in this log', { err });
      }
    }
    ctx.record('staff.setup_code_issued', { printJobId });
  }

  const sessionOut = (s: StaffSession) => ({ token: s.token, role: s.role, expiresAt: new Date(now() + auth.sessions.remainingMs(s)).toISOString() });

  const handlers: Partial<Handlers> = {
    'staff.authState': (_i, meta) => ({ needsSetup: auth.needsSetup(), ...auth.padState(meta) }),
    'staff.setup': async ({ code, pin }, meta) => sessionOut(await auth.setup(code, pin, meta)),
    'staff.login': async ({ pin }, meta) => sessionOut(await auth.login(pin, meta)),
    'staff.logout': ({ token }) => {
      auth.sessions.logout(token);
      return { ok: true as const };
    },
    'staff.session': ({ token }, meta) => sessionOut(auth.sessions.check(token, meta)),
    'staff.activity': ({ token }) => sessionOut(auth.sessions.touch(token)),
    'staff.pins': () => ({ pins: auth.pins() }),
    'staff.addPin': async (i) => ({ id: await auth.addPin(i.role, i.label, i.pin) }),
    'staff.removePin': (i) => {
      auth.removePin(i.pinId);
      return { ok: true as const };
    },

    'staff.alerts': (i) => listAlerts(ctx.db, { includeAcknowledged: i.includeAcknowledged, limit: i.limit }),
    'staff.acknowledgeAlert': (i, meta) => {
      const s = callerOf(meta);
      const a = acknowledgeAlert(ctx.db, i.alertId, `${s.role}:${s.pinId}`, iso());
      const pushed = alertPushOf(ctx.db, a.id);
      if (pushed) ctx.push({ name: 'staff.alert', payload: pushed });
      return a;
    },

    // A slot's item and capacity are configuration: written to the config file, then applied to the cabinet's table.
    'staff.editSlot': (i, meta) => {
      const s = callerOf(meta);
      const slots = ctx.config.vending.slots.map((x) => (x.slot === i.slot ? { slot: i.slot, category: i.category, item: i.item, capacity: i.capacity } : x));
      if (!slots.some((x) => x.slot === i.slot)) throw new StaffError('staff.config_invalid', `slot ${i.slot} is not configured`, { details: [`vending.slots: slot ${i.slot} is not configured`] });
      const plan = planConfigChange(configFile, ctx.config, { vending: { slots } });
      writeConfigFile(configFile, plan.raw);
      applyLive(ctx.config, plan.next, plan.applied);
      vending.applySlotConfig(ctx.config.vending.slots);
      ctx.record('staff.config_changed', { role: s.role, pinId: s.pinId, fields: plan.fields, restartRequired: plan.restartRequired });
      return { slots: vending.staffSlots() };
    },

    'staff.dashboard': (i) => dashboard(ctx.db, { days: i.days, now: now() }),
    'staff.dashboardCsv': (i) => {
      const d = dashboard(ctx.db, { days: i.days, now: now() });
      return { filename: `itda-dashboard-${ctx.kioskId}-${d.days[d.days.length - 1]}.csv`, csv: dashboardCsv(d) };
    },

    'staff.maintenanceState': () => maintenanceView(),
    'staff.setMaintenance': (i, meta) => {
      setMaintenance(i.open, callerOf(meta));
      return maintenanceView();
    },

    'staff.config': () => ({ config: ctx.config as unknown as Record<string, unknown>, file: configFile }),
    'staff.updateConfig': (i, meta) => {
      const s = callerOf(meta);
      const plan = planConfigChange(configFile, ctx.config, i.patch);
      writeConfigFile(configFile, plan.raw);
      applyLive(ctx.config, plan.next, plan.applied);
      if (plan.applied.includes('vending.slots')) vending.applySlotConfig(ctx.config.vending.slots);
      ctx.record('staff.config_changed', { role: s.role, pinId: s.pinId, fields: plan.fields, restartRequired: plan.restartRequired });
      return { config: ctx.config as unknown as Record<string, unknown>, applied: plan.applied, restartRequired: plan.restartRequired };
    },
    'staff.serialPorts': async () => {
      const { SerialPort } = await import('serialport');
      const list = await SerialPort.list();
      return {
        ports: list.map((p) => ({
          path: p.path,
          manufacturer: p.manufacturer ?? null,
          serialNumber: p.serialNumber ?? null,
          vendorId: p.vendorId ?? null,
          productId: p.productId ?? null,
        })),
      };
    },
    'staff.devices': () => ({ devices: devices.list() }),
    'staff.createPairingCode': (i, meta) => {
      const s = callerOf(meta);
      return devices.createPairingCode(i.name, `${s.role}:${s.pinId}`);
    },
    'staff.revokeDevice': (i, meta) => {
      const s = callerOf(meta);
      devices.revoke(i.deviceId, `${s.role}:${s.pinId}`);
      return { ok: true as const };
    },
    'staff.diagnostics': () =>
      diagnosticsBundle({
        db: ctx.db,
        dataDir: ctx.dataDir,
        kioskId: ctx.kioskId,
        appVersion: appVersion(),
        config: ctx.config,
        devices: { printer: printing.status(), vending: vending.status(), maintenance: maintenanceView() },
      }),
  };

  let sweeper: ReturnType<typeof setInterval> | null = null;
  return {
    name: 'staff',
    service: { auth, maintenance: maintenanceView, devices },
    handlers,
    door,
    onConnectionClosed: (connectionId) => auth.sessions.endConnection(connectionId),
    async start() {
      sweeper = setInterval(() => auth.sessions.sweep(), opts.sweepMs ?? 5000);
      sweeper.unref?.();
      if (auth.needsSetup()) await announceSetupCode();
    },
    stop() {
      if (sweeper) clearInterval(sweeper);
      sweeper = null;
    },
  };
}
