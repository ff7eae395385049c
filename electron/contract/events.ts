/**
 * Events that services push to every connected screen (Electron window or web
 * host tab). Same shape over IPC and WebSocket: `{ name, payload }`.
 * Add a domain's push events here; the renderer subscribes by name.
 */
import { z } from 'zod';
import { alertTypes, type AlertType } from './alert-catalog';
import { frameEntrySchema } from './vending-api';

export const healthSchema = z.object({
  status: z.enum(['ok', 'out_of_service']),
  /** Machine-readable reason, for the log and staff; visitors see a generic kind message. */
  reason: z.string().nullable(),
  /** Staff-facing one-line detail, never shown to visitors. */
  detail: z.string().nullable(),
});
export type Health = z.infer<typeof healthSchema>;

export const pushEventSchemas = {
  'app.health': healthSchema,
  /** A device changed state: printer or vending. Domains fill `status` with their typed status. */
  'device.status': z.object({
    device: z.enum(['printer', 'vending']),
    status: z.record(z.string(), z.unknown()),
  }),
  /** A staff-facing alert was raised (staff call, crisis, device fault). */
  'staff.alert': z.object({
    id: z.string(),
    kind: z.string(),
    at: z.string(),
    /** The alert catalog's entry (`alert-catalog.ts`): what the console says about it. */
    type: z.enum(alertTypes as [AlertType, ...AlertType[]]).optional(),
    severity: z.enum(['crisis', 'action', 'notice']).optional(),
    cause: z.string().nullable().optional(),
    /** How many times the cause happened (or a visitor tapped) while this alert was open: a repeat joins it instead of adding one. */
    count: z.number().int().min(1).optional(),
    lastAt: z.string().optional(),
    /** Closed: its cause cleared, or a person acknowledged it (every console drops it). */
    closed: z.boolean().optional(),
    closedReason: z.enum(['cleared', 'acknowledged']).nullable().optional(),
    acknowledgedBy: z.string().nullable().optional(),
  }),
  /**
   * Something a staff console shows changed (the queue, bookings, stock, print jobs, today's counts):
   * consoles reload those panels instead of polling. Coalesced: one push per topic per moment.
   */
  'console.changed': z.object({ topics: z.array(z.enum(['queue', 'bookings', 'stock', 'jobs', 'today', 'content'])) }),
  /** Maintenance mode opened or closed by a technician: visitor screens show "점검 중 / under maintenance" while open. */
  'staff.maintenance': z.object({ open: z.boolean(), since: z.string().nullable() }),
  /** New vending link frames for the maintenance frame monitor, batched; sent only while a monitor is watching (`frame-stream.ts`). */
  'vending.frames': z.object({ frames: z.array(frameEntrySchema) }),
} as const;

export type PushEventName = keyof typeof pushEventSchemas;
export type PushEventPayload<N extends PushEventName> = z.infer<(typeof pushEventSchemas)[N]>;
export type PushEvent = { [N in PushEventName]: { name: N; payload: PushEventPayload<N> } }[PushEventName];

export const pushEventNames = Object.keys(pushEventSchemas) as PushEventName[];
