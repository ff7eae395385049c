/** A service that is not open on this kiosk yet: say so plainly and offer staff help. */
import { useT } from '../i18n/use-t';
import { Pressable } from '../components/pressable';
import { callStaff, goHome } from '../stores/session-actions';
import { useAnnounceScreen } from '../a11y/use-announce-screen';

export function UnavailableScreen() {
  const t = useT();
  useAnnounceScreen('unavailable', t('a11y.screen.generic', { title: t('unavailable.title'), body: t('unavailable.body') }));
  return (
    <main className="screen" data-testid="service-unavailable">
      <h1>{t('unavailable.title')}</h1>
      <p className="lead">{t('unavailable.body')}</p>
      <Pressable className="primary" onClick={() => void callStaff()}>
        {t('shell.staffCall')}
      </Pressable>
      <Pressable className="secondary" onClick={goHome}>
        {t('shell.home')}
      </Pressable>
    </main>
  );
}
