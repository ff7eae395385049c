/**
 * The Mind Pharmacy's UI state. The catalog is kiosk data (kept across
 * visitors); the step and the chosen symptom are one flow's progress; the
 * request id and the prescription belong to the visit (one per session).
 */
import { create } from 'zustand';
import type { ApiOutput } from '../../../../electron/contract/api';
import { registerVisitorStore } from '../../stores/visitor-reset';

export type PharmacyCatalog = ApiOutput<'pharmacy.catalog'>;
export type PrescriptionResult = ApiOutput<'pharmacy.prescribe'>;
export type CrisisResult = ApiOutput<'pharmacy.crisis'>;

export type PharmacyStep = 'pick' | 'detail' | 'compounding' | 'result' | 'crisis';

export interface PharmacyFlowState {
  step: PharmacyStep;
  symptomId: string | null;
  /** An error's message key when the prescription could not be made at all. */
  errorKey: string | null;
  crisis: CrisisResult | null;
  crisisPending: boolean;
}

export interface PharmacyVisitState {
  requestId: string | null;
  result: PrescriptionResult | null;
}

const initialFlow = (): PharmacyFlowState => ({ step: 'pick', symptomId: null, errorKey: null, crisis: null, crisisPending: false });
const initialVisit = (): PharmacyVisitState => ({ requestId: null, result: null });

export const usePharmacyFlow = create<PharmacyFlowState>(initialFlow);
export const usePharmacyVisit = create<PharmacyVisitState>(initialVisit);
/** Kiosk data kept across visitors; `forVisit` is the visit whose first look loaded it (and pinned its content version). */
export const usePharmacyCatalog = create<{ catalog: PharmacyCatalog | null; forVisit: string | null; loadError: string | null }>(() => ({ catalog: null, forVisit: null, loadError: null }));

registerVisitorStore(() => usePharmacyFlow.setState(initialFlow()), 'flow');
registerVisitorStore(() => usePharmacyVisit.setState(initialVisit()), 'session');
