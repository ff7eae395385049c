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
}
