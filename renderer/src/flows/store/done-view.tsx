/**
 * The ticket on screen: queue number or booking time, the snack, the hours
 * and the 120 line. No phone number, no nickname. Returns to the attract
 * screen by itself after 30 seconds.
 */
import { useEffect } from 'react';
import { useT, useLanguage } from '../../i18n/use-t';
import { Pressable } from '../../components/pressable';
import { useStoreFlow } from './store-store';
import { doneCheckIn } from './store-actions';
import { formatSlot } from './slot-format';
import { useAnnounceScreen } from '../../a11y/use-announce-screen';
import { moreTimeFactor } from '../../a11y/a11y-store';

export const DONE_RETURN_SECONDS = 30;

export function FinishingView() {
  const t = useT();
  useAnnounceScreen('store.finishing', t('store.a11y.finishing', { title: t('store.finishing.title'), body: t('store.finishing.body') }));
  return (
    <main className="screen store" data-testid="store-finishing" aria-busy="true">
      <h1>{t('store.finishing.title')}</h1>
      <p className="lead">{t('store.finishing.body')}</p>
    </main>
  );
}

export function DoneView() {
  const t = useT();
  const lang = useLanguage();
  const r = useStoreFlow((s) => s.result);
  // "More time" doubles this wait too: a ticket read aloud takes longer than one read by eye.
  const seconds = DONE_RETURN_SECONDS * moreTimeFactor();
  useEffect(() => {
    const timer = setTimeout(doneCheckIn, seconds * 1000);
    return () => clearTimeout(timer);
  }, []);
  const printed = r?.print.outcome === 'printed';
  const snackNames = r?.snacks.map((s) => s.name[lang]).join(', ') ?? '';
  const aheadText = r?.queue
    ? r.queue.ahead > 0
      ? // Said as a person would: "3번째 순서예요" (the visitor's place in line), not "2 ahead".
      t('store.done.ahead', { pos: r.queue.ahead + 1, min: r.queue.estimatedMinutes })
      : t('store.done.next')
    : '';
  const doneAnnouncement = (): string => {
    const title = t('store.done.title');
    const main = r!.queue
      ? t('store.a11y.doneQueue', {
          title,
          n: r!.queue.label ?? r!.queue.number,
          ahead: r!.queue.ahead > 0 ? t('store.a11y.doneAhead', { pos: r!.queue.ahead + 1, min: r!.queue.estimatedMinutes }) : t('store.a11y.doneNext'),
        })
      : r!.booking
        ? t('store.a11y.doneBooking', { title, when: formatSlot(r!.booking.slotStart, lang), ref: r!.booking.ref.split('').join(' ') })
        : `${title}.`;
    const rest = t('store.a11y.doneRest', {
      snack: r!.snacks.length ? t('store.a11y.doneSnack', { name: snackNames }) : t('store.a11y.doneNoSnack'),
      print: printed ? t('store.done.printed') : t('store.done.notPrinted'),
      line120: t('store.done.line120'),
      finish: t('store.done.finish'),
      seconds,
    });
    return `${main} ${rest}`;
  };
  useAnnounceScreen('store.done', r ? doneAnnouncement() : null);
  if (!r) return null;
  return (
    <main className="screen store" data-testid="store-done" data-print={r.print.outcome}>
      <h1>{t('store.done.title')}</h1>
      <article className="store-ticket">
        {r.queue && (
          <div className="store-ticket-main">
            <span>{t('store.done.queue')}</span>
            <strong data-testid="queue-number" data-number={r.queue.number} data-label={r.queue.label}>
              {t('store.done.queueNumber', { n: r.queue.label ?? r.queue.number })}
            </strong>
            <span data-testid="queue-ahead">{aheadText}</span>
            {r.queue.offline && <span data-testid="queue-offline">{t('store.done.offlineTicket')}</span>}
          </div>
        )}
        {r.booking && (
          <div className="store-ticket-main">
            <span>{t('store.done.booking')}</span>
            <strong data-testid="booking-time" data-slot={r.booking.slotStart}>
              {formatSlot(r.booking.slotStart, lang)}
            </strong>
            <span>{t('store.done.ref', { ref: r.booking.ref })}</span>
          </div>
        )}
        <div className="store-ticket-row">
          <span>{t('store.done.snack')}</span>
          <strong data-testid="done-snack">{r.snacks.length ? snackNames : t('store.done.noSnack')}</strong>
        </div>
        <div className="store-ticket-row">
          <span>{t('store.done.hours')}</span>
          <span>{r.hours[lang]}</span>
        </div>
      </article>
      <p className={printed ? 'notice ok' : 'notice'} role="status" data-testid="ticket-status">
        {printed ? t('store.done.printed') : t('store.done.notPrinted')}
      </p>
      <p className="store-line120">{t('store.done.line120')}</p>
      <Pressable className="primary big" data-testid="store-finish" onClick={doneCheckIn}>
        {t('store.done.finish')}
      </Pressable>
    </main>
  );
}
