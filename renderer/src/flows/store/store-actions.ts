/** Check-in actions: module functions over the stores and the API, callable from screens, timers and tests. */
import { api } from '../../api/client';
import { newRequestId } from '../../api/request-id';
import { useSessionStore } from '../../stores/session-store';
import { resetVisitorSession } from '../../stores/session-actions';
import { SELF_CHECK_QUESTIONS, useStoreFlow, useStoreInfo, useStoreVisit, type StoreStep } from './store-store';
import { storeNicknames } from './store-i18n';
import { sayBookDay, sayNickname, sayPhoneProgress } from './store-speech';
import { formatSlotDay } from './slot-format';

const set = useStoreFlow.setState;
const get = useStoreFlow.getState;


function requestId(): string {
  let id = useStoreVisit.getState().requestId;
  if (!id) {
    id = newRequestId();
    useStoreVisit.setState({ requestId: id });
  }
  return id;
}

export async function storeAvailable(): Promise<boolean> {
  const r = await api().call('store.info', {});
  if (r.ok) useStoreInfo.setState({ info: r.value });
  return r.ok ? r.value.available : false;
}

export function enterStore(): void {
  if (!useStoreInfo.getState().info) void storeAvailable();
}

export function goStep(step: StoreStep): void {
  set({ step, noticeKey: null });
}

export async function giveConsent(consent: boolean): Promise<void> {
  if (get().busy) return;
  set({ busy: true });
  const r = await api().call('store.start', { requestId: requestId(), consent });
  if (!r.ok) return void set({ busy: false, noticeKey: r.error.messageKey });
  set({ busy: false, consent, noticeKey: null });
  if (consent) goStep('identifyAsk');
  else await openSnacks();
}

export function chooseNickname(preset: number): void {
  set({ nicknamePreset: preset });
  sayNickname(preset, get().nicknameDigits);
}

export function nicknameKey(key: string): void {
  const d = get().nicknameDigits;
  if (key === 'back') set({ nicknameDigits: d.slice(0, -1) });
  else if (key === 'clear') set({ nicknameDigits: '' });
  else if (/^\d$/.test(key) && d.length < 3) set({ nicknameDigits: d + key });
  sayNickname(get().nicknamePreset, get().nicknameDigits);
}

export function phoneKey(key: string): void {
  const p = get().phone;
  if (key === 'back') set({ phone: p.slice(0, -1), noticeKey: null });
  else if (key === 'clear') set({ phone: '', noticeKey: null });
  else if (/^\d$/.test(key) && p.length < 11) set({ phone: p + key, noticeKey: null });
  const now = get().phone;
  sayPhoneProgress(now, phoneLooksValid(now));
}

/** `010-1234-5678` while typing: easier to check than eleven digits in a row. */
export function formatPhone(digits: string): string {
  if (digits.length <= 3) return digits;
  if (digits.length <= 7) return `${digits.slice(0, 3)}-${digits.slice(3)}`;
  const mid = digits.length === 11 ? 7 : 6;
  return `${digits.slice(0, 3)}-${digits.slice(3, mid)}-${digits.slice(mid)}`;
}

export function phoneLooksValid(digits: string): boolean {
  return /^(010\d{8}|01[16789]\d{7,8})$/.test(digits);
}

export async function submitIdentity(): Promise<void> {
  const { nicknamePreset, nicknameDigits, phone, busy } = get();
  if (busy || nicknamePreset === null) return;
  if (!phoneLooksValid(phone)) return void set({ noticeKey: 'store.phone.invalid' });
  // The number leaves the screen's memory before the answer comes back.
  set({ busy: true, phone: '' });
  const base = storeNicknames[nicknamePreset]!.ko;
  const nickname = nicknameDigits ? `${base} ${nicknameDigits}` : base;
  const r = await api().call('store.identify', { requestId: requestId(), nickname, phone });
  if (!r.ok) return void set({ busy: false, noticeKey: r.error.messageKey });
  set({
    busy: false,
    greeting: { returning: r.value.returning, preset: nicknamePreset, digits: nicknameDigits },
    needsSelfCheck: r.value.needsSelfCheck,
  });
  if (r.value.needsSelfCheck) goStep('selfcheck');
  else await openSnacks();
}

export function skipIdentity(): void {
  set({ nicknamePreset: null, nicknameDigits: '', phone: '', needsSelfCheck: true });
  goStep('selfcheck');
}

export async function answerSelfCheck(value: number | boolean): Promise<void> {
  const { questionIndex, answers, busy } = get();
  if (busy) return;
  const q = SELF_CHECK_QUESTIONS[questionIndex]!;
  const next = { ...answers, [q]: value };
  if (questionIndex < SELF_CHECK_QUESTIONS.length - 1) return void set({ answers: next, questionIndex: questionIndex + 1 });
  set({ answers: next, busy: true });
  const r = await api().call('store.selfCheck', {
    requestId: requestId(),
    answers: {
      companionship: next.companionship as 1 | 2 | 3,
      leftOut: next.leftOut as 1 | 2 | 3,
      isolated: next.isolated as 1 | 2 | 3,
      contact: next.contact as boolean,
      helper: next.helper as boolean,
    },
  });
  if (!r.ok) return void set({ busy: false, noticeKey: r.error.messageKey });
  set({ busy: false, selfCheck: r.value, step: 'selfcheckResult', noticeKey: null });
}

export function selfCheckBack(): void {
  const i = get().questionIndex;
  if (i > 0) set({ questionIndex: i - 1 });
}

export async function openSnacks(noticeKey: string | null = null): Promise<void> {
  const r = await api().call('store.snacks', {});
  set({ step: 'snack', noticeKey, snacks: r.ok ? r.value : get().snacks, chosen: [] });
  if (r.ok && r.value.perVisit === 0) await openTalk();
}

/** One snack per visit: a tap takes it at once. Several: taps toggle and "next" takes them. */
export async function tapSnack(itemId: string | null): Promise<void> {
  const { snacks, chosen, busy } = get();
  if (busy || !snacks) return;
  if (itemId === null) return takeSnacks([]);
  if (snacks.perVisit <= 1) return takeSnacks([itemId]);
  const next = chosen.includes(itemId) ? chosen.filter((i) => i !== itemId) : [...chosen, itemId].slice(0, snacks.perVisit);
  set({ chosen: next });
}

export async function takeSnacks(itemIds: string[]): Promise<void> {
  set({ busy: true });
  const r = await api().call('store.chooseSnacks', { requestId: requestId(), itemIds });
  set({ busy: false });
  if (r.ok) {
    set({ chosen: itemIds });
    return openTalk();
  }
  // Someone took the last one first: the list refreshes and the visitor picks again.
  if (r.error.code === 'store.out_of_stock') return openSnacks('store.snack.gone');
  set({ noticeKey: r.error.messageKey });
}

export async function openTalk(): Promise<void> {
  const r = await api().call('store.queueStatus', {});
  set({ step: 'talk', noticeKey: null, queueStatus: r.ok ? r.value : null });
}

export async function talkNow(): Promise<void> {
  if (get().busy) return;
  set({ busy: true });
  const r = await api().call('store.talkNow', { requestId: requestId() });
  set({ busy: false });
  if (!r.ok) return void set({ noticeKey: r.error.messageKey });
  await finish();
}

export async function openBooking(noticeKey: string | null = null): Promise<void> {
  const r = await api().call('store.slots', {});
  const slots = r.ok ? r.value.slots : [];
  // Keep the day the visitor was looking at (after a lost race); else the first day with a free time.
  const current = get().bookDay;
  const keep = current && slots.some((s) => s.free && s.start.startsWith(current)) ? current : null;
  const bookDay = keep ?? slots.find((s) => s.free)?.start.slice(0, 10) ?? null;
  set({ step: 'book', noticeKey, slots, bookDay });
}

export function pickBookDay(day: string): void {
  set({ bookDay: day, noticeKey: null });
  const free = (get().slots ?? []).filter((s) => s.free && s.start.startsWith(day)).length;
  sayBookDay(formatSlotDay(day, useSessionStore.getState().language), free);
}

export async function bookSlot(slotStart: string): Promise<void> {
  if (get().busy) return;
  set({ busy: true });
  const r = await api().call('store.book', { requestId: requestId(), slotStart });
  set({ busy: false });
  if (r.ok) return finish();
  if (r.error.code === 'store.slot_taken' || r.error.code === 'store.slot_unavailable') return openBooking('store.book.taken');
  set({ noticeKey: r.error.messageKey });
}

export async function finish(): Promise<void> {
  if (get().step === 'finishing' || get().step === 'done') return;
  set({ step: 'finishing', busy: true });
  const language = useSessionStore.getState().language;
  let r = await api().call('store.finish', { requestId: requestId(), language });
  // The same request id is safe to resend after a dropped connection: one ticket whatever happens.
  for (let i = 0; i < 3 && !r.ok && r.error.code === 'connection.lost'; i++) {
    await new Promise((res) => setTimeout(res, 1000));
    r = await api().call('store.finish', { requestId: requestId(), language });
  }
  if (get().step !== 'finishing') return; // the visitor left
  if (r.ok) set({ busy: false, step: 'done', result: r.value });
  else set({ busy: false, step: 'talk', noticeKey: r.error.messageKey });
}

export function doneCheckIn(): void {
  resetVisitorSession('done');
}

/** "지금 많이 힘들어요": the numbers show at once; staff are alerted in the background. */
export async function openCrisis(): Promise<void> {
  const { crisisState } = get();
  set({ crisisOpen: true });
  if (crisisState === 'alerting' || crisisState === 'alerted') return;
  set({ crisisState: 'alerting' });
  const r = await api()
    .call('store.crisis', { requestId: requestId() })
    .catch(() => null);
  set({ crisisState: r?.ok ? 'alerted' : 'failed' });
}

export function closeCrisis(): void {
  set({ crisisOpen: false });
}
