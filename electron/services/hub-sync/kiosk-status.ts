/**
 * What the kiosk tells the hub in each heartbeat, read from its own records
 * (the event log and the vending table), so the hub link needs no handle on
 * the device services: printer state and paper near end, vending slots and
 * stock, the last visitor event, the software version and the outbox's lag.
 * The last printer and visitor events are followed as they are written,
 * not searched for every 15 seconds.
 */
import { readSnackLedger } from './snack-share';
import type { Db } from '../storage/database';
import type { EventLog, LoggedEvent } from '../storage/event-log';
import type { OutboxLag } from './outbox';

export interface KioskHeartbeat {
  version: string;
  printer: { state: string; paperNearEnd: boolean; faults: string[] } | null;
  vending: { linkUp: boolean | null; slots: number; emptySlots: number; stock: number } | null;
  lastVisitorEventAt: string | null;
  outbox: { events: number; oldestAt: string | null };
  /** The check-in's snack stock on this kiosk, per item (the hub adds the venue's up). */
  snacks: { itemId: string; stock: number; low: boolean }[];
  pendingBookings: string[];
}

const VISITOR_PREFIXES = ['visitor.', 'store.visit', 'store.identified', 'store.self_checked', 'store.snack_taken', 'store.queue_joined', 'store.booked', 'store.completed', 'store.crisis', 'pharmacy.'];
const isVisitorEvent = (type: string) => VISITOR_PREFIXES.some((p) => type.startsWith(p));

export class KioskStatus {
  private printer: KioskHeartbeat['printer'] = null;
  private vendingLink: boolean | null = null;
  private lastVisitorAt: string | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly db: Db,
    events: EventLog,
    private readonly version: string,
  ) {
    const last = (type: string) => this.db.prepare('SELECT payload FROM events WHERE type = ? ORDER BY seq DESC LIMIT 1').pluck().get(type) as string | undefined;
    const p = last('printer.status_changed');
    if (p) this.notePrinter(JSON.parse(p));
    const v = last('vending.link_changed');
    if (v) this.vendingLink = Boolean(JSON.parse(v).up);
    // Newest first by rowid: stops at the first visitor event, which on a working kiosk is recent.
    this.lastVisitorAt =
      (this.db.prepare("SELECT at FROM events WHERE type LIKE 'visitor.%' OR type LIKE 'store.%' OR type LIKE 'pharmacy.%' ORDER BY seq DESC LIMIT 1").pluck().get() as
        | string
        | undefined) ?? null;
    this.unsubscribe = events.subscribe((e) => this.follow(e));
  }

  private follow(e: LoggedEvent) {
    if (e.type === 'printer.status_changed') this.notePrinter(e.payload as Record<string, unknown>);
    else if (e.type === 'vending.link_changed') this.vendingLink = Boolean((e.payload as { up?: boolean }).up);
    else if (isVisitorEvent(e.type)) this.lastVisitorAt = e.at;
  }

  private notePrinter(p: Record<string, unknown>) {
    const warnings = Array.isArray(p.warnings) ? (p.warnings as string[]) : [];
    const faults = Array.isArray(p.faults) ? (p.faults as unknown[]).map(String).slice(0, 20) : [];
    this.printer = { state: String(p.state ?? 'unknown').slice(0, 40), paperNearEnd: warnings.includes('printer.paper_near_end'), faults };
  }

  read(lag: OutboxLag): KioskHeartbeat {
    const v = this.db
      .prepare("SELECT COUNT(*) AS slots, COALESCE(SUM(state = 'empty' OR count = 0), 0) AS empty, COALESCE(SUM(CASE WHEN state <> 'disabled' THEN count ELSE 0 END), 0) AS stock FROM vending_slots")
      .get() as { slots: number; empty: number; stock: number };
    const snacks = readSnackLedger(this.db);
    const pendingBookings = this.db.prepare("SELECT ref FROM hub_pending WHERE kind = 'booking' AND state = 'pending' ORDER BY at LIMIT 200").pluck().all() as string[];
    return {
      version: this.version.slice(0, 40),
      snacks,
      pendingBookings,
      printer: this.printer,
      vending: v.slots > 0 ? { linkUp: this.vendingLink, slots: v.slots, emptySlots: v.empty, stock: v.stock } : null,
      lastVisitorEventAt: this.lastVisitorAt,
      outbox: { events: lag.events, oldestAt: lag.oldestAt },
    };
  }

  close() {
    this.unsubscribe();
  }
}
