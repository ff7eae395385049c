/**
 * The staff console's day screens as a service domain (`console.*`): the
 * overview, alerts in words, print jobs and owed slips, gift low-stock
 * thresholds. It also closes alerts whose cause cleared and raises gift
 * low-stock alerts at each slot's own threshold, both by listening to the
 * event log, so the device services need not know about either.
 *
 * Who may call each method is decided at the door (`contract/access.ts`);
 * handlers get the admitted caller, and every change records the role and
 * PIN id that made it.
 */
import { z } from 'zod';
import type { CallMeta, Handlers, StaffCaller } from '../../contract/dispatch';
import type { ApiMethod, ApiOutput, ApiParsedInput } from '../../contract/api';
import type { DomainModule, ServiceContext, ServiceDomain } from '../context';
import type { PrintingService } from '../printing/printing-service';
import type { VendingServiceImpl } from '../vending/vending-service';
import { StaffError } from '../staff/staff-errors';
import { raiseStaffAlert, alertPushOf } from '../app/staff-alerts';
import { acknowledgeAlert } from '../staff/staff-alert-list';
import { alertRow, listConsoleAlerts, toConsoleAlert, type AlertNames } from './console-alerts';
import { startAlertResolver } from './alert-resolver';
import { startChangePusher } from './change-pusher';
import { PrintDesk } from './print-desk';
import { buildOverview, giftThreshold, type StoreLike } from './overview';
import { ConsoleError } from './console-errors';
import { PrintJobStore } from '../printing/print-job-store';
import { consoleStats, consoleStatsCsv } from './stats-queries';
import { ContentDesk } from './content-desk';

export const consoleEventSchemas = {
  'console.job_cancelled': z.object({ jobId: z.string(), role: z.string(), pinId: z.string().max(40) }),
  'console.job_reprinted': z.object({ jobId: z.string(), newJobId: z.string(), role: z.string(), pinId: z.string().max(40) }),
  'console.low_stock_set': z.object({ slot: z.number().int(), threshold: z.number().int(), role: z.string(), pinId: z.string().max(40) }),
  'console.alert_acknowledged': z.object({ alertId: z.string(), role: z.string(), pinId: z.string().max(40) }),
  'console.content_saved': z.object({ version: z.number().int(), previous: z.number().int(), role: z.string(), pinId: z.string().max(40) }),
  'console.content_restored': z.object({ version: z.number().int(), from: z.number().int(), previous: z.number().int(), role: z.string(), pinId: z.string().max(40) }),
} as const;

export function consoleDomainModule(opts: { now?: () => number } = {}): DomainModule {
  return { eventSchemas: consoleEventSchemas, create: (ctx) => createConsoleDomain(ctx, opts) };
}

type ConsoleMethod = Extract<ApiMethod, `console.${string}`>;
type TokenInput<M extends ConsoleMethod> = ApiParsedInput<M> & { token: string };

function optionalService<T>(ctx: ServiceContext, name: string): T | null {
  try {
    return ctx.getService<T>(name);
  } catch {
    return null;
  }
}

export function createConsoleDomain(ctx: ServiceContext, opts: { now?: () => number } = {}): ServiceDomain {
  const now = opts.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();
  const printing = optionalService<PrintingService>(ctx, 'printing');
  const vending = optionalService<VendingServiceImpl>(ctx, 'vending');
  const store = optionalService<StoreLike>(ctx, 'store');
  const desk = printing ? new PrintDesk(ctx.db, printing, () => new Date(now())) : null;
  const jobs = new PrintJobStore(ctx.db, () => new Date(now()));

  const names: AlertNames = {
    gift: (slot) => ctx.config.vending.slots.find((s) => s.slot === slot)?.item ?? null,
    snack: (id) => ctx.config.store.snacks.find((s) => s.id === id)?.name ?? null,
    pinLabel: (pinId) => (ctx.db.prepare('SELECT label FROM staff_pins WHERE id = ?').pluck().get(pinId) as string | undefined) ?? null,
  };
  const content = new ContentDesk(ctx, printing, () => new Date(now()), (pinId) => names.pinLabel(pinId));
  const lowThreshold = (source: 'gift' | 'snack', id: string | number): number => {
    if (source === 'gift') return giftThreshold(ctx.db, ctx.config.vending.slots, Number(id));
    const row = ctx.db.prepare('SELECT low_threshold FROM store_snack_stock WHERE item_id = ?').pluck().get(String(id)) as number | null | undefined;
    return row ?? ctx.config.store.lowStockThreshold;
  };

  const offResolver = startAlertResolver(ctx, lowThreshold);
  const offChanges = startChangePusher(ctx.events, (e) => ctx.push(e));
  // Gift low stock at the slot's own threshold; a repeat joins the open alert (one per slot).
  const offLowStock = ctx.events.subscribe((e) => {
    if (e.type !== 'vend.completed') return;
    const p = e.payload as { slot: number; kind: string; state: string };
    if (p.kind !== 'dispense' || p.state !== 'delivered') return;
    queueMicrotask(() => {
      try {
        const slot = vending?.slots().find((s) => s.slot === p.slot);
        if (slot && slot.count <= lowThreshold('gift', p.slot)) raiseStaffAlert(ctx, 'low_stock', { slot: p.slot, count: slot.count });
      } catch (err) {
        ctx.logger.warn('cannot raise a low-stock alert', { err });
      }
    });
  });

  /** The door (`access.ts`) has checked the session and role; the handler gets the admitted caller. */
  function guard<M extends ConsoleMethod>(fn: (input: TokenInput<M>, s: StaffCaller) => ApiOutput<M> | Promise<ApiOutput<M>>) {
    return async (input: ApiParsedInput<M>, meta: CallMeta): Promise<ApiOutput<M>> => {
      if (!meta.staff) throw new StaffError('staff.session_expired', 'no staff session on this call');
      return fn(input as TokenInput<M>, meta.staff);
    };
  }
  const needDesk = (): PrintDesk => {
    if (!desk) throw new ConsoleError('console.job_not_found', 'this kiosk has no printer');
    return desk;
  };
  const by = (s: StaffCaller) => `${s.role}:${s.pinId}`;

  const handlers: Partial<Handlers> = {
    'console.overview': guard<'console.overview'>(() =>
      buildOverview({ ctx, now: now(), printing, vending, store, names, lowThreshold }),
    ),
    'console.alerts': guard<'console.alerts'>((i) => listConsoleAlerts(ctx.db, names, { history: i.history, limit: i.limit })),
    'console.acknowledge': guard<'console.acknowledge'>((i, s) => {
      if (!alertRow(ctx.db, i.alertId)) throw new ConsoleError('console.alert_not_found', `no alert ${i.alertId}`);
      acknowledgeAlert(ctx.db, i.alertId, by(s), iso());
      ctx.record('console.alert_acknowledged', { alertId: i.alertId, role: s.role, pinId: s.pinId });
      const pushed = alertPushOf(ctx.db, i.alertId);
      if (pushed) ctx.push({ name: 'staff.alert', payload: pushed });
      return toConsoleAlert(alertRow(ctx.db, i.alertId)!, names);
    }),
    'console.printJobs': guard<'console.printJobs'>((i) => needDesk().jobs(i.limit)),
    'console.cancelJob': guard<'console.cancelJob'>((i, s) => {
      const job = needDesk().cancel(i.jobId, by(s), iso());
      ctx.record('console.job_cancelled', { jobId: i.jobId, role: s.role, pinId: s.pinId });
      return job;
    }),
    'console.reprintJob': guard<'console.reprintJob'>((i, s) => {
      const { next } = needDesk().reprint(i.jobId, by(s), iso());
      ctx.record('console.job_reprinted', { jobId: i.jobId, newJobId: next.jobId, role: s.role, pinId: s.pinId });
      return next;
    }),
    'console.jobPreview': guard<'console.jobPreview'>(async (i) => {
      const doc = jobs.document(i.jobId);
      if (!doc || !printing) throw new ConsoleError('console.job_not_found', `no print job ${i.jobId}`);
      const png = await printing.preview(doc, { mode: printing.job(i.jobId)?.mode });
      return { jobId: i.jobId, png: png.toString('base64') };
    }),
    'console.stats': guard<'console.stats'>((i) => consoleStats(ctx.db, { range: i.range, now: now() })),
    // An export is an action: the door records who took it (access.ts), with the range as its target.
    'console.statsCsv': guard<'console.statsCsv'>((i) => {
      const stats = consoleStats(ctx.db, { range: i.range, now: now() });
      return { filename: `itda-dashboard-${ctx.kioskId}-${stats.days[stats.days.length - 1]}.csv`, csv: consoleStatsCsv(stats) };
    }),
    // No session needed (access: known): a logged-out console still shows a crisis; acknowledging needs a PIN.
    'console.openCrises': () => ({
      crises: listConsoleAlerts(ctx.db, names, { history: false, limit: 100 })
        .alerts.filter((a) => a.severity === 'crisis')
        .map((a) => ({ id: a.id, kind: a.kind, at: a.at, lastAt: a.lastAt, count: a.count })),
    }),
    'console.content': guard<'console.content'>((i) => content.show(i)),
    'console.contentPreview': guard<'console.contentPreview'>((i) => content.preview(i)),
    'console.saveContent': guard<'console.saveContent'>((i, s) => content.save(i, s)),
    'console.restoreContent': guard<'console.restoreContent'>((i, s) => content.restore(i, s)),
    'console.giftLowStock': guard<'console.giftLowStock'>(() => ({
      thresholds: ctx.config.vending.slots.map((s) => ({ slot: s.slot, threshold: lowThreshold('gift', s.slot) })),
    })),
    'console.setGiftLowStock': guard<'console.setGiftLowStock'>((i, s) => {
      const slot = ctx.config.vending.slots.find((x) => x.slot === i.slot);
      if (!slot) throw new ConsoleError('console.no_such_slot', `slot ${i.slot} is not configured`);
      ctx.db.prepare('INSERT INTO vending_low_stock (slot, threshold) VALUES (?, ?) ON CONFLICT(slot) DO UPDATE SET threshold = excluded.threshold').run(i.slot, i.threshold);
      ctx.record('console.low_stock_set', { slot: i.slot, threshold: i.threshold, role: s.role, pinId: s.pinId });
      return { slot: i.slot, threshold: i.threshold };
    }),
  };

  return {
    name: 'console',
    handlers,
    stop() {
      offResolver();
      offChanges();
      offLowStock();
    },
  };
}
