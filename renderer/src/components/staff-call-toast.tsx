/** Confirms a staff call, or says kindly that it failed and where to go instead. */
import { useT } from '../i18n/use-t';
import { useEffect } from 'react';
import { useSessionStore } from '../stores/session-store';
import { announce } from '../a11y/announcer';

export function StaffCallToast() {
  const t = useT();
  const state = useSessionStore((s) => s.staffCall);
  const text = state === 'called' ? t('shell.staffCalled') : state === 'failed' ? t('shell.staffCallFailed') : null;
  useEffect(() => {
    if (text) announce(text, 'result');
  }, [text]);
  if (state !== 'called' && state !== 'failed') return null;
  return (
    <div className="toast" role="status" data-testid="staff-call-result" data-result={state}>
      {text}
    </div>
  );
}
