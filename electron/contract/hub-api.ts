/**
 * Contract of the kiosk's link to the venue hub, for the console (technician):
 * whether a hub is set and this kiosk is paired, and pairing it by entering
 * the hub's address and the one-time code `npm run hub -- pair` printed.
 * The kiosk trades the code for its device credential at once, so a wrong or
 * expired code or an unreachable hub is told on the spot.
 */
import { z } from 'zod';
import { staffToken as token } from './staff-token';

const hubStatus = z.object({
  /** A hub address is set (config `hub.url`, `ITDA_HUB_URL`, or paired from the console). */
  configured: z.boolean(),
  url: z.string().nullable(),
  paired: z.boolean(),
  venue: z.string().nullable(),
  /** This kiosk's letter for tickets while the hub is away. */
  ticketLetter: z.string().nullable(),
  /** Events waiting for the hub (null without a hub). */
  waiting: z.number().int().nullable(),
});

export const hubApi = {
  'hub.status': { input: z.object({ token }).strict(), output: hubStatus },
  'hub.pair': {
    input: z
      .object({
        token,
        url: z.string().trim().min(1).max(300),
        code: z.string().trim().min(4).max(40),
      })
      .strict(),
    output: hubStatus.extend({
      /** Paired while running without a hub: events and alerts sync now; the shared queue and calendar from the next start. */
      venueFromNextStart: z.boolean(),
    }),
  },
} as const;
