/** Contract of the kiosk shell: identity, health, staff calls, visitor navigation. */
import { z } from 'zod';
import { healthSchema } from './events';

export const languageSchema = z.enum(['ko', 'en']);
export type Language = z.infer<typeof languageSchema>;

const localizedSchema = z.object({ ko: z.string(), en: z.string() });

/** Screens a visitor can be on; used in events so staff see where a call came from. */
export const screenSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9.-]*$/, 'lowercase screen id');

export const appApi = {
  'app.info': {
    input: z.object({}).strict(),
    output: z.object({
      kioskId: z.string(),
      venueName: localizedSchema,
      idleSeconds: z.number().int().positive(),
      idleCountdownSeconds: z.number().int().positive(),
      languages: z.array(languageSchema).min(1),
      defaultLanguage: languageSchema,
      version: z.string(),
      host: z.enum(['electron', 'web']),
    }),
  },
  'app.health': {
    input: z.object({}).strict(),
    output: healthSchema,
  },
  'app.staffCall': {
    input: z.object({ screen: screenSchema, language: languageSchema }).strict(),
    output: z.object({ alertId: z.string() }),
  },
  'app.visitorEvent': {
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('session.start'), language: languageSchema }).strict(),
      z.object({ kind: z.literal('session.reset'), reason: z.enum(['idle', 'home', 'done']) }).strict(),
      z.object({ kind: z.literal('screen.view'), screen: screenSchema }).strict(),
      z.object({ kind: z.literal('language.change'), language: languageSchema }).strict(),
      z.object({ kind: z.literal('idle.prompt') }).strict(),
      z.object({ kind: z.literal('idle.continue') }).strict(),
    ]),
    output: z.object({ recorded: z.boolean() }),
  },
} as const;
