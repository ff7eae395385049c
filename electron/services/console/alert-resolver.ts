/**
 * Closes alerts when their cause clears, by listening to the events the
 * device services already record: paper loaded (`printer.status_changed`
 * without the fault), link back (`vending.link_changed` up), a jammed slot
 * back in service, a job printed, a vend resolved, stock refilled. The
 * devices stay unaware of alerts closing; the event log is the one place
 * both sides meet.
 */
import type { ServiceContext } from '../context';
import { closeStaffAlerts } from '../app/staff-alerts';
import { alertCatalog, alertTypes } from '../../contract/alert-catalog';
import type { LoggedEvent } from '../storage/event-log';

type Payload = Record<string, unknown>;

/** Printer alert types the status can clear (every `printer.*` entry of the catalog). */
const printerTypes = alertTypes.filter((t) => t.startsWith('printer.'));

/** What to close for one recorded event: a list of causes (exact) and prefixes. */
export function causesCleared(e: Pick<LoggedEvent, 'type' | 'payload'>, lowThreshold: (source: 'gift' | 'snack', id: string | number) => number): { exact: string[]; prefix: string[] } {
  const p = (e.payload ?? {}) as Payload;
  const exact: string[] = [];
  const prefix: string[] = [];
  switch (e.type) {
    case 'printer.status_changed': {
      const active = new Set([...((p.faults as string[]) ?? []), ...((p.warnings as string[]) ?? [])]);
      for (const t of printerTypes) if (!active.has(t)) exact.push(t);
      if (p.state === 'ok') exact.push('printer_fault');
      break;
    }
    case 'print.job_printed':
    case 'console.job_cancelled':
      exact.push(`print_job:${String(p.jobId)}`);
      break;
    case 'vending.link_changed':
      if (p.up === true) exact.push('vending.no_link');
      break;
    case 'vending.fault':
      if (p.active === false) exact.push(`vending.${String(p.fault)}`);
      break;
    case 'vending.faults_cleared':
      exact.push('vending_fault');
      break;
    case 'vending.slot_changed':
      if (p.state === 'ok') exact.push(`vending.jammed:${String(p.slot)}`, `vending.slot_empty:${String(p.slot)}`);
      break;
    case 'vending.restocked': {
      const count = Number(p.count);
      if (count > 0) exact.push(`vending.slot_empty:${String(p.slot)}`);
      if (count > lowThreshold('gift', Number(p.slot))) exact.push(`low_stock:${String(p.slot)}`);
      break;
    }
    case 'vend.resolved':
      exact.push(`vend:${String(p.txn)}`);
      break;
    case 'store.restocked':
      if (Number(p.stock) > lowThreshold('snack', String(p.itemId))) exact.push(`low_stock:store:${String(p.itemId)}`);
      break;
  }
  return { exact, prefix };
}

/** Subscribes to the event log; returns the unsubscribe function. */
export function startAlertResolver(ctx: ServiceContext, lowThreshold: (source: 'gift' | 'snack', id: string | number) => number): () => void {
  return ctx.events.subscribe((e) => {
    const { exact, prefix } = causesCleared(e, lowThreshold);
    if (exact.length === 0 && prefix.length === 0) return;
    // After the current write finishes: the event may be part of a domain's transaction still open.
    queueMicrotask(() => {
      try {
        for (const c of exact) closeStaffAlerts(ctx, c);
        for (const c of prefix) closeStaffAlerts(ctx, c, { prefix: true });
      } catch (err) {
        ctx.logger.warn('cannot close a cleared alert', { err, type: e.type });
      }
    });
  });
}

/** Every catalog type that closes on its own is handled above; the test checks this list against the catalog. */
export const selfClearingTypes = alertTypes.filter((t) => alertCatalog[t].clears);
