/** "지금 많이 힘들어요": no joke, no gift. The numbers, big; staff are already told; a staff member can come now. */
import { useT, useLanguage } from '../../i18n/use-t';
import { Pressable } from '../../components/pressable';
import { callStaff } from '../../stores/session-actions';
import { useSessionStore } from '../../stores/session-store';
import type { PharmacyCatalog } from './pharmacy-store';
import { usePharmacyFlow } from './pharmacy-store';
import { useEffect } from 'react';
import { useAnnounceScreen } from '../../a11y/use-announce-screen';
import { announce } from '../../a11y/announcer';
import { ChatbotHelp } from '../../components/chatbot-help';

export function CrisisView({ catalog }: { catalog: PharmacyCatalog }) {
  const t = useT();
  const lang = useLanguage();
  const pending = usePharmacyFlow((s) => s.crisisPending);
  const crisis = usePharmacyFlow((s) => s.crisis);
  const staffCall = useSessionStore((s) => s.staffCall);
  const status = pending ? t('pharmacy.crisis.alerting') : crisis ? t('pharmacy.crisis.alerted') : t('pharmacy.crisis.alertFailed');
  const printed = crisis && crisis.print.outcome === 'printed' ? ` ${t('pharmacy.crisis.printed')}` : '';
  useAnnounceScreen(
    'pharmacy.crisis',
    t('a11y.screen.pharmacyCrisis', {
      title: catalog.crisis.title[lang],
      body: catalog.crisis.body[lang],
      lines: catalog.crisis.lines
        .map((line) => t('a11y.crisis.line', { name: line.name[lang], phone: line.press ? `${line.phone} (${t('pharmacy.crisis.press', { key: line.press })})` : line.phone }))
        .join(' '),
    }),
  );
  // Staff alerted (or not): said after the numbers, never over them.
  useEffect(() => {
    if (!pending) announce(`${status}${printed}`, 'result');
  }, [pending, status, printed]);
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
      <ChatbotHelp />
      <p className="notice ok" role="status" data-testid="crisis-status">
        {status}
        {printed}
      </p>
      <Pressable className="primary big" data-testid="crisis-call-staff" disabled={staffCall === 'calling'} onClick={() => void callStaff()}>
        {t('pharmacy.crisis.callStaff')}
      </Pressable>
    </main>
  );
}
