/**
 * A crisis takes the whole console: an ARIA alertdialog over everything,
 * announced by screen readers, with the kiosk and the time, a chime at the
 * chosen volume, and a system notification when the console is in the
 * background. It stays until a person acknowledges it (here or on any other
 * console: the acknowledgement is pushed and every device drops it).
 *
 * On a console nobody is logged in to (`locked`: an idle logout), it takes
 * over all the same; acknowledging asks for a PIN first (the PIN pad below a
 * banner that keeps saying what is happening), so the record says who.
 */
import { useEffect, useRef } from 'react';
import { useLanguage, useT } from '../../i18n/use-t';
import { useLiveStore } from './console-live';
import { acknowledge, setVolume, useConsolePrefs } from './console-actions';
import { createChime } from './crisis-chime';
import { timeOf } from './console-format';
import { SeverityIcon } from './console-icons';

export function CrisisTakeover({ kioskId, locked = false }: { kioskId: string; locked?: boolean }) {
  const t = useT();
  const lang = useLanguage();
  const crises = useLiveStore((s) => s.crises);
  const pinPending = useLiveStore((s) => s.ackAfterLogin);
  const volume = useConsolePrefs((s) => s.volume);
  const chime = useRef(createChime());
  const ackRef = useRef<HTMLButtonElement>(null);
  const crisis = crises[0] ?? null;
  const waitingForPin = locked && crisis !== null && pinPending === crisis.id;
  // The chime stops while the person who answered types their PIN.
  const id = crisis && !waitingForPin ? crisis.id : null;

  useEffect(() => {
    if (!id) return;
    chime.current.start(useConsolePrefs.getState().volume);
    ackRef.current?.focus();
    if (typeof Notification !== 'undefined' && document.visibilityState === 'hidden' && Notification.permission === 'granted') {
      try {
        new Notification(t('console.crisis.notification'), { body: kioskId, tag: `itda-crisis-${id}`, requireInteraction: true });
      } catch {
        // Some browsers allow notifications only from a service worker: the banner and chime remain.
      }
    }
    const c = chime.current;
    return () => c.stop();
  }, [id, kioskId, t]);

  useEffect(() => chime.current.setVolume(volume), [volume]);

  if (!crisis) return null;
  const w = crisis.words[lang];
  if (waitingForPin) {
    return (
      <p className="crisis-pin-banner" role="alert" data-testid="crisis-pin-banner">
        <SeverityIcon severity="crisis" /> {t('console.crisis.pinToAck')} {t('console.crisis.where', { kiosk: t('console.kiosk', { id: kioskId }), time: timeOf(crisis.at, lang) })}
      </p>
    );
  }
  return (
    <div className="crisis-backdrop">
      <div className="crisis-takeover" role="alertdialog" aria-modal="true" aria-labelledby="crisis-title" aria-describedby="crisis-what crisis-next" data-testid="crisis-takeover" data-alert-id={crisis.id}>
        <p className="crisis-where" data-testid="crisis-where">
          <SeverityIcon severity="crisis" /> {t('console.crisis.where', { kiosk: t('console.kiosk', { id: kioskId }), time: timeOf(crisis.at, lang) })}
        </p>
        <h2 id="crisis-title">{w.title}</h2>
        <p id="crisis-what" className="crisis-what">{w.what}</p>
        <p id="crisis-next" className="crisis-next">{w.next}</p>
        {crises.length > 1 && <p className="crisis-more">{t('console.crisis.more', { count: crises.length - 1 })}</p>}
        <button
          type="button"
          ref={ackRef}
          className="crisis-ack"
          data-testid="crisis-ack"
          data-needs-pin={locked}
          onClick={() => (locked ? useLiveStore.setState({ ackAfterLogin: crisis.id }) : void acknowledge(crisis.id))}
        >
          {t(locked ? 'console.crisis.ackWithPin' : 'console.crisis.ack')}
        </button>
        <label className="crisis-volume">
          {t('console.crisis.volume')}
          <input type="range" min={0} max={1} step={0.1} value={volume} data-testid="crisis-volume" onChange={(e) => setVolume(Number(e.target.value))} />
        </label>
      </div>
    </div>
  );
}

/** Asks once, on a tap (browsers require one), whether this device may show system notifications. */
export function askNotificationPermission(): void {
  if (typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission().catch(() => undefined);
}
