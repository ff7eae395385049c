/**
 * What the check-in asks of the venue when the kiosk belongs to a hub (see
 * `hub-sync/venue-link.ts`): a ticket number shared by every kiosk of the
 * venue, and a slot claimed across kiosks. Injected at composition; without
 * a hub the check-in has none and works exactly as before. Every method
 * answers quickly with "offline" rather than keep a visitor waiting.
 */
export interface VenueShare {
  /** The venue's ticket for this queue entry, or null when the hub cannot answer now. */
  ticket(entryId: string, day: string): Promise<{ number: number; label: string; ahead: number } | null>;
  /** `slotStartIso`: the slot's instant (ISO, UTC). 'won': this visitor's venue-wide; 'taken': another kiosk's visitor has it; 'offline': booked here, pending. */
  claimSlot(bookingId: string, slotStartIso: string): Promise<'won' | 'taken' | 'offline'>;
  /** Slot instants (ISO) other kiosks of the venue hold, or null when the hub cannot answer now. */
  takenSlots(): Promise<string[] | null>;
  /** How many of the venue's queue wait before this entry now, or null when the hub cannot answer (or does not hold the ticket yet). */
  ahead(entryId: string, day: string): Promise<number | null>;
  /** This kiosk's letter for tickets from its own block while the hub is away ("A-12"). */
  offlineLetter(): string;
  /** The venue's queue of the day, every kiosk's tickets in arrival order; null when the hub cannot answer now. */
  queue(day: string): Promise<VenueQueueTicket[] | null>;
  /** Calls the venue's earliest waiting ticket, whichever kiosk issued it (`ticket` null: nobody waits); null when the hub cannot answer now. */
  callNext(day: string): Promise<{ ticket: VenueQueueTicket | null } | null>;
  /** Marks a venue ticket talked or no-show; 'unknown' when the hub does not hold the ticket (yet: it is on its way), null when the hub cannot answer now. */
  mark(kioskId: string, entryId: string, outcome: 'talked' | 'no_show'): Promise<VenueQueueTicket | 'unknown' | null>;
}

export type VenueTicketState = 'waiting' | 'called' | 'talked' | 'no_show';

/** A ticket of the venue's queue as the hub holds it (no personal data: the nickname stays on the kiosk that issued it). */
export interface VenueQueueTicket {
  kioskId: string;
  entryId: string;
  /** The venue's number; null for a ticket from a kiosk's offline block. */
  number: number | null;
  /** As printed: "37", or "B-2" from kiosk B's offline block. */
  label: string;
  state: VenueTicketState;
  joinedAt: string;
  calledAt: string | null;
  doneAt: string | null;
}

/**
 * The store's handle on the venue, which the hub domain may fill at run time:
 * a kiosk paired from the console uses the venue's queue and calendar for its
 * very next visitor, without a restart. Empty: the kiosk alone.
 */
export class VenueSlot {
  constructor(private share?: VenueShare) {}

  get current(): VenueShare | undefined {
    return this.share;
  }

  set(share: VenueShare | undefined): void {
    this.share = share;
  }
}
