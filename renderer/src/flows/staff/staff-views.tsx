/** Alerts and gift stock; the counseling screens are in `counsel-view.tsx`. */
import { useEffect, useState } from 'react';
import { Pressable } from '../../components/pressable';
import { useLanguage, useT } from '../../i18n/use-t';
import { staffCall } from './staff-actions';
import { useStaffStore } from './staff-store';

/** Loads once per action (the store's `version`) and on a slow poll, so new alerts appear. */
export function useStaffData<T>(load: () => Promise<T | null>, pollMs = 5000): T | null {
  const version = useStaffStore((s) => s.version);
  const [data, setData] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    const run = () => void load().then((d) => live && d !== null && setData(d));
    run();
    const timer = setInterval(run, pollMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);
  return data;
}

export function AlertsView() {
  const t = useT();
  const data = useStaffData(() => staffCall('staff.alerts', {}));
  if (!data) return null;
  if (data.alerts.length === 0) return <p data-testid="alerts-none">{t('staff.alerts.none')}</p>;
  return (
    <ul className="staff-list" data-testid="alerts">
      {data.alerts.map((a) => (
        <li key={a.id} data-testid="alert" data-kind={a.kind}>
          <strong>{a.kind}</strong> <span>{new Date(a.at).toLocaleString('ko-KR')}</span>{' '}
          {a.count > 1 && (
            <strong data-testid="alert-count" data-count={a.count}>
              {t('staff.alerts.count', { count: a.count })}{' '}
            </strong>
          )}
          <code>{Object.entries(a.detail).map(([k, v]) => `${k}=${v}`).join(' ')}</code>
          <Pressable className="small-button" data-testid="alert-ack" onClick={() => void staffCall('staff.acknowledgeAlert', { alertId: a.id }, { bump: true })}>
            {t('staff.alerts.ack')}
          </Pressable>
        </li>
      ))}
    </ul>
  );
}

export function StockView() {
  const t = useT();
  const lang = useLanguage();
  const data = useStaffData(() => staffCall('vending.staffStock', {}));
  const [counts, setCounts] = useState<Record<number, string>>({});
  const [jamNote, setJamNote] = useState<{ slot: number; others: number[] } | null>(null);
  if (!data) return null;
  const restock = async (slot: number, count: number) => {
    const r = await staffCall('vending.staffRestock', { slot, count }, { bump: true });
    setJamNote(r && !r.clearedFaults && r.stillJammed.length > 0 ? { slot, others: r.stillJammed } : null);
  };
  return (
    <>
    {jamNote && (
      <p className="staff-error" role="status" data-testid="restock-still-jammed" data-slots={jamNote.others.join(',')}>
        {t('staff.stock.stillJammed', { slot: jamNote.slot, slots: jamNote.others.join(', ') })}
      </p>
    )}
    <table className="staff-table" data-testid="stock-table">
      <thead>
        <tr>
          {(['slot', 'item', 'category', 'count', 'capacity', 'state'] as const).map((k) => (
            <th key={k}>{t(`staff.stock.${k}`)}</th>
          ))}
          <th />
        </tr>
      </thead>
      <tbody>
        {data.slots.map((s) => (
          <tr key={s.slot} data-testid={`slot-row-${s.slot}`} data-state={s.state}>
            <td>{s.slot}</td>
            <td>{s.item[lang]}</td>
            <td>{s.category}</td>
            <td data-testid={`slot-count-${s.slot}`}>{s.count}</td>
            <td>{s.capacity}</td>
            <td data-testid={`slot-state-${s.slot}`}>{t(`staff.state.${s.state}`)}</td>
            <td>
              <input
                aria-label={`${t('staff.stock.count')} ${s.slot}`}
                data-testid={`slot-input-${s.slot}`}
                inputMode="numeric"
                size={3}
                value={counts[s.slot] ?? String(s.capacity)}
                onChange={(e) => setCounts({ ...counts, [s.slot]: e.target.value.replace(/\D/g, '') })}
              />
              <Pressable className="small-button" data-testid={`slot-restock-${s.slot}`} onClick={() => void restock(s.slot, Math.min(100, Number(counts[s.slot] ?? s.capacity) || 0))}>
                {t('staff.stock.restock')}
              </Pressable>
              <Pressable className="small-button" data-testid={`slot-toggle-${s.slot}`} onClick={() => void staffCall('vending.staffSetSlotEnabled', { slot: s.slot, enabled: s.held }, { bump: true })}>
                {s.held ? t('staff.stock.enable') : t('staff.stock.disable')}
              </Pressable>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </>
  );
}
