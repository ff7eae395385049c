/** Home: the two services of the venue, as two big cards. */
import { useT } from '../i18n/use-t';
import { Pressable } from '../components/pressable';
import { goTo } from '../stores/session-actions';
import { serviceAvailability } from '../stores/service-availability';

export function HomeScreen() {
  const t = useT();
  const availability = serviceAvailability();
  return (
    <main className="screen" data-testid="home">
      <h1>{t('home.title')}</h1>
      <div className="services">
        <Pressable
          className="service-card pharmacy"
          data-testid="service-pharmacy"
          disabled={!availability.pharmacy}
          onClick={() => goTo(availability.pharmacyScreen)}
        >
          <span className="name">{t('home.pharmacy.name')}</span>
          <span className="desc">{t('home.pharmacy.desc')}</span>
          {!availability.pharmacy && <span className="badge">{t('home.unavailable')}</span>}
        </Pressable>
        <Pressable
          className="service-card store"
          data-testid="service-store"
          disabled={!availability.store}
          onClick={() => goTo(availability.storeScreen)}
        >
          <span className="name">{t('home.store.name')}</span>
          <span className="desc">{t('home.store.desc')}</span>
          {!availability.store && <span className="badge">{t('home.unavailable')}</span>}
        </Pressable>
      </div>
    </main>
  );
}
