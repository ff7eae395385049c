/**
 * Gift stock: each slot's count against its capacity, restock by "fill" or
 * a count (more than the slot holds is refused here with the capacity named,
 * and by the services), take a slot out of service, and the low-stock alert
 * threshold. Snacks live on the counseling screen with their own thresholds.
 */
import { useState } from 'react';
import { Pressable } from '../../components/pressable';
import { useLanguage, useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/ko';
import { staffCall } from './staff-actions';
import { useStaffData } from './use-live-data';

type Note = { key: MessageKey; params: Record<string, string | number>; error?: boolean };

export function StockView() {
  const t = useT();
  const lang = useLanguage();
  const data = useStaffData(() => staffCall('vending.staffStock', {}), ['stock', 'devices']);
  const low = useStaffData(() => staffCall('console.giftLowStock', {}), ['stock']);
  const [counts, setCounts] = useState<Record<number, string>>({});
  const [lows, setLows] = useState<Record<number, string>>({});
  const [note, setNote] = useState<Note | null>(null);
  const [jamNote, setJamNote] = useState<{ slot: number; others: number[] } | null>(null);
  if (!data) return <p className="console-loading" role="status" aria-busy="true" />;
  const threshold = (slot: number) => low?.thresholds.find((x) => x.slot === slot)?.threshold ?? 0;

  const restock = async (slot: number, capacity: number, raw: string) => {
    const count = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(count) || count < 0) return setNote({ key: 'console.stock.notNumber', params: {}, error: true });
    if (count > capacity) return setNote({ key: 'console.stock.overCapacity', params: { slot, capacity }, error: true });
    const r = await staffCall('vending.staffRestock', { slot, count }, { bump: true });
    if (!r) return setNote(null);
    setCounts((c) => ({ ...c, [slot]: '' }));
    setNote({ key: 'console.stock.saved', params: { slot, count } });
    setJamNote(!r.clearedFaults && r.stillJammed.length > 0 ? { slot, others: r.stillJammed } : null);
  };
  const saveLow = async (slot: number, raw: string) => {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(n) || n < 0) return setNote({ key: 'console.stock.notNumber', params: {}, error: true });
    const r = await staffCall('console.setGiftLowStock', { slot, threshold: n }, { bump: true });
    if (r) setNote({ key: 'console.stock.lowSaved', params: { slot, count: n } });
  };

  return (
    <div className="stock-view">
      <h2>{t('console.stock.title')}</h2>
      {note && (
        <p className={note.error ? 'console-note error' : 'console-note'} role={note.error ? 'alert' : 'status'} data-testid="stock-note">
          {t(note.key, note.params)}
        </p>
      )}
      {jamNote && (
        <p className="console-note error" role="status" data-testid="restock-still-jammed" data-slots={jamNote.others.join(',')}>
          {t('staff.stock.stillJammed', { slot: jamNote.slot, slots: jamNote.others.join(', ') })}
        </p>
      )}
      <div className="table-scroll" tabIndex={0}>
        <table className="staff-table stock-table" data-testid="stock-table">
          <thead>
            <tr>
              <th scope="col">{t('staff.stock.slot')}</th>
              <th scope="col">{t('staff.stock.item')}</th>
              <th scope="col">{t('staff.stock.count')}</th>
              <th scope="col">{t('staff.stock.state')}</th>
              <th scope="col">{t('staff.stock.restock')}</th>
              <th scope="col">{t('console.stock.low')}</th>
              <th scope="col">{t('staff.stock.disable')}</th>
            </tr>
          </thead>
          <tbody>
            {data.slots.map((s) => {
              const lowNow = s.count <= threshold(s.slot);
              return (
                <tr key={s.slot} data-testid={`slot-row-${s.slot}`} data-state={s.state}>
                  <td className="num">{s.slot}</td>
                  <td>
                    {s.item[lang]}
                    <span className="cell-sub">{isCategory(s.category) ? t(`console.stock.category.${s.category}`) : s.category}</span>
                  </td>
                  <td className={lowNow ? 'num low' : 'num'}>
                    <span data-testid={`slot-count-${s.slot}`}>{s.count}</span>
                    <span className="cell-sub"> / {s.capacity}</span>
                    <meter min={0} max={s.capacity} low={threshold(s.slot) + 0.5} optimum={s.capacity} value={s.count} aria-label={`${s.count} / ${s.capacity}`} />
                  </td>
                  <td data-testid={`slot-state-${s.slot}`}>
                    <span className={`state-chip state-${s.state}`}>{t(`staff.state.${s.state}`)}</span>
                  </td>
                  <td>
                    <div className="restock-cell">
                    <Pressable className="staff-button primary" data-testid={`slot-fill-${s.slot}`} aria-label={t('console.stock.fillLabel', { slot: s.slot, capacity: s.capacity })} onClick={() => void restock(s.slot, s.capacity, String(s.capacity))}>
                      {t('console.stock.fill', { capacity: s.capacity })}
                    </Pressable>
                    <input
                      className="count-input"
                      aria-label={t('console.stock.countLabel', { slot: s.slot })}
                      data-testid={`slot-input-${s.slot}`}
                      inputMode="numeric"
                      value={counts[s.slot] ?? ''}
                      placeholder={String(s.count)}
                      onChange={(e) => setCounts({ ...counts, [s.slot]: e.target.value.replace(/[^0-9]/g, '') })}
                    />
                    <Pressable className="staff-button" data-testid={`slot-restock-${s.slot}`} onClick={() => void restock(s.slot, s.capacity, counts[s.slot] ?? '')}>
                      {t('console.stock.setCount')}
                    </Pressable>
                    </div>
                  </td>
                  <td>
                    <div className="restock-cell">
                    <input
                      className="count-input"
                      aria-label={t('console.stock.lowLabel', { slot: s.slot })}
                      data-testid={`slot-low-${s.slot}`}
                      inputMode="numeric"
                      value={lows[s.slot] ?? String(threshold(s.slot))}
                      onChange={(e) => setLows({ ...lows, [s.slot]: e.target.value.replace(/[^0-9]/g, '') })}
                    />
                    <Pressable className="staff-button" data-testid={`slot-low-save-${s.slot}`} onClick={() => void saveLow(s.slot, lows[s.slot] ?? String(threshold(s.slot)))}>
                      {t('console.stock.lowSave')}
                    </Pressable>
                    </div>
                  </td>
                  <td>
                    <Pressable className="staff-button" data-testid={`slot-toggle-${s.slot}`} onClick={() => void staffCall('vending.staffSetSlotEnabled', { slot: s.slot, enabled: s.held }, { bump: true })}>
                      {s.held ? t('staff.stock.enable') : t('staff.stock.disable')}
                    </Pressable>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('console.stock.snacksHint')}</p>
    </div>
  );
}

function isCategory(c: string): c is 'tea' | 'sweets' | 'stationery' | 'comfort' {
  return c === 'tea' || c === 'sweets' || c === 'stationery' || c === 'comfort';
}
