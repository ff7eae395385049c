/** Confirms a staff call, or says kindly that it failed and where to go instead. */
import { useT } from '../i18n/use-t';
import { useSessionStore } from '../stores/session-store';

export function StaffCallToast() {
  const t = useT();
  const state = useSessionStore((s) => s.staffCall);
  if (state !== 'called' && state !== 'failed') return null;
  return (
    <div className="toast" role="status" data-testid="staff-call-result" data-result={state}>
      {state === 'called' ? t('shell.staffCalled') : t('shell.staffCallFailed')}
    </div>
  );
}
