/**
 * The referrals' staff methods (`referrals.staff*`): recorded and followed up
 * by counselors in the console. Their own domain beside the check-in store,
 * whose visitors they belong to (see `referrals.ts`).
 */
import { z } from 'zod';
import type { CallMeta, Handlers } from '../../contract/dispatch';
import type { DomainModule, ServiceContext, ServiceDomain } from '../context';
import { Referrals, ReferralError } from './referrals';
import type { ConnectService } from '../connect/connect-service';
import { programState } from '../connect/program-matching';
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
  // The 서울연결처방 catalog, when its domain started (composed before this one); referrals work without it.
  let connect: ConnectService | null = null;
  try {
    connect = ctx.getService<ConnectService>('connect');
  } catch {
    connect = null;
  }
  const referable = () => {
    if (!connect) return [];
    const today = seoulDay(now());
    return connect.programs
      .all()
      .map((s) => ({ p: s.program, state: programState(s.program, s.retiredAt !== null, today) }))
      .filter((x): x is { p: typeof x.p; state: 'active' | 'upcoming' } => x.state === 'active' || x.state === 'upcoming')
      .map(({ p, state }) => ({ id: p.id, name: p.name, institution: p.institution, state }));
  };
  const handlers: Partial<Handlers> = {
    'referrals.staffPrograms': () => ({ programs: referable() }),
    'referrals.staffAdd': (i, meta) => {
      const at = now();
      // A programme id must name one of the catalog's (free text needs none).
      if (i.programId !== undefined && !referable().some((p) => p.id === i.programId)) {
        throw new ReferralError('referrals.unknown_program', `no programme ${i.programId} to refer to`);
      }
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
