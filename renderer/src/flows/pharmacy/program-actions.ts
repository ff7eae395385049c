/**
 * 서울연결처방 on the pharmacy result: the programme on screen (first the
 * slip's, then one more per "다른 프로그램 보기") and the visitor's request
 * for staff help. UI state only; the services keep what was shown.
 */
import { create } from 'zustand';
import { api } from '../../api/client';
import { registerVisitorStore } from '../../stores/visitor-reset';
import { usePharmacyVisit } from './pharmacy-store';
import type { ApiOutput } from '../../../../electron/contract/api';

export type ProgramCard = NonNullable<ApiOutput<'pharmacy.prescribe'>['program']>;

export interface ProgramVisitState {
  /** The programme on screen after "다른 프로그램 보기"; null: the slip's own (the prescription's). */
  shown: ProgramCard | null;
  more: boolean;
  loading: boolean;
  /** Help asked for, by programme id. */
  help: Record<string, 'sending' | 'sent' | 'failed'>;
  /** Bumped by each tap, so the result screen's own return-home wait starts again. */
  touched: number;
}

const initial = (): ProgramVisitState => ({ shown: null, more: true, loading: false, help: {}, touched: 0 });
export const useProgramVisit = create<ProgramVisitState>(initial);
registerVisitorStore(() => useProgramVisit.setState(initial()), 'session');

export function currentProgram(): ProgramCard | null {
  return useProgramVisit.getState().shown ?? usePharmacyVisit.getState().result?.program ?? null;
}

export async function showAnotherProgram(): Promise<void> {
  const { loading } = useProgramVisit.getState();
  const requestId = usePharmacyVisit.getState().requestId;
  const now = currentProgram();
  if (loading || !requestId || !now) return;
  useProgramVisit.setState((s) => ({ loading: true, touched: s.touched + 1 }));
  const r = await api().call('connect.nextProgram', { requestId, after: now.id });
  if (r.ok && r.value.program) useProgramVisit.setState({ shown: r.value.program, more: r.value.more, loading: false });
  else useProgramVisit.setState({ more: false, loading: false });
}

export async function askStaffToHelp(): Promise<void> {
  const requestId = usePharmacyVisit.getState().requestId;
  const program = currentProgram();
  if (!requestId || !program) return;
  const state = useProgramVisit.getState().help[program.id];
  if (state === 'sending' || state === 'sent') return;
  const set = (v: 'sending' | 'sent' | 'failed') => useProgramVisit.setState((s) => ({ help: { ...s.help, [program.id]: v }, touched: s.touched + 1 }));
  set('sending');
  const r = await api().call('connect.requestHelp', { requestId, programId: program.id });
  set(r.ok ? 'sent' : 'failed');
}
