/** "How does your mind feel today?": the symptoms as big cards, and the crisis choice, apart and plain. */
import { useT } from '../../i18n/use-t';
import { useLanguage } from '../../i18n/use-t';
import { Pressable } from '../../components/pressable';
import type { PharmacyCatalog } from './pharmacy-store';
import { openCrisis, pickSymptom } from './pharmacy-actions';
import { SvgIcon } from './svg-icon';
import { useAnnounceScreen } from '../../a11y/use-announce-screen';

export function SymptomGrid({ catalog }: { catalog: PharmacyCatalog }) {
  const t = useT();
  const lang = useLanguage();
  useAnnounceScreen('pharmacy.pick', t('a11y.screen.pharmacyPick', { title: t('pharmacy.pick.title'), count: catalog.symptoms.length }));
  return (
    <main className="screen" data-testid="pharmacy-symptoms">
      <h1>{t('pharmacy.pick.title')}</h1>
      <p className="lead">{t('pharmacy.pick.lead')}</p>
      <Pressable className="crisis-choice" data-testid="symptom-crisis" onClick={() => void openCrisis()}>
        <SvgIcon svg={catalog.crisis.iconSvg} className="crisis-icon" />
        <span>
          <strong>{t('pharmacy.crisis.choice')}</strong>
          <span className="crisis-choice-sub">{t('pharmacy.crisis.choiceSub')}</span>
        </span>
      </Pressable>
      <ul className="symptom-grid">
        {catalog.symptoms.map((s) => (
          <li key={s.id}>
            <Pressable className="symptom-option" data-testid="symptom-option" data-symptom={s.id} onClick={() => pickSymptom(s.id)}>
              <SvgIcon svg={s.iconSvg} />
              <span className="symptom-name">{s.name[lang]}</span>
            </Pressable>
          </li>
        ))}
      </ul>
    </main>
  );
}
