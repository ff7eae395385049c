/** Welcome, consent (what, why, how long; refusing is fine), and the offer to be recognised next time. */
import { useT } from '../../i18n/use-t';
import { Pressable } from '../../components/pressable';
import { useStoreFlow, useStoreInfo } from './store-store';
import { giveConsent, goStep, skipIdentity } from './store-actions';
import { Notice } from './notice';
import { useAnnounceScreen } from '../../a11y/use-announce-screen';

export function WelcomeView() {
  const t = useT();
  useAnnounceScreen(
    'store.welcome',
    t('store.a11y.welcome', { title: t('store.welcome.title'), body: t('store.welcome.body'), start: t('store.welcome.start'), crisis: t('store.a11y.crisisHint') }),
  );
  return (
    <main className="screen store" data-testid="store-welcome">
      <h1>{t('store.welcome.title')}</h1>
      <p className="lead">{t('store.welcome.body')}</p>
      <Pressable className="primary big" data-testid="store-start" onClick={() => goStep('consent')}>
        {t('store.welcome.start')}
      </Pressable>
    </main>
  );
}

export function ConsentView() {
  const t = useT();
  const days = useStoreInfo((s) => s.info?.retentionDays ?? 90);
  const busy = useStoreFlow((s) => s.busy);
  useAnnounceScreen(
    'store.consent',
    t('store.a11y.consent', {
      title: t('store.consent.title'),
      what: t('store.consent.what'),
      why: t('store.consent.why'),
      keep: t('store.consent.keep', { days }),
      refuse: t('store.consent.refuse'),
      agree: t('store.consent.agree'),
      decline: t('store.consent.decline'),
    }),
  );
  return (
    <main className="screen store" data-testid="store-consent">
      <h1>{t('store.consent.title')}</h1>
      <ul className="store-consent-list">
        <li>{t('store.consent.what')}</li>
        <li>{t('store.consent.why')}</li>
        <li>{t('store.consent.keep', { days })}</li>
        <li className="store-consent-refuse">{t('store.consent.refuse')}</li>
      </ul>
      <Notice />
      <div className="store-actions">
        <Pressable className="primary big" data-testid="consent-agree" disabled={busy} onClick={() => void giveConsent(true)}>
          {t('store.consent.agree')}
        </Pressable>
        <Pressable className="secondary big" data-testid="consent-decline" disabled={busy} onClick={() => void giveConsent(false)}>
          {t('store.consent.decline')}
        </Pressable>
      </div>
    </main>
  );
}

export function IdentifyAskView() {
  const t = useT();
  useAnnounceScreen(
    'store.identifyAsk',
    t('store.a11y.identifyAsk', { title: t('store.identify.title'), body: t('store.identify.body'), yes: t('store.identify.yes'), skip: t('store.identify.skip') }),
  );
  return (
    <main className="screen store" data-testid="store-identify-ask">
      <h1>{t('store.identify.title')}</h1>
      <p className="lead">{t('store.identify.body')}</p>
      <div className="store-actions">
        <Pressable className="primary big" data-testid="identify-yes" onClick={() => goStep('nickname')}>
          {t('store.identify.yes')}
        </Pressable>
        <Pressable className="secondary big" data-testid="identify-skip" onClick={skipIdentity}>
          {t('store.identify.skip')}
        </Pressable>
      </div>
    </main>
  );
}
