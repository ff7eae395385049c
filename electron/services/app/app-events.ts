/** Event types of the kiosk shell. Payloads carry ids and categories, never personal data. */
import { z } from 'zod';

const language = z.enum(['ko', 'en']);

export const appEventSchemas = {
  'app.started': z.object({ host: z.enum(['electron', 'web']), version: z.string(), migrations: z.array(z.number()) }),
  'app.stopped': z.object({ host: z.enum(['electron', 'web']) }),
  'app.fault': z.object({ where: z.string(), code: z.string(), message: z.string().max(500) }),
  'visitor.session_started': z.object({ language }),
  'visitor.session_reset': z.object({ reason: z.enum(['idle', 'home', 'done']) }),
  'visitor.screen_viewed': z.object({ screen: z.string() }),
  'visitor.language_changed': z.object({ language }),
  'visitor.idle_prompted': z.object({}),
  'visitor.idle_continued': z.object({}),
  'staff.alert_raised': z.object({
    alertId: z.string(),
    kind: z.string(),
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  }),
  'staff.alert_repeated': z.object({ alertId: z.string(), kind: z.string(), count: z.number().int() }),
  'staff.alert_closed': z.object({ alertId: z.string(), reason: z.enum(['cleared', 'acknowledged']), count: z.number().int() }),
  'staff.called': z.object({ alertId: z.string(), screen: z.string(), language }),
} as const;
