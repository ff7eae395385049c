/** The calm screen between visitors. Any tap starts a session. */
import { useT } from '../i18n/use-t';
import { useAppStore } from '../stores/app-store';
import { startSession } from '../stores/session-actions';
import { useSessionStore } from '../stores/session-store';
import { staffGestureTap } from '../flows/staff/staff-gesture';

export function AttractScreen() {
  const t = useT();
  const lang = useSessionStore((s) => s.language);
  const venue = useAppStore((s) => s.info?.venueName);
  return (
    <main
      className="attract"
      data-testid="attract"
      role="button"
      tabIndex={0}
      aria-label={t('attract.touch')}
      onClick={startSession}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') startSession();
      }}
    >
      <div className="venue-name" data-testid="venue-name" onClick={() => staffGestureTap()}>{venue ? venue[lang] : t('app.title')}</div>
      <p className="lead">{t('attract.welcome')}</p>
      <div className="breath" aria-hidden="true">
        <span />
        <span />
        <span />
      </div>
      <div className="touch">{t('attract.touch')}</div>
      <div className="touch-other" lang={lang === 'ko' ? 'en' : 'ko'}>
        {t('attract.touchOther')}
      </div>
    </main>
  );
}
