/**
 * One alert in words: severity (colour, icon and word), title, what
 * happened, the next step, how often and since when, and who closed it.
 * Never the raw kind or code: the words come from the alert catalog.
 */
import { Pressable } from '../../components/pressable';
import { useLanguage, useT } from '../../i18n/use-t';
import type { ConsoleAlert } from '../../../../electron/contract/console-api';
import { whenOf } from './console-format';
import { acknowledge } from './console-actions';
import { SeverityIcon } from './console-icons';

export function AlertCard({ alert, compact = false }: { alert: ConsoleAlert; compact?: boolean }) {
  const t = useT();
  const lang = useLanguage();
  const w = alert.words[lang];
  const closed = alert.closedAt !== null;
  const who = alert.acknowledgedLabel ?? t('console.alert.someone');
  return (
    <li className={`alert-card sev-${alert.severity}${closed ? ' closed' : ''}`} data-testid="alert" data-kind={alert.kind} data-type={alert.type} data-severity={alert.severity} data-count={alert.count} data-closed={closed}>
      <div className="alert-head">
        <span className="sev-badge">
          <SeverityIcon severity={alert.severity} />
          {t(`console.severity.${alert.severity}`)}
        </span>
        <h3 className="alert-title" data-testid="alert-title">{w.title}</h3>
      </div>
      <p className="alert-what">{w.what}</p>
      {!compact || !closed ? (
        <p className="alert-next">
          <strong>{t('console.alert.next')}</strong> {w.next}
        </p>
      ) : null}
      <p className="alert-meta" data-testid="alert-meta">
        {alert.count > 1 ? t('console.alert.count', { count: alert.count, time: whenOf(alert.lastAt, lang) }) : t('console.alert.since', { time: whenOf(alert.at, lang) })}
        {closed && ' · '}
        {closed && alert.closedReason === 'cleared' && t('console.alert.closedCleared', { time: whenOf(alert.closedAt!, lang) })}
        {closed && alert.closedReason === 'acknowledged' && t('console.alert.closedAck', { who, time: whenOf(alert.closedAt!, lang) })}
      </p>
      {!closed && (
        <Pressable className="staff-button alert-ack" data-testid="alert-ack" aria-label={t('console.alert.ackLabel', { title: w.title })} onClick={() => void acknowledge(alert.id)}>
          {t('console.alert.ack')}
        </Pressable>
      )}
    </li>
  );
}
