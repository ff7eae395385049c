/**
 * Whole visits as the kiosk's screens make them, over the contract: the Mind
 * Pharmacy (symptom → prescribe, slip and gift) and the check-in (consent,
 * nickname and phone, self-check, snack, talk now or a booking, ticket).
 * Errors a visitor may meet (a gift not given, a busy slot) are answers,
 * not failures; an `internal` error is a bug and is counted as one.
 */
import type { Result } from '../contract/errors';
import type { KioskClient } from './kiosk-process';
import type { VisitPlan } from './fault-plan';

export interface VisitOutcome {
  requestId: string;
  flow: VisitPlan['flow'];
  /** Every error code the visitor's screen got back, by method. */
  errors: { method: string; code: string }[];
  /** The prescription number, when one was issued and answered. */
  rxNumber?: string;
}

type Call = KioskClient['call'];

async function ask(call: Call, out: VisitOutcome, method: string, input: unknown): Promise<any> {
  const r: Result<unknown> = await call(method, input);
  if (r.ok) return r.value;
  out.errors.push({ method, code: r.error.code });
  return null;
}

export async function runVisit(client: KioskClient, plan: VisitPlan, requestId: string, index: number): Promise<VisitOutcome> {
  const out: VisitOutcome = { requestId, flow: plan.flow, errors: [] };
  const call: Call = (m, i) => client.call(m, i);
  if (plan.flow === 'pharmacy') {
    const catalog = await ask(call, out, 'pharmacy.catalog', {});
    if (!catalog) return out;
    const symptom = catalog.symptoms[index % catalog.symptoms.length];
    await ask(call, out, 'pharmacy.chooseSymptom', { symptomId: symptom.id, requestId });
    // A tap storm on "get my prescription": the same request id, several times at once.
    const results = await Promise.all(
      Array.from({ length: plan.taps }, () => ask(call, out, 'pharmacy.prescribe', { symptomId: symptom.id, requestId, language: plan.language })),
    );
    out.rxNumber = results.find((r) => r)?.rxNumber;
    return out;
  }
  const started = await ask(call, out, 'store.start', { requestId, consent: plan.consent });
  if (!started) return out;
  if (plan.consent) {
    // A different phone per visit: 010 and eight digits from the request.
    const digits = String(Math.abs(hash(requestId)) % 100_000_000).padStart(8, '0');
    const who = await ask(call, out, 'store.identify', { requestId, nickname: `손님 ${index % 100}`, phone: `010${digits}` });
    if (who?.needsSelfCheck) {
      await ask(call, out, 'store.selfCheck', {
        requestId,
        answers: { companionship: 1 + (index % 3), leftOut: 2, isolated: 1 + ((index + 1) % 3), contact: index % 2 === 0, helper: true },
      });
    }
  }
  const snacks = await ask(call, out, 'store.snacks', {});
  const pick = snacks?.items.find((s: { available: boolean }) => s.available);
  if (pick) await ask(call, out, 'store.chooseSnacks', { requestId, itemIds: [pick.itemId] });
  if (plan.talk === 'now') await ask(call, out, 'store.talkNow', { requestId });
  else {
    const slots = await ask(call, out, 'store.slots', {});
    const free = slots?.slots.filter((s: { free: boolean }) => s.free) ?? [];
    if (free.length) await ask(call, out, 'store.book', { requestId, slotStart: free[index % free.length].start });
  }
  await Promise.all(Array.from({ length: plan.taps }, () => ask(call, out, 'store.finish', { requestId, language: plan.language })));
  return out;
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}
