/** One symptom, explained, with one big "Get my prescription" button that works once. */
import { useT, useTDynamic, useLanguage } from '../../i18n/use-t';
import { Pressable } from '../../components/pressable';
import type { PharmacyCatalog } from './pharmacy-store';
import { usePharmacyFlow } from './pharmacy-store';
import { backToSymptoms, confirmPrescription } from './pharmacy-actions';
import { SvgIcon } from './svg-icon';
import { useAnnounceScreen, useBackAction } from '../../a11y/use-announce-screen';

export function SymptomDetail({ catalog }: { catalog: PharmacyCatalog }) {
  const t = useT();
  const tError = useTDynamic();
  const lang = useLanguage();
  const symptomId = usePharmacyFlow((s) => s.symptomId);
  const errorKey = usePharmacyFlow((s) => s.errorKey);
  const step = usePharmacyFlow((s) => s.step);
  const symptom = catalog.symptoms.find((s) => s.id === symptomId);
  useBackAction(backToSymptoms);
  useAnnounceScreen(
    `pharmacy.detail.${symptomId}`,
    symptom ? t('a11y.screen.pharmacyDetail', { name: symptom.name[lang], description: symptom.description[lang] }) : null,
  );
  if (!symptom) return null;
  return (
    <main className="screen" data-testid="pharmacy-detail">
      <div className="symptom-hero">
        <SvgIcon svg={symptom.iconSvg} className="symptom-hero-icon" />
        <h1>{symptom.name[lang]}</h1>
        <p className="lead">{symptom.description[lang]}</p>
      </div>
      {errorKey && (
        <p className="notice" role="alert" data-testid="pharmacy-error">
          {tError(errorKey)}
        </p>
      )}
      <Pressable
        className="primary big"
        data-testid="pharmacy-confirm"
        disabled={step !== 'detail'}
        // The first tap moves the flow to compounding synchronously; later taps of a storm find nothing to confirm.
        onClick={() => void confirmPrescription()}
      >
        {t('pharmacy.confirm')}
      </Pressable>
      <Pressable className="secondary" data-testid="pharmacy-back" onClick={backToSymptoms}>
        {t('pharmacy.back')}
      </Pressable>
    </main>
  );
}
