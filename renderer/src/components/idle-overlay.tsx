/** "아직 계세요? / Are you still there?" with a visible countdown and one big button to continue. */
import { useT } from '../i18n/use-t';
import { useSessionStore } from '../stores/session-store';
import { useEffect, useRef } from 'react';
import { Pressable } from './pressable';
import { announce } from '../a11y/announcer';

export function IdleOverlay({ onContinue }: { onContinue(): void }) {
  const t = useT();
  const remaining = useSessionStore((s) => s.idleRemaining);
  const open = remaining !== null;
  // The prompt is announced when it opens, then the countdown every 5 seconds (every second would drown the words).
  useEffect(() => {
    const seconds = useSessionStore.getState().idleRemaining;
    if (open && seconds !== null) announce(t('a11y.screen.idle', { title: t('idle.title'), body: t('idle.body', { seconds }) }), 'screen');
  }, [open, t]);
  const first = useRef<number | null>(null);
  useEffect(() => {
    if (remaining === null) {
      first.current = null;
      return;
    }
    if (first.current === null) first.current = remaining;
    else if (remaining % 5 === 0 || remaining <= 3) announce(t('a11y.idle.remaining', { seconds: remaining }), 'result');
  }, [remaining, t]);
  if (remaining === null) return null;
  return (
    <div className="overlay" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-body" data-a11y-announced>
      <div className="dialog">
        <h2 id="idle-title">{t('idle.title')}</h2>
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
