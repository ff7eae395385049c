/**
 * Joining the venue hub from the console (technician, Tablets tab): what the
 * kiosk is linked to now, and a form for the hub's address and the one-time
 * code `npm run hub -- pair` printed. The kiosk trades the code at once, so a
 * wrong or used code, a plain-http address beyond this machine or a hub out
 * of reach is said right under the form, in words.
 */
import { useState } from 'react';
import { api } from '../../api/client';
import { Pressable } from '../../components/pressable';
import { useT, useTDynamic } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { staffCall } from './staff-actions';
import { initialStaffState, useStaffStore } from './staff-store';
import { useStaffData } from './use-live-data';

export function HubPairing() {
  const t = useT();
  const td = useTDynamic();
  const kioskId = useAppStore((s) => s.info?.kioskId ?? '');
  const [bump, setBump] = useState(0);
  const status = useStaffData(() => staffCall('hub.status', {}), [], [bump]);
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true; nextStart: boolean } | { ok: false; key: string } | null>(null);
  if (!status) return null;

  const pair = async () => {
    const { token } = useStaffStore.getState();
    if (!token) return;
    setBusy(true);
    setResult(null);
    try {
      const r = await api().call('hub.pair', { token, url: url.trim(), code: code.trim() });
      if (r.ok) {
        setResult({ ok: true, nextStart: r.value.venueFromNextStart });
        setCode('');
        setBump((n) => n + 1);
      } else if (r.error.code === 'staff.session_expired') {
        useStaffStore.setState({ ...initialStaffState(), pinError: { key: r.error.messageKey } });
      } else {
        setResult({ ok: false, key: r.error.messageKey });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="hub-title" data-testid="hub-pairing">
      <h2 id="hub-title">{t('staff.hub.title')}</h2>
      <p data-testid="hub-state" data-paired={status.paired ? 'true' : 'false'}>
        {status.paired
          ? t('staff.hub.paired', { url: status.url ?? '', venue: status.venue ?? '—', letter: status.ticketLetter ?? '—', waiting: status.waiting ?? 0 })
          : status.configured
            ? t('staff.hub.notPaired', { url: status.url ?? '' })
            : t('staff.hub.none')}
      </p>
      <p>{t('staff.hub.howTo', { kiosk: kioskId })}</p>
      <label className="staff-field">
        {t('staff.hub.url')}
        <input data-testid="hub-url" type="url" inputMode="url" autoComplete="off" spellCheck={false} maxLength={300} value={url} placeholder={status.url ?? 'https://'} onChange={(e) => setUrl(e.target.value)} />
      </label>
      <label className="staff-field">
        {t('staff.hub.code')}
        <input data-testid="hub-code" autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={40} value={code} onChange={(e) => setCode(e.target.value)} />
      </label>
      <Pressable className="staff-button" data-testid="hub-pair" disabled={busy || url.trim() === '' || code.trim().length < 4} onClick={() => void pair()}>
        {busy ? t('staff.hub.pairing') : t('staff.hub.pair')}
      </Pressable>
      {result?.ok === false && (
        <p role="alert" className="staff-error" data-testid="hub-pair-error">
          {td(result.key)}
        </p>
      )}
      {result?.ok === true && (
        <p role="status" data-testid="hub-pair-done">
          {t('staff.hub.done')} {result.nextStart ? t('staff.hub.nextStart') : t('staff.hub.sharedNow')}
        </p>
      )}
    </section>
  );
}
