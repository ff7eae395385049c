/** "지금 많이 힘들어요": no joke, no gift. The numbers, big; staff are already told; a staff member can come now. */
import { useT, useLanguage } from '../../i18n/use-t';
import { Pressable } from '../../components/pressable';
import { callStaff } from '../../stores/session-actions';
import { useSessionStore } from '../../stores/session-store';
import type { PharmacyCatalog } from './pharmacy-store';
import { usePharmacyFlow } from './pharmacy-store';

export function CrisisView({ catalog }: { catalog: PharmacyCatalog }) {
  const t = useT();
  const lang = useLanguage();
  const pending = usePharmacyFlow((s) => s.crisisPending);
  const crisis = usePharmacyFlow((s) => s.crisis);
  const staffCall = useSessionStore((s) => s.staffCall);
  return (
    <main className="screen crisis" data-testid="pharmacy-crisis">
      <h1>{catalog.crisis.title[lang]}</h1>
      <p className="lead">{catalog.crisis.body[lang]}</p>
      <ul className="crisis-lines">
        {catalog.crisis.lines.map((line) => (
          <li key={line.phone} data-testid="crisis-line">
            <span className="crisis-line-name">{line.name[lang]}</span>
            <span className="crisis-line-phone">
              ☎ {line.phone}
              {line.press ? ` (${t('pharmacy.crisis.press', { key: line.press })})` : ''}
            </span>
            <span className="crisis-line-note">{line.note[lang]}</span>
          </li>
        ))}
      </ul>
      <p className="notice ok" role="status" data-testid="crisis-status">
        {pending ? t('pharmacy.crisis.alerting') : crisis ? t('pharmacy.crisis.alerted') : t('pharmacy.crisis.alertFailed')}
        {crisis && crisis.print.outcome === 'printed' ? ` ${t('pharmacy.crisis.printed')}` : ''}
      </p>
      <Pressable className="primary big" data-testid="crisis-call-staff" disabled={staffCall === 'calling'} onClick={() => void callStaff()}>
        {t('pharmacy.crisis.callStaff')}
      </Pressable>
    </main>
  );
}
