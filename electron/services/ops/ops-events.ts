/** Event types of kiosk operations (maintenance, disk guard, supervised processes). Ids and counts only. */
import { z } from 'zod';

const step = z.object({ ok: z.boolean(), detail: z.string().max(300) });

export const opsEventSchemas = {
  'ops.maintenance_started': z.object({ reason: z.enum(['schedule', 'manual']) }),
  'ops.maintenance_done': z.object({
    reason: z.enum(['schedule', 'manual']),
    steps: z.record(z.string(), step),
    ms: z.number(),
  }),
  'ops.maintenance_deferred': z.object({ why: z.literal('visitor_active') }),
  'ops.disk_low': z.object({ freeMb: z.number(), minFreeMb: z.number() }),
  'ops.disk_trimmed': z.object({ removedFiles: z.number().int(), freedMb: z.number(), freeMbAfter: z.number() }),
  'ops.logs_rotated': z.object({ rotated: z.number().int(), removed: z.number().int() }),
  'ops.runtime_fault': z.object({ process: z.enum(['browser', 'host']), streak: z.number().int(), backoffMs: z.number() }),
} as const;
