/** Home: the two services of the venue, as two big cards. */
import { useEffect } from 'react';
import { useT } from '../i18n/use-t';
import { Pressable } from '../components/pressable';
import { goTo } from '../stores/session-actions';
import { refreshServiceAvailability, useServiceStore } from '../stores/service-availability';
import { api } from '../api/client';
import { useAnnounceScreen } from '../a11y/use-announce-screen';

export function HomeScreen() {
  const t = useT();
  const pharmacy = useServiceStore((s) => s.pharmacy);
  const store = useServiceStore((s) => s.store);
  useAnnounceScreen('home', t('a11y.screen.home', { title: t('home.title') }));
  useEffect(() => {
    void refreshServiceAvailability();
    // A printer or cabinet that fails or recovers changes what Home can offer.
    return api().on('device.status', () => void refreshServiceAvailability());
  }, []);
  return (
    <main className="screen" data-testid="home">
      <h1>{t('home.title')}</h1>
      <div className="services">
        <Pressable
          className="service-card pharmacy"
          data-testid="service-pharmacy"
          disabled={!pharmacy.available}
          aria-disabled={!pharmacy.available}
          onClick={() => goTo(pharmacy.screen)}
        >
          <span className="name">{t('home.pharmacy.name')}</span>
          <span className="desc">{t('home.pharmacy.desc')}</span>
          {!pharmacy.available && <span className="badge" data-testid="service-pharmacy-break">{t('home.unavailable')}</span>}
        </Pressable>
        <Pressable
          className="service-card store"
          data-testid="service-store"
          disabled={!store.available}
          aria-disabled={!store.available}
          onClick={() => goTo(store.screen)}
        >
          <span className="name">{t('home.store.name')}</span>
          <span className="desc">{t('home.store.desc')}</span>
          {!store.available && <span className="badge">{t('home.unavailable')}</span>}
        </Pressable>
      </div>
    </main>
  );
}
