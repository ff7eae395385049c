/** Mind Pharmacy actions: module functions over the stores and the API, callable from screens and tests. */
import { api } from '../../api/client';
import { newRequestId } from '../../api/request-id';
import { useSessionStore } from '../../stores/session-store';
import { usePharmacyCatalog, usePharmacyFlow, usePharmacyVisit } from './pharmacy-store';

/** The compounding animation shows at least this long, so the change of screen reads as a step, not a flicker. */
const MIN_COMPOUNDING_MS = 1500;


/** One request id per visit: every prescribe and crisis call of this visitor carries it. */
function visitRequestId(): string {
  let id = usePharmacyVisit.getState().requestId;
  if (!id) {
    id = newRequestId();
    usePharmacyVisit.setState({ requestId: id });
  }
  return id;
}

/**
 * The catalog for this visit: its first look pins the content version the
 * whole visit reads, so an admin's edit reaches the next visitor, never this
 * one. The last visitor's catalog stays on screen meanwhile (an edit changes
 * words, never the symptoms' ids).
 */
export async function loadCatalog(): Promise<void> {
  const requestId = visitRequestId();
  const r = await api().call('pharmacy.catalog', { requestId });
  if (r.ok) usePharmacyCatalog.setState({ catalog: r.value, forVisit: requestId, loadError: null });
  else usePharmacyCatalog.setState({ loadError: r.error.messageKey });
}

/** Whether the catalog on hand was loaded for another visit (or none). */
export function catalogIsStale(): boolean {
  const { catalog, forVisit } = usePharmacyCatalog.getState();
  const visit = usePharmacyVisit.getState().requestId;
  return !catalog || visit === null || forVisit !== visit;
}

export async function pharmacyAvailable(): Promise<boolean> {
  const r = await api().call('pharmacy.availability', {});
  return r.ok ? r.value.available : false;
}

/** Entering the pharmacy: a visitor who already has this visit's prescription sees it again. */
export function enterPharmacy(): void {
  const result = usePharmacyVisit.getState().result;
  usePharmacyFlow.setState({ step: result ? 'result' : 'pick', errorKey: null });
}

export function pickSymptom(symptomId: string): void {
  usePharmacyFlow.setState({ step: 'detail', symptomId, errorKey: null });
  void api()
    .call('pharmacy.chooseSymptom', { symptomId, requestId: visitRequestId() })
    .catch(() => undefined);
}

export function backToSymptoms(): void {
  usePharmacyFlow.setState({ step: 'pick', symptomId: null, errorKey: null });
}

/** Confirm: the first tap wins; later taps of a storm find the step already moved on. */
export async function confirmPrescription(): Promise<void> {
  const { step, symptomId } = usePharmacyFlow.getState();
  if (step !== 'detail' || !symptomId) return;
  usePharmacyFlow.setState({ step: 'compounding' });
  // Durations on the monotonic clock: an NTP correction mid-visit must not stretch or skip the wait.
  const started = performance.now();
  const language = useSessionStore.getState().language;
  let r = await api().call('pharmacy.prescribe', { symptomId, requestId: visitRequestId(), language });
  // A dropped connection: the same request id is safe to send again (the service answers with the same prescription).
  for (let i = 0; i < 3 && !r.ok && r.error.code === 'connection.lost'; i++) {
    await new Promise((res) => setTimeout(res, 1000));
    r = await api().call('pharmacy.prescribe', { symptomId, requestId: visitRequestId(), language });
  }
  const wait = MIN_COMPOUNDING_MS - (performance.now() - started);
  if (wait > 0) await new Promise((res) => setTimeout(res, wait));
  if (usePharmacyFlow.getState().step !== 'compounding') return; // the visitor left (idle reset, home)
  if (r.ok) {
    usePharmacyVisit.setState({ result: r.value });
    usePharmacyFlow.setState({ step: 'result' });
  } else {
    usePharmacyFlow.setState({ step: 'detail', errorKey: r.error.messageKey });
  }
}

/** "Really struggling": show the numbers at once, then alert staff and print them. */
export async function openCrisis(): Promise<void> {
  if (usePharmacyFlow.getState().crisisPending) return;
  usePharmacyFlow.setState({ step: 'crisis', crisisPending: true });
  const language = useSessionStore.getState().language;
  const r = await api().call('pharmacy.crisis', { requestId: visitRequestId(), language });
  usePharmacyFlow.setState({ crisisPending: false, crisis: r.ok ? r.value : null });
}
