/** The pharmacist at work: a gentle mortar-and-pestle animation (still when reduced motion is asked for). */
import { useT } from '../../i18n/use-t';
import { useAnnounceScreen } from '../../a11y/use-announce-screen';

export function CompoundingView() {
  const t = useT();
  useAnnounceScreen('pharmacy.compounding', t('a11y.screen.generic', { title: t('pharmacy.compounding.title'), body: t('pharmacy.compounding.body') }));
  return (
    <main className="screen compounding" data-testid="pharmacy-compounding" aria-busy="true">
      <div className="mortar" aria-hidden="true">
        <div className="pestle" />
        <div className="bowl" />
        <span className="sparkle s1" />
        <span className="sparkle s2" />
        <span className="sparkle s3" />
      </div>
      <div role="status">
        <h1>{t('pharmacy.compounding.title')}</h1>
      </div>
      <p className="lead">{t('pharmacy.compounding.body')}</p>
    </main>
  );
}
