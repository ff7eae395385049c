/**
 * The staff console and maintenance mode as a service domain. Every method
 * but login, setup and `staff.maintenanceState` takes a session token; the
 * guard checks it and the role before the handler runs, and every action
 * that changes something is recorded as `staff.action` with the role.
 *
 * Devices are driven through their services (printing, vending), which
 * `domains.ts` creates first.
 */
import type { Handlers } from '../../contract/dispatch';
import type { ApiMethod, ApiOutput, ApiParsedInput } from '../../contract/api';
import type { DomainModule, ServiceContext, ServiceDomain } from '../context';
import type { PrintingService } from '../printing/printing-service';
import { PrintJobStore } from '../printing/print-job-store';
import { describeStatus } from '../printing/printer-status';
import type { VendingServiceImpl } from '../vending/vending-service';
import { appVersion } from '../app/project-paths';
import { StaffAuth, type StaffRole, type StaffSession } from './staff-auth';
import { StaffError } from './staff-errors';
import { staffEventSchemas } from './staff-events';
import { acknowledgeAlert, listAlerts } from './staff-alert-list';
import { alertPushOf } from '../app/staff-alerts';
import { SlotDesk } from './slot-desk';
import { dashboard, dashboardCsv } from './dashboard-queries';
import { frameTapFor } from './frame-tap';
import { applyLive, configFileFor, planConfigChange, writeConfigFile } from './config-editor';
import { diagnosticsBundle } from './diagnostics-bundle';
import { describeVending } from './vending-words';
import { samplePrescription, sampleTicket } from './sample-slips';
import { gatedStoreHandlers, STORE_STAFF_READS, STORE_STAFF_ROLES, storeStaffSchemas } from './store-gate';
import { KioskError, CoreErrorCode } from '../../contract/errors';
import { StaffDevices } from './staff-devices';

export interface StaffDomainOptions {
  now?: () => number;
  /** How often idle sessions are ended (and maintenance closed with them). */
  sweepMs?: number;
  configFile?: string;
}

export function staffDomainModule(opts: StaffDomainOptions = {}): DomainModule {
  return { eventSchemas: staffEventSchemas, create: (ctx) => createStaffDomain(ctx, opts) };
}

type StaffMethod = Extract<ApiMethod, `staff.${string}`>;
type TokenInput<M extends StaffMethod> = ApiParsedInput<M> & { token: string };

export function createStaffDomain(ctx: ServiceContext, opts: StaffDomainOptions = {}): ServiceDomain {
  const now = opts.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();
  const printing = ctx.getService<PrintingService>('printing');
  const vending = ctx.getService<VendingServiceImpl>('vending');
  const jobs = new PrintJobStore(ctx.db, () => new Date(now()));
  const desk = new SlotDesk(ctx.db, vending);
  const frames = frameTapFor(ctx);
  const configFile = opts.configFile ?? configFileFor(ctx.dataDir);

  let maintenance: { open: boolean; since: string | null; token: string | null } = { open: false, since: null, token: null };
  const maintenanceView = () => ({ open: maintenance.open, since: maintenance.since });
  const setMaintenance = (open: boolean, s: StaffSession | null) => {
    if (maintenance.open === open) return;
    maintenance = open ? { open, since: iso(), token: s?.token ?? null } : { open: false, since: null, token: null };
    if (s) ctx.record('staff.maintenance_changed', { open, role: s.role, pinId: s.pinId });
    ctx.push({ name: 'staff.maintenance', payload: maintenanceView() });
  };

  const auth = new StaffAuth({
    db: ctx.db,
    now,
    record: (t, p) => ctx.record(t, p),
    // Maintenance mode closes with the session that opened it: a technician who walks away does not leave visitors locked out.
    onSessionEnd: (s) => {
      if (maintenance.open && maintenance.token === s.token) {
        setMaintenance(false, null);
        ctx.record('staff.maintenance_changed', { open: false, role: s.role, pinId: s.pinId });
      }
    },
  });

  const unsubscribe = ctx.events.subscribe((e) => {
    if (e.type === 'vending.slot_changed' || e.type === 'vending.faults_cleared' || e.type === 'vending.restocked') desk.reapplyHolds();
  });

  const devices = new StaffDevices(ctx.db, { now, record: (t, p) => ctx.record(t, p) });

  const sessionOut = (s: StaffSession) => ({ token: s.token, role: s.role, expiresAt: new Date(s.expiresAt).toISOString() });

  /**
   * Wraps a handler: token and role first; then, for actions that change
   * something, one `staff.action` event naming the role and the target.
   */
  function guard<M extends StaffMethod>(
    method: M,
    role: StaffRole,
    fn: (input: TokenInput<M>, s: StaffSession) => ApiOutput<M> | Promise<ApiOutput<M>>,
    action?: { target?: (input: TokenInput<M>) => string | number | null; needsMaintenance?: boolean },
  ) {
    return async (input: ApiParsedInput<M>): Promise<ApiOutput<M>> => {
      const i = input as TokenInput<M>;
      const s = auth.require(i.token, role);
      if (action?.needsMaintenance && !maintenance.open) throw new StaffError('staff.maintenance_required', 'open maintenance mode first');
      const out = await fn(i, s);
      if (action) ctx.record('staff.action', { role: s.role, pinId: s.pinId, action: method, target: action.target?.(i) ?? null });
      return out;
    };
  }

  const handlers: Partial<Handlers> = {
    'staff.authState': () => ({ needsSetup: auth.needsSetup(), lockedUntil: auth.lockedUntil(), failures: auth.failures() }),
    'staff.setup': ({ pin }, meta) => sessionOut(auth.setup(pin, meta.transport)),
    'staff.login': ({ pin }, meta) => sessionOut(auth.login(pin, meta.transport)),
    'staff.logout': ({ token }) => {
      auth.logout(token);
      return { ok: true as const };
    },
    'staff.session': guard('staff.session', 'staff', (_i, s) => sessionOut(s)),
    'staff.pins': guard('staff.pins', 'admin', () => ({ pins: auth.pins() })),
    'staff.addPin': guard('staff.addPin', 'admin', (i) => ({ id: auth.addPin(i.role, i.label, i.pin) }), { target: (i) => i.role }),
    'staff.removePin': guard(
      'staff.removePin',
      'admin',
      (i) => {
        auth.removePin(i.pinId);
        return { ok: true as const };
      },
      { target: (i) => i.pinId },
    ),

    'staff.alerts': guard('staff.alerts', 'staff', (i) => listAlerts(ctx.db, { includeAcknowledged: i.includeAcknowledged, limit: i.limit })),
    'staff.acknowledgeAlert': guard(
      'staff.acknowledgeAlert',
      'staff',
      (i, s) => {
        const a = acknowledgeAlert(ctx.db, i.alertId, `${s.role}:${s.pinId}`, iso());
        const pushed = alertPushOf(ctx.db, a.id);
        if (pushed) ctx.push({ name: 'staff.alert', payload: pushed });
        return a;
      },
      { target: (i) => i.alertId },
    ),

    'staff.stock': guard('staff.stock', 'staff', () => ({ slots: desk.slots() })),
    'staff.restock': guard('staff.restock', 'staff', (i) => desk.restock(i.slot, i.count), { target: (i) => i.slot }),
    'staff.setSlotEnabled': guard('staff.setSlotEnabled', 'staff', (i, s) => ({ slots: desk.setEnabled(i.slot, i.enabled, s.role) }), { target: (i) => i.slot }),
    'staff.editSlot': guard(
      'staff.editSlot',
      'staff',
      (i, s) => {
        const slots = ctx.config.vending.slots.map((x) => (x.slot === i.slot ? { slot: i.slot, category: i.category, item: i.item, capacity: i.capacity } : x));
        if (!slots.some((x) => x.slot === i.slot)) throw new StaffError('staff.config_invalid', `slot ${i.slot} is not configured`, { details: [`vending.slots: slot ${i.slot} is not configured`] });
        const plan = planConfigChange(configFile, ctx.config, { vending: { slots } });
        writeConfigFile(configFile, plan.raw);
        applyLive(ctx.config, plan.next, plan.applied);
        desk.applySlotConfig(ctx.config.vending.slots);
        ctx.record('staff.config_changed', { role: s.role, pinId: s.pinId, fields: plan.fields, restartRequired: plan.restartRequired });
        return { slots: desk.slots() };
      },
      { target: (i) => i.slot },
    ),

    'staff.dashboard': guard('staff.dashboard', 'staff', (i) => dashboard(ctx.db, { days: i.days, now: now() })),
    'staff.dashboardCsv': guard(
      'staff.dashboardCsv',
      'staff',
      (i) => {
        const d = dashboard(ctx.db, { days: i.days, now: now() });
        return { filename: `itda-dashboard-${ctx.kioskId}-${d.days[d.days.length - 1]}.csv`, csv: dashboardCsv(d) };
      },
      { target: (i) => i.days },
    ),

    'staff.maintenanceState': () => maintenanceView(),
    'staff.setMaintenance': guard(
      'staff.setMaintenance',
      'technician',
      (i, s) => {
        setMaintenance(i.open, s);
        return maintenanceView();
      },
      { target: (i) => (i.open ? 'open' : 'close') },
    ),

    'staff.printer': guard('staff.printer', 'technician', async (i) => {
      const status = i.refresh ? await printing.refreshStatus() : printing.status();
      return { status, words: describeStatus(status), jobs: printing.jobs({ limit: 30 }) };
    }),
    'staff.printerPrint': guard(
      'staff.printerPrint',
      'technician',
      (i) => {
        const at = new Date(now());
        switch (i.what) {
          case 'test_raster':
            return printing.testPage('raster');
          case 'test_text':
            return printing.testPage('text');
          case 'sample_prescription':
            return printing.submit(samplePrescription(ctx.config, at), { kind: 'sample' });
          case 'sample_ticket':
            return printing.submit(sampleTicket(ctx.config, at), { kind: 'sample' });
        }
      },
      { target: (i) => i.what },
    ),
    'staff.printerRetry': guard('staff.printerRetry', 'technician', (i) => printing.reprint(i.jobId), { target: (i) => i.jobId }),
    'staff.printerPreview': guard('staff.printerPreview', 'technician', async (i) => {
      const doc = jobs.document(i.jobId);
      if (!doc) throw new StaffError('staff.job_not_found', `no print job ${i.jobId}`);
      const job = printing.job(i.jobId);
      const png = await printing.preview(doc, { mode: job?.mode });
      return { jobId: i.jobId, png: png.toString('base64') };
    }),

    'staff.vending': guard('staff.vending', 'staff', () => {
      const status = vending.status();
      return { status, words: describeVending(status), toResolve: vending.toResolve() };
    }),
    'staff.vendingPing': guard('staff.vendingPing', 'technician', async () => {
      const t = performance.now();
      const firmware = await vending.controller.ping();
      return { firmware, ms: Math.round((performance.now() - t) * 10) / 10 };
    }),
    'staff.vendingSlotInfo': guard('staff.vendingSlotInfo', 'technician', async () => {
      await vending.monitor.refreshSlots();
      desk.reapplyHolds();
      return { slots: desk.slots() };
    }),
    'staff.motorTest': guard('staff.motorTest', 'technician', (i) => vending.motorTest(i.slot, 'staff_motor_test'), { target: (i) => i.slot, needsMaintenance: true }),
    'staff.clearFaults': guard(
      'staff.clearFaults',
      'technician',
      async () => {
        const s = await vending.clearFaults();
        desk.reapplyHolds();
        return { ...s, slots: vending.status().slots };
      },
      { needsMaintenance: true },
    ),
    'staff.resolveVend': guard('staff.resolveVend', 'staff', (i) => vending.resolveVend(i.txn, i.delivered), { target: (i) => i.txn }),
    'staff.frames': guard('staff.frames', 'technician', (i) => ({ frames: frames.since(i.afterSeq) })),

    'staff.config': guard('staff.config', 'technician', () => ({ config: ctx.config as unknown as Record<string, unknown>, file: configFile })),
    'staff.updateConfig': guard(
      'staff.updateConfig',
      'technician',
      (i, s) => {
        const plan = planConfigChange(configFile, ctx.config, i.patch);
        writeConfigFile(configFile, plan.raw);
        applyLive(ctx.config, plan.next, plan.applied);
        if (plan.applied.includes('vending.slots')) desk.applySlotConfig(ctx.config.vending.slots);
        ctx.record('staff.config_changed', { role: s.role, pinId: s.pinId, fields: plan.fields, restartRequired: plan.restartRequired });
        return { config: ctx.config as unknown as Record<string, unknown>, applied: plan.applied, restartRequired: plan.restartRequired };
      },
      { target: () => 'config' },
    ),
    'staff.serialPorts': guard('staff.serialPorts', 'technician', async () => {
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
    }),
    'staff.store': async (i, meta) => {
      const s = auth.require(i.token, STORE_STAFF_ROLES[i.method]);
      const h = gatedStoreHandlers(ctx).get(i.method);
      if (!h) throw new KioskError(CoreErrorCode.notImplemented, `${i.method} is not available on this kiosk`);
      const schema = storeStaffSchemas(i.method);
      const parsed = schema.input.safeParse(i.input);
      if (!parsed.success) {
        const details = parsed.error!.issues.map((x) => `input.${x.path.map(String).join('.') || '(input)'}: ${x.message}`);
        throw new KioskError(CoreErrorCode.invalidInput, `invalid input for ${i.method}`, { details });
      }
      const value = schema.output.parse(await h(parsed.data, meta));
      if (!STORE_STAFF_READS.has(i.method)) ctx.record('staff.action', { role: s.role, pinId: s.pinId, action: i.method, target: null });
      return { value };
    },
    'staff.devices': guard('staff.devices', 'technician', () => ({ devices: devices.list() })),
    'staff.createPairingCode': guard('staff.createPairingCode', 'technician', (i, s) => devices.createPairingCode(i.name, `${s.role}:${s.pinId}`), { target: (i) => i.name }),
    'staff.revokeDevice': guard(
      'staff.revokeDevice',
      'technician',
      (i, s) => {
        devices.revoke(i.deviceId, `${s.role}:${s.pinId}`);
        return { ok: true as const };
      },
      { target: (i) => i.deviceId },
    ),
    'staff.diagnostics': guard(
      'staff.diagnostics',
      'technician',
      () =>
        diagnosticsBundle({
          db: ctx.db,
          dataDir: ctx.dataDir,
          kioskId: ctx.kioskId,
          appVersion: appVersion(),
          config: ctx.config,
          devices: { printer: printing.status(), vending: vending.status(), maintenance: maintenanceView() },
        }),
      { target: () => 'bundle' },
    ),
  };

  let sweeper: ReturnType<typeof setInterval> | null = null;
  return {
    name: 'staff',
    service: { auth, desk, maintenance: maintenanceView, devices },
    handlers,
    start() {
      desk.reapplyHolds();
      sweeper = setInterval(() => auth.sweep(), opts.sweepMs ?? 5000);
      sweeper.unref?.();
    },
    stop() {
      if (sweeper) clearInterval(sweeper);
      sweeper = null;
      unsubscribe();
    },
  };
}
