/**
 * The check-in's UI state. Everything a visitor typed or chose sits in the
 * `flow` store and is wiped by Home, "done" and the idle reset; the phone
 * digits are wiped even sooner, the moment they are sent. The request id
 * (one visit per session) lives for the session.
 */
import { create } from 'zustand';
import type { ApiOutput } from '../../../../electron/contract/api';
import { registerVisitorStore } from '../../stores/visitor-reset';

export type StoreStep =
  | 'welcome'
  | 'consent'
  | 'identifyAsk'
  | 'nickname'
  | 'phone'
  | 'selfcheck'
  | 'selfcheckResult'
  | 'snack'
  | 'talk'
  | 'book'
  | 'finishing'
  | 'done';

export type SelfCheckQuestion = 'companionship' | 'leftOut' | 'isolated' | 'contact' | 'helper';
export const SELF_CHECK_QUESTIONS: SelfCheckQuestion[] = ['companionship', 'leftOut', 'isolated', 'contact', 'helper'];

export type SnackList = ApiOutput<'store.snacks'>;
export type Slot = ApiOutput<'store.slots'>['slots'][number];
export type FinishResult = ApiOutput<'store.finish'>;
export type SelfCheckResult = ApiOutput<'store.selfCheck'>;

export interface StoreFlowState {
  step: StoreStep;
  busy: boolean;
  consent: boolean | null;
  /** Index into the nickname presets, and the digits added to it. */
  nicknamePreset: number | null;
  nicknameDigits: string;
  phone: string;
  /** The greeting after identification: the nickname the visitor typed, never a stored one. */
  greeting: { returning: boolean; preset: number; digits: string } | null;
  needsSelfCheck: boolean;
  questionIndex: number;
  answers: Partial<Record<SelfCheckQuestion, number | boolean>>;
  selfCheck: SelfCheckResult | null;
  snacks: SnackList | null;
  chosen: string[];
  queueStatus: { waiting: number; estimatedMinutes: number } | null;
  slots: Slot[] | null;
  /** The day whose times the booking screen shows (`2026-11-26`). */
  bookDay: string | null;
  /** A message key to show kindly on the current step (lost race, bad number). */
  noticeKey: string | null;
  result: FinishResult | null;
  crisisOpen: boolean;
  crisisState: 'idle' | 'alerting' | 'alerted' | 'failed';
}

export const initialStoreFlow = (): StoreFlowState => ({
  step: 'welcome',
  busy: false,
  consent: null,
  nicknamePreset: null,
  nicknameDigits: '',
  phone: '',
  greeting: null,
  needsSelfCheck: true,
  questionIndex: 0,
  answers: {},
  selfCheck: null,
  snacks: null,
  chosen: [],
  queueStatus: null,
  slots: null,
  bookDay: null,
  noticeKey: null,
  result: null,
  crisisOpen: false,
  crisisState: 'idle',
});

export const useStoreFlow = create<StoreFlowState>(initialStoreFlow);
export const useStoreVisit = create<{ requestId: string | null }>(() => ({ requestId: null }));
export const useStoreInfo = create<{ info: ApiOutput<'store.info'> | null }>(() => ({ info: null }));

registerVisitorStore(() => useStoreFlow.setState(initialStoreFlow()), 'flow');
registerVisitorStore(() => useStoreVisit.setState({ requestId: null }), 'session');
