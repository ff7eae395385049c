/** "아직 계세요? / Are you still there?" with a visible countdown and one big button to continue. */
import { useT } from '../i18n/use-t';
import { useSessionStore } from '../stores/session-store';
import { Pressable } from './pressable';

export function IdleOverlay({ onContinue }: { onContinue(): void }) {
  const t = useT();
  const remaining = useSessionStore((s) => s.idleRemaining);
  if (remaining === null) return null;
  return (
    <div className="overlay" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-body">
      <div className="dialog">
        <h1 id="idle-title">{t('idle.title')}</h1>
        <div className="countdown" data-testid="idle-countdown" aria-live="polite">
          {remaining}
        </div>
        <p id="idle-body" className="lead">
          {t('idle.body', { seconds: remaining })}
        </p>
        <Pressable className="primary" data-testid="idle-continue" onClick={onContinue} autoFocus>
          {t('idle.continue')}
        </Pressable>
      </div>
    </div>
  );
}
