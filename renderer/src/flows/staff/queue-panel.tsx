/** Today's counseling queue: call next, mark talked or no-show, move a waiting visitor up or down. */
import { Pressable } from '../../components/pressable';
import { useT } from '../../i18n/use-t';
import type { ApiOutput } from '../../../../electron/contract/api';
import { useStaffData } from './use-live-data';
import { storeCall } from './store-call';

type Entry = ApiOutput<'store.staffQueue'>['entries'][number];

export function QueuePanel() {
  const t = useT();
  const queue = useStaffData(() => storeCall('store.staffQueue', {}), ['queue']);
  if (!queue) return null;
  const waiting = queue.entries.filter((e) => e.state === 'waiting');
  const time = (iso: string) => new Date(iso).toLocaleTimeString('ko-KR', { timeZone: 'Asia/Seoul', hour: '2-digit', minute: '2-digit' });
  const row = (e: Entry) => {
    const open = e.state === 'waiting' || e.state === 'called';
    const w = waiting.indexOf(e);
    return (
      <li key={e.entryId} className="queue-row" data-testid="queue-entry" data-state={e.state} data-number={e.number}>
        <strong className="queue-number">{t('staff.queue.number', { n: e.number })}</strong>
        <span className={`queue-state ${e.state}`}>{t(`staff.queue.state.${e.state}`)}</span>
        <span>{t('staff.queue.joined', { time: time(e.joinedAt) })}</span>
        {e.nickname && <span className="queue-nick">{e.nickname}</span>}
        <span className="row-actions">
          {e.state === 'waiting' && (
            <>
              <Pressable className="staff-button" data-testid={`queue-up-${e.number}`} aria-label={t('staff.queue.up', { n: e.number })} disabled={w === 0}
                onClick={() => void storeCall('store.staffMoveQueue', { entryId: e.entryId, direction: 'up' }, { bump: true })}>
                ▲
              </Pressable>
              <Pressable className="staff-button" data-testid={`queue-down-${e.number}`} aria-label={t('staff.queue.down', { n: e.number })} disabled={w === waiting.length - 1}
                onClick={() => void storeCall('store.staffMoveQueue', { entryId: e.entryId, direction: 'down' }, { bump: true })}>
                ▼
              </Pressable>
            </>
          )}
          {open && (
            <>
              <Pressable className="staff-button" data-testid={`queue-talked-${e.number}`} aria-label={t('staff.queue.talked', { n: e.number })}
                onClick={() => void storeCall('store.staffMarkQueue', { entryId: e.entryId, outcome: 'talked' }, { bump: true })}>
                {t('staff.counsel.talked')}
              </Pressable>
              <Pressable className="staff-button" data-testid={`queue-noshow-${e.number}`} aria-label={t('staff.queue.noShow', { n: e.number })}
                onClick={() => void storeCall('store.staffMarkQueue', { entryId: e.entryId, outcome: 'no_show' }, { bump: true })}>
                {t('staff.counsel.noShow')}
              </Pressable>
            </>
          )}
        </span>
      </li>
    );
  };
  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title">{t('staff.counsel.queue')}</h2>
      <Pressable className="staff-button primary" data-testid="queue-call-next" disabled={waiting.length === 0} onClick={() => void storeCall('store.staffCallNext', {}, { bump: true })}>
        {t('staff.counsel.callNext')}
      </Pressable>
      {queue.entries.length === 0 ? (
        <p data-testid="queue-empty">{t('staff.queue.empty')}</p>
      ) : (
        <ul className="staff-list" data-testid="queue">
          {queue.entries.map(row)}
        </ul>
      )}
    </section>
  );
}
