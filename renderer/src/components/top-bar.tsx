/** Home, language and staff call: reachable from every screen after the attract screen. */
import { useT } from '../i18n/use-t';
import { useAppStore } from '../stores/app-store';
import { callStaff, goHome, toggleLanguage } from '../stores/session-actions';
import { useSessionStore } from '../stores/session-store';
import { Pressable } from './pressable';
import { staffGestureTap } from '../flows/staff/staff-gesture';
import { A11yMenuButton, ReplayButton } from '../a11y/a11y-buttons';
import { useA11yStore } from '../a11y/a11y-store';

export function TopBar() {
  const t = useT();
  const lang = useSessionStore((s) => s.language);
  const venue = useAppStore((s) => s.info?.venueName);
  const calling = useSessionStore((s) => s.staffCall === 'calling');
  const low = useA11yStore((s) => s.low);
  return (
    <header className="top-bar">
      <Pressable className="bar-button" data-testid="home-button" onClick={goHome}>
        {t('shell.home')}
      </Pressable>
      {/* Low reach shows the venue's name in the band above (reach-banner.tsx): one row of buttons fewer down here. */}
      {low ? <div className="venue" /> : <div className="venue" data-testid="venue-name" onClick={() => staffGestureTap()}>{venue ? venue[lang] : t('app.title')}</div>}
      <Pressable className="bar-button" data-testid="lang-toggle" aria-label={t('shell.langToggleLabel')} lang={lang === 'ko' ? 'en' : 'ko'} onClick={toggleLanguage}>
        {t('shell.langToggle')}
      </Pressable>
      <Pressable className="bar-button staff" data-testid="staff-call" disabled={calling} onClick={() => void callStaff()}>
        {t('shell.staffCall')}
      </Pressable>
      <A11yMenuButton />
      <ReplayButton />
    </header>
  );
}
