/** The Mind Pharmacy: pick a symptom, confirm, compounding, the prescription; the crisis path beside it. */
import { useEffect } from 'react';
import { useT } from '../../i18n/use-t';
import { usePharmacyCatalog, usePharmacyFlow } from './pharmacy-store';
import { catalogIsStale, enterPharmacy, loadCatalog } from './pharmacy-actions';
import { SymptomGrid } from './symptom-grid';
import { SymptomDetail } from './symptom-detail';
import { CompoundingView } from './compounding-view';
import { PrescriptionView } from './prescription-view';
import { CrisisView } from './crisis-view';
import { useAnnounceScreen } from '../../a11y/use-announce-screen';

export function PharmacyScreen() {
  const t = useT();
  const step = usePharmacyFlow((s) => s.step);
  const catalog = usePharmacyCatalog((s) => s.catalog);
  const loadError = usePharmacyCatalog((s) => s.loadError);
  useAnnounceScreen(catalog ? 'pharmacy' : 'pharmacy.loading', catalog ? null : t('a11y.screen.generic', { title: t('pharmacy.title'), body: loadError ? t('pharmacy.loadFailed') : t('pharmacy.loading') }));
  useEffect(() => {
    enterPharmacy();
    if (catalogIsStale()) void loadCatalog();
  }, []);

  if (!catalog) {
    return (
      <main className="screen" data-testid="pharmacy-loading" aria-busy={!loadError}>
        <h1>{t('pharmacy.title')}</h1>
        <p className="lead">{loadError ? t('pharmacy.loadFailed') : t('pharmacy.loading')}</p>
      </main>
    );
  }
  switch (step) {
    case 'pick':
      return <SymptomGrid catalog={catalog} />;
    case 'detail':
      return <SymptomDetail catalog={catalog} />;
    case 'compounding':
      return <CompoundingView />;
    case 'result':
      return <PrescriptionView />;
    case 'crisis':
      return <CrisisView catalog={catalog} />;
  }
}
