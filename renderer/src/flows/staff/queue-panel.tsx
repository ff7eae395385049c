/**
 * Today's counseling queue: call next, mark talked or no-show, move a waiting visitor up or down.
 * With a venue hub it is the venue's queue (every kiosk's tickets, in arrival order, so no moving);
 * while the hub does not answer, this kiosk's own, and the panel says so.
 */
import { useEffect, useState } from 'react';
import { Pressable } from '../../components/pressable';
import { useT } from '../../i18n/use-t';
import type { ApiOutput } from '../../../../electron/contract/api';
import { useStaffData } from './use-live-data';
import { storeCall } from './store-call';

type Entry = ApiOutput<'store.staffQueue'>['entries'][number];

/** With a venue hub: how often the venue's queue is asked for again (the hub does not push). */
const VENUE_QUEUE_REFRESH_MS = 10_000;

export function QueuePanel() {
  const t = useT();
  const [poll, setPoll] = useState(0);
  const queue = useStaffData(() => storeCall('store.staffQueue', {}), ['queue'], [poll]);
  // Other kiosks' tickets come from the hub, which pushes nothing to this console: look again now and then.
  const shared = queue?.source !== undefined;
  useEffect(() => {
    if (!shared) return;
    const timer = setInterval(() => setPoll((n) => n + 1), VENUE_QUEUE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [shared]);
  if (!queue) return null;
  const waiting = queue.entries.filter((e) => e.state === 'waiting');
  const venue = queue.source === 'venue';
  const time = (iso: string) => new Date(iso).toLocaleTimeString('ko-KR', { timeZone: 'Asia/Seoul', hour: '2-digit', minute: '2-digit' });
  const row = (e: Entry) => {
    const open = e.state === 'waiting' || e.state === 'called';
    const w = waiting.indexOf(e);
    // The ticket as printed: with a hub "37" or "B-2"; alone, the number.
    const n = e.label ?? e.number;
    const owner = venue ? { kioskId: e.kioskId } : {};
    return (
      <li key={`${e.kioskId}:${e.entryId}`} className="queue-row" data-testid="queue-entry" data-state={e.state} data-number={n}>
        <strong className="queue-number">{t('staff.queue.number', { n })}</strong>
        <span className={`queue-state ${e.state}`}>{t(`staff.queue.state.${e.state}`)}</span>
        <span>{t('staff.queue.joined', { time: time(e.joinedAt) })}</span>
        {e.nickname && <span className="queue-nick">{e.nickname}</span>}
        {venue && <small className="queue-kiosk">{t('staff.queue.fromKiosk', { kiosk: e.kioskId })}</small>}
        <span className="row-actions">
          {e.state === 'waiting' && !venue && (
            <>
              <Pressable className="staff-button" data-testid={`queue-up-${n}`} aria-label={t('staff.queue.up', { n })} disabled={w === 0}
                onClick={() => void storeCall('store.staffMoveQueue', { entryId: e.entryId, direction: 'up' }, { bump: true })}>
                ▲
              </Pressable>
              <Pressable className="staff-button" data-testid={`queue-down-${n}`} aria-label={t('staff.queue.down', { n })} disabled={w === waiting.length - 1}
                onClick={() => void storeCall('store.staffMoveQueue', { entryId: e.entryId, direction: 'down' }, { bump: true })}>
                ▼
              </Pressable>
            </>
          )}
          {open && (
            <>
              <Pressable className="staff-button" data-testid={`queue-talked-${n}`} aria-label={t('staff.queue.talked', { n })}
                onClick={() => void storeCall('store.staffMarkQueue', { entryId: e.entryId, outcome: 'talked', ...owner }, { bump: true })}>
                {t('staff.counsel.talked')}
              </Pressable>
              <Pressable className="staff-button" data-testid={`queue-noshow-${n}`} aria-label={t('staff.queue.noShow', { n })}
                onClick={() => void storeCall('store.staffMarkQueue', { entryId: e.entryId, outcome: 'no_show', ...owner }, { bump: true })}>
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
      {venue && <p data-testid="queue-venue">{t('staff.queue.venue')}</p>}
      {queue.hubAway && (
        <p className="notice" role="status" data-testid="queue-hub-away">
          {t('staff.queue.hubAway')}
        </p>
      )}
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
