/**
 * What the venue shares through the hub, as the check-in store asks for it:
 * a venue-wide ticket number, a slot claimed across kiosks, and the venue's
 * queue for the staff console (list, call next, mark). Each call waits
 * a short time only (a visitor is standing at the screen): when the hub does
 * not answer, the caller goes on with the kiosk's own offline answer.
 */
import type { HubCallError, HubClient } from './hub-client';
import type { VenueQueueTicket, VenueShare } from '../store/venue-share';

export const VENUE_CALL_TIMEOUT_MS = 1_500;

export interface VenueLinkOptions {
  client: Pick<HubClient, 'post' | 'get'>;
  ready(): boolean;
  timeoutMs?: number;
}

export class VenueLink implements VenueShare {
  private letter: string | null = null;
  constructor(private readonly o: VenueLinkOptions) {}

  /** Given by the hub at pairing, kept in the credential file. Before pairing: "K" (kiosk). */
  offlineLetter(): string {
    return this.letter ?? 'K';
  }

  setLetter(letter: string | undefined) {
    this.letter = letter ?? null;
  }

  /** The venue's next number for this queue entry, or null when the hub cannot be reached in time. */
  async ticket(entryId: string, day: string): Promise<{ number: number; label: string; ahead: number } | null> {
    if (!this.o.ready()) return null;
    return this.within(this.o.client.post<{ number: number; label: string; ahead: number }>('/v1/tickets', { entryId, day }));
  }

  /** The venue's count of visitors waiting before this entry, or null (offline, or the ticket not at the hub yet). */
  async ahead(entryId: string, day: string): Promise<number | null> {
    if (!this.o.ready()) return null;
    const r = await this.within(this.o.client.post<{ ahead: number | null }>('/v1/tickets/ahead', { entryId, day }));
    return r?.ahead ?? null;
  }

  /** 'won': this kiosk holds the slot venue-wide; 'taken': another kiosk does; 'offline': the hub did not answer. */
  async claimSlot(bookingId: string, slotStart: string): Promise<'won' | 'taken' | 'offline'> {
    if (!this.o.ready()) return 'offline';
    const r = await this.within(this.o.client.post<{ won: boolean }>('/v1/bookings', { bookingId, slotStart }));
    return r === null ? 'offline' : r.won ? 'won' : 'taken';
  }

  /** Slots other kiosks hold (hidden from this kiosk's visitors); null when offline. */
  async takenSlots(): Promise<string[] | null> {
    if (!this.o.ready()) return null;
    const r = await this.within(this.o.client.get<{ taken: string[] }>('/v1/bookings'));
    return r?.taken ?? null;
  }

  /** The venue's queue of the day (every kiosk's tickets), or null when the hub does not answer in time. */
  async queue(day: string): Promise<VenueQueueTicket[] | null> {
    if (!this.o.ready()) return null;
    const r = await this.within(this.o.client.post<{ tickets: VenueQueueTicket[] }>('/v1/venue-queue', { day }));
    return r?.tickets ?? null;
  }

  /** Calls the venue's earliest waiting ticket (the hub decides, once, between consoles pressing together); null when offline. */
  async callNext(day: string): Promise<{ ticket: VenueQueueTicket | null } | null> {
    if (!this.o.ready()) return null;
    return this.within(this.o.client.post<{ ticket: VenueQueueTicket | null }>('/v1/venue-queue/call-next', { day }));
  }

  /** Marks a venue ticket talked or no-show; 'unknown' when the hub does not hold it (yet), null when offline. */
  async mark(kioskId: string, entryId: string, outcome: 'talked' | 'no_show'): Promise<VenueQueueTicket | 'unknown' | null> {
    if (!this.o.ready()) return null;
    const asked = this.o.client.post<{ ticket: VenueQueueTicket }>('/v1/venue-queue/mark', { kioskId, entryId, outcome }).then(
      (r) => r.ticket,
      (err: HubCallError) => {
        if (err.code === 'hub.not_found') return 'unknown' as const;
        throw err;
      },
    );
    return this.within(asked);
  }

  private within<T>(p: Promise<T>): Promise<T | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), this.o.timeoutMs ?? VENUE_CALL_TIMEOUT_MS);
    });
    return Promise.race([p.catch(() => null), timeout]).finally(() => clearTimeout(timer));
  }
}
