/** The pharmacist at work: a gentle mortar-and-pestle animation (still when reduced motion is asked for). */
import { useT } from '../../i18n/use-t';

export function CompoundingView() {
  const t = useT();
  return (
    <main className="screen compounding" data-testid="pharmacy-compounding" aria-busy="true">
      <div className="mortar" aria-hidden="true">
        <div className="pestle" />
        <div className="bowl" />
        <span className="sparkle s1" />
        <span className="sparkle s2" />
        <span className="sparkle s3" />
      </div>
      <h1 role="status">{t('pharmacy.compounding.title')}</h1>
      <p className="lead">{t('pharmacy.compounding.body')}</p>
    </main>
  );
}
