/**
 * The calm screen between visitors. A tap anywhere starts a session; the
 * start button gives the keypad (and screen readers) the same thing, and the
 * accessibility menu button sits apart so it can be used before starting.
 */
import { useT } from '../i18n/use-t';
import { useAppStore } from '../stores/app-store';
import { startSession } from '../stores/session-actions';
import { useSessionStore } from '../stores/session-store';
import { staffGestureTap } from '../flows/staff/staff-gesture';
import { A11yMenuButton } from '../a11y/a11y-buttons';
import { useAnnounceScreen } from '../a11y/use-announce-screen';

export function AttractScreen() {
  const t = useT();
  const lang = useSessionStore((s) => s.language);
  const venue = useAppStore((s) => s.info?.venueName);
  const venueName = venue ? venue[lang] : t('app.title');
  useAnnounceScreen('attract', t('a11y.screen.attract', { venue: venueName, welcome: t('attract.welcome') }));
  return (
    // The whole screen is the touch target; the button inside is its keypad and screen reader face.
    <main className="attract" data-testid="attract" onClick={startSession}>
      <h1 className="venue-name" data-testid="venue-name" onClick={() => staffGestureTap()}>{venueName}</h1>
      <p className="lead">{t('attract.welcome')}</p>
      <div className="breath" aria-hidden="true">
        <span />
        <span />
        <span />
      </div>
      <button type="button" className="attract-start" data-testid="attract-start">
        <span className="touch">{t('attract.touch')}</span>
        <span className="touch-other" lang={lang === 'ko' ? 'en' : 'ko'}>
          {t('attract.touchOther')}
        </span>
      </button>
      <A11yMenuButton className="secondary a11y-menu-button attract-a11y" />
    </main>
  );
}
