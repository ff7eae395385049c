/**
 * The five-question self-check: the three-item UCLA Loneliness Scale
 * (Hughes et al. 2004: lack of companionship, feeling left out, feeling
 * isolated; 1 = hardly ever, 2 = some of the time, 3 = often; 3–9) and two
 * social-isolation items (contact with someone in the last week; someone to
 * ask for help). The wording is on the screen (`store-i18n.ts`); here are
 * only the answers' meaning and the kind suggestion, never a diagnosis.
 */
import { z } from 'zod';

export const uclaAnswer = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export const selfCheckAnswersSchema = z
  .object({
    companionship: uclaAnswer,
    leftOut: uclaAnswer,
    isolated: uclaAnswer,
    /** Talked with someone (in person or by phone) in the last week. */
    contact: z.boolean(),
    /** Has someone to ask for help. */
    helper: z.boolean(),
  })
  .strict();
export type SelfCheckAnswers = z.infer<typeof selfCheckAnswersSchema>;

/** `gentle`: the answers sound fairly connected; `lonely`: some loneliness; `talk`: talking with a counselor is suggested. */
export type SelfCheckLevel = 'gentle' | 'lonely' | 'talk';

export interface SelfCheckResult {
  uclaScore: number;
  level: SelfCheckLevel;
  suggestTalk: boolean;
}

/** UCLA-3 of 6 or more is the usual "lonely" cut-off; no contact and no one to ask is isolation whatever the score. */
export const UCLA_TALK_THRESHOLD = 6;

export function scoreSelfCheck(a: SelfCheckAnswers): SelfCheckResult {
  const uclaScore = a.companionship + a.leftOut + a.isolated;
  const isolated = !a.contact && !a.helper;
  const suggestTalk = uclaScore >= UCLA_TALK_THRESHOLD || isolated;
  const level: SelfCheckLevel = suggestTalk ? 'talk' : uclaScore >= 5 ? 'lonely' : 'gentle';
  return { uclaScore, level, suggestTalk };
}

const DAY_MS = 86_400_000;

/**
 * First visits answer the self-check; a returning visitor answers again when
 * the last one is more than `everyDays` old (or they never answered).
 */
export function needsSelfCheck(lastSelfCheckAt: string | null, now: Date, everyDays: number): boolean {
  if (!lastSelfCheckAt) return true;
  return now.getTime() - new Date(lastSelfCheckAt).getTime() > everyDays * DAY_MS;
}
