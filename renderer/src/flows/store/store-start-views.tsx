/**
 * Welcome, consent (what, why, how long; refusing is fine), and the offer to
 * be recognised next time. The consent shows an easy-read summary; the full
 * notice is one tap away ("자세히 보기") and says the same four things in
 * full, so nothing the law asks for is hidden.
 */
import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { announce } from '../../a11y/announcer';
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
  const venueWide = useStoreInfo((s) => s.info?.venueWide === true);
  const busy = useStoreFlow((s) => s.busy);
  const [full, setFull] = useState(false);
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
      more: t('store.consent.more'),
    }),
  );
  const toggleFull = () => {
    const open = !full;
    setFull(open);
    if (open) {
      announce(
        t('store.a11y.consentFull', {
          title: t('store.consent.fullTitle'),
          what: t('store.consent.full.what'),
          why: t('store.consent.full.why'),
          keep: t('store.consent.full.keep', { days }),
          refuse: venueWide ? `${t('store.consent.full.venue')} ${t('store.consent.full.refuse')}` : t('store.consent.full.refuse'),
        }),
        'result',
      );
    }
  };
  return (
    <main className="screen store" data-testid="store-consent" data-full={full ? 'true' : 'false'}>
      <h1>{t('store.consent.title')}</h1>
      <ul className="store-consent-list">
        <li>{t('store.consent.what')}</li>
        <li>{t('store.consent.why')}</li>
        <li>{t('store.consent.keep', { days })}</li>
        <li className="store-consent-refuse">{t('store.consent.refuse')}</li>
      </ul>
      <Pressable className="secondary store-consent-more" data-testid="consent-details" aria-expanded={full} aria-controls={full ? 'consent-full' : undefined} onClick={toggleFull}>
        {full ? t('store.consent.less') : t('store.consent.more')}
      </Pressable>
      {full && (
        <section id="consent-full" className="store-consent-full" tabIndex={0} data-testid="consent-full" aria-labelledby="consent-full-title">
          <h2 id="consent-full-title">{t('store.consent.fullTitle')}</h2>
          <ul>
            <li>{t('store.consent.full.what')}</li>
            <li>{t('store.consent.full.why')}</li>
            <li>{t('store.consent.full.keep', { days })}</li>
            {venueWide && <li data-testid="consent-venue">{t('store.consent.full.venue')}</li>}
            <li>{t('store.consent.full.refuse')}</li>
          </ul>
        </section>
      )}
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
