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

export const DONE_RETURN_SECONDS = 30;

export function FinishingView() {
  const t = useT();
  return (
    <main className="screen store" data-testid="store-finishing" aria-busy="true">
      <h1>{t('store.done.title')}</h1>
      <p className="lead">…</p>
    </main>
  );
}

export function DoneView() {
  const t = useT();
  const lang = useLanguage();
  const r = useStoreFlow((s) => s.result);
  useEffect(() => {
    const timer = setTimeout(doneCheckIn, DONE_RETURN_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, []);
  if (!r) return null;
  const printed = r.print.outcome === 'printed';
  return (
    <main className="screen store" data-testid="store-done" data-print={r.print.outcome}>
      <h1>{t('store.done.title')}</h1>
      <article className="store-ticket">
        {r.queue && (
          <div className="store-ticket-main">
            <span>{t('store.done.queue')}</span>
            <strong data-testid="queue-number" data-number={r.queue.number}>
              {t('store.done.queueNumber', { n: r.queue.number })}
            </strong>
            <span>{t('store.done.ahead', { n: r.queue.ahead, min: r.queue.estimatedMinutes })}</span>
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
          <strong data-testid="done-snack">{r.snacks.length ? r.snacks.map((s) => s.name[lang]).join(', ') : t('store.done.noSnack')}</strong>
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
