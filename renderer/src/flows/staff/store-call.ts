/** The check-in's staff methods (`store.staff*`), called with the session token like every staff method; Seoul day helpers for the counseling views. */
import type { ApiInput, ApiOutput } from '../../../../electron/contract/api';
import { staffCall, type TokenMethod } from './staff-actions';

export type StoreStaffMethod = Extract<TokenMethod, `store.staff${string}`>;

export function storeCall<M extends StoreStaffMethod>(method: M, input: Omit<ApiInput<M>, 'token'>, opts: { bump?: boolean } = {}): Promise<ApiOutput<M> | null> {
  return staffCall(method, input, opts);
}

/** Seoul's calendar day of an instant, `YYYY-MM-DD` (the venue's day, whatever the browser's zone). */
export function seoulDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** `mon`…`sun` of a `YYYY-MM-DD` day. */
export function weekdayOf(day: string): 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun' {
  return (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[new Date(`${day}T00:00:00Z`).getUTCDay()]!;
}
