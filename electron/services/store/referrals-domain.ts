/**
 * The referrals' staff methods (`referrals.staff*`): recorded and followed up
 * by counselors in the console. Their own domain beside the check-in store,
 * whose visitors they belong to (see `referrals.ts`).
 */
import { z } from 'zod';
import type { CallMeta, Handlers } from '../../contract/dispatch';
import type { DomainModule, ServiceContext, ServiceDomain } from '../context';
import { Referrals } from './referrals';
import { seoulDay } from './seoul-time';

const id = z.string().min(1).max(64);
export const referralEventSchemas = {
  'referral.recorded': z.object({ referralId: id, kind: z.enum(['program', 'centre']) }),
  'referral.done': z.object({ referralId: id }),
};

export function referralsDomainModule(opts: { now?: () => Date } = {}): DomainModule {
  return { eventSchemas: referralEventSchemas, create: (ctx) => createReferralsDomain(ctx, opts) };
}

/** Who recorded it, for the row: the PIN's id, never the PIN. */
const by = (meta: CallMeta) => meta.staff?.pinId ?? 'local';

export function createReferralsDomain(ctx: ServiceContext, opts: { now?: () => Date } = {}): ServiceDomain {
  const now = () => opts.now?.() ?? new Date();
  const referrals = new Referrals(ctx.db);
  const handlers: Partial<Handlers> = {
    'referrals.staffAdd': (i, meta) => {
      const at = now();
      const referral = referrals.add(i, by(meta), at, seoulDay(at));
      ctx.record('referral.recorded', { referralId: referral.referralId, kind: referral.kind });
      return { referral };
    },
    'referrals.staffList': ({ all }) => {
      const today = seoulDay(now());
      return { today, referrals: referrals.list(today, all) };
    },
    'referrals.staffDone': ({ referralId }, meta) => {
      const at = now();
      const before = referrals.get(referralId, seoulDay(at));
      const referral = referrals.markDone(referralId, by(meta), at, seoulDay(at));
      if (before && before.doneAt === null) ctx.record('referral.done', { referralId });
      return { referral };
    },
  };
  return { name: 'referrals', handlers, service: referrals };
}
