/** Every open alert in words, crisis first, and (on request) the history: closed alerts with who or what closed them. */
import { useState } from 'react';
import { Pressable } from '../../components/pressable';
import { useT } from '../../i18n/use-t';
import { useStaffData } from './use-live-data';
import { staffCall } from './staff-actions';
import { AlertCard } from './alert-card';
import { LevelIcon } from './console-icons';

export function AlertsView() {
  const t = useT();
  const [history, setHistory] = useState(false);
  const data = useStaffData(() => staffCall('console.alerts', { history, limit: 200 }), ['alerts'], [history]);
  const key = history ? 'h' : 'o';
  if (!data) return <p className="console-loading" role="status" aria-busy="true" />;
  const open = data.alerts.filter((a) => a.closedAt === null);
  const closed = data.alerts.filter((a) => a.closedAt !== null);
  return (
    <div className="alerts-view" data-testid="alerts-view" data-history={key}>
      <div className="view-head">
        <h2>{open.length ? t('console.alerts.open', { count: open.length }) : t('console.alerts.title')}</h2>
        <Pressable className="staff-button" data-testid="alerts-history" aria-pressed={history} onClick={() => setHistory(!history)}>
          {history ? t('console.alerts.hideHistory') : t('console.alerts.showHistory')}
        </Pressable>
      </div>
      {open.length === 0 ? (
        <p className="all-good" data-testid="alerts-none">
          <LevelIcon level="ok" /> {t('console.alerts.none')}
        </p>
      ) : (
        <ul className="alert-list" data-testid="alerts">
          {open.map((a) => (
            <AlertCard key={a.id} alert={a} />
          ))}
        </ul>
      )}
      {history && (
        <section aria-labelledby="alerts-history-title">
          <h2 id="alerts-history-title">{t('console.alerts.history')}</h2>
          {closed.length === 0 && <p className="muted">{t('console.alerts.historyNone')}</p>}
          <ul className="alert-list" data-testid="alerts-closed">
            {closed.map((a) => (
              <AlertCard key={a.id} alert={a} compact />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
