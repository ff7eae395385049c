/** Staff console actions: module functions over the store and the API. Every call carries the session token; the services check it. */
import { api } from '../../api/client';
import type { ApiInput, ApiMethod, ApiOutput } from '../../../../electron/contract/api';
import { initialStaffState, useMaintenanceStore, useStaffStore, type StaffTab } from './staff-store';
import { timeOf } from './console-format';

export function bootMaintenance(): () => void {
  const off = api().on('staff.maintenance', (m) => useMaintenanceStore.setState({ open: m.open }));
  void api()
    .call('staff.maintenanceState', {})
    .then((r) => r.ok && useMaintenanceStore.setState({ open: r.value.open }))
    .catch(() => undefined);
  return off;
}

export async function loadAuthState(): Promise<void> {
  const r = await api().call('staff.authState', {});
  if (r.ok) useStaffStore.setState({ needsSetup: r.value.needsSetup, lockedUntil: r.value.lockedUntil });
}

/** Logs in with a PIN, or (first start) sets the first admin PIN with the one-time setup code. */
export async function submitPin(pin: string, setupCode?: string): Promise<boolean> {
  const r = setupCode ? await api().call('staff.setup', { code: setupCode, pin }) : await api().call('staff.login', { pin });
  if (r.ok) {
    useStaffStore.setState({ token: r.value.token, role: r.value.role, pinError: null, needsSetup: false, lockedUntil: null, tab: 'overview' });
    return true;
  }
  const e = r.error;
  if (e.code === 'staff.locked') {
    const until = e.details?.[0] ?? '';
    useStaffStore.setState({ lockedUntil: until, pinError: { key: 'staff.pin.locked', params: { until: until ? timeOf(until, 'ko') : '' } } });
  } else if (e.code === 'staff.pin_wrong' || e.code === 'staff.setup_code_wrong') {
    useStaffStore.setState({ pinError: { key: e.code === 'staff.pin_wrong' ? 'staff.pin.wrong' : 'staff.setup.codeWrong', params: { left: Number(e.details?.[0] ?? 0) } } });
  } else if (e.code === 'staff.pin_invalid') {
    useStaffStore.setState({ pinError: { key: 'staff.setup.pinRule' } });
  } else {
    useStaffStore.setState({ pinError: { key: e.messageKey } });
  }
  return false;
}

export async function logout(): Promise<void> {
  const { token } = useStaffStore.getState();
  useStaffStore.setState(initialStaffState());
  if (token) await api().call('staff.logout', { token }).catch(() => undefined);
}

export function setTab(tab: StaffTab): void {
  useStaffStore.setState({ tab, errorKey: null });
}

/** The staff-level methods of every domain: the ones that carry the session token (see `contract/access.ts`). */
export type TokenMethod = { [M in ApiMethod]: ApiInput<M> extends { token: string } ? M : never }[ApiMethod];

/** Calls a staff method with the session's token; an expired session returns to the PIN pad. */
export async function staffCall<M extends TokenMethod>(method: M, input: Omit<ApiInput<M>, 'token'>, opts: { bump?: boolean } = {}): Promise<ApiOutput<M> | null> {
  const { token } = useStaffStore.getState();
  if (!token) return null;
  const r = await api().call(method, { ...input, token } as unknown as ApiInput<M>);
  if (!r.ok) {
    if (r.error.code === 'staff.session_expired') useStaffStore.setState({ ...initialStaffState(), pinError: { key: r.error.messageKey } });
    else useStaffStore.setState({ errorKey: r.error.messageKey });
    return null;
  }
  if (opts.bump) useStaffStore.setState((s) => ({ version: s.version + 1, errorKey: null }));
  return r.value as ApiOutput<M>;
}

/** Saves text as a file the browser downloads (CSV, diagnostics). */
export function download(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.dataset.testid = 'download-link';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
