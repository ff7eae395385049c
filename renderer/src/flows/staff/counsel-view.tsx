/** The counseling tab: today's queue, the 14-day calendar, the weekly hours, erasure (admin) and snack stock, one at a time. */
import { useState } from 'react';
import { Pressable } from '../../components/pressable';
import { useLanguage, useT } from '../../i18n/use-t';
import { QueuePanel } from './queue-panel';
import { BookingCalendar } from './booking-calendar';
import { HoursEditor } from './hours-editor';
import { EraseVisitor } from './erase-visitor';
import { useStaffData } from './use-live-data';
import { useStaffStore } from './staff-store';
import { storeCall } from './store-call';

type View = 'queue' | 'calendar' | 'hours' | 'erase' | 'snacks';

export function CounselView() {
  const t = useT();
  const role = useStaffStore((s) => s.role);
  const [view, setView] = useState<View>('queue');
  const views: View[] = role === 'admin' ? ['queue', 'calendar', 'hours', 'erase', 'snacks'] : ['queue', 'calendar', 'hours', 'snacks'];
  return (
    <div className="staff-counsel">
      <nav className="staff-subnav" aria-label={t('staff.counsel.nav')}>
        {views.map((v) => (
          <Pressable key={v} className="staff-button" data-testid={`counsel-view-${v}`} aria-pressed={view === v} onClick={() => setView(v)}>
            {t(`staff.counsel.view.${v}`)}
          </Pressable>
        ))}
      </nav>
      {view === 'queue' && <QueuePanel />}
      {view === 'calendar' && <BookingCalendar />}
      {view === 'hours' && <HoursEditor />}
      {view === 'erase' && <EraseVisitor />}
      {view === 'snacks' && <SnackStockTable />}
    </div>
  );
}

function SnackStockTable() {
  const t = useT();
  const lang = useLanguage();
  const snacks = useStaffData(() => storeCall('store.staffStock', {}), ['stock']);
  if (!snacks) return <p>{t('staff.counsel.unavailable')}</p>;
  return (
    <section aria-labelledby="snacks-title">
      <h2 id="snacks-title">{t('staff.counsel.snacks')}</h2>
      <table className="staff-table" data-testid="snack-table">
        <thead>
          <tr>
            <th scope="col">{t('staff.snacks.item')}</th>
            <th scope="col">{t('staff.snacks.stock')}</th>
            <th scope="col">{t('staff.snacks.low')}</th>
          </tr>
        </thead>
        <tbody>
          {snacks.items.map((s) => (
            <tr key={s.itemId} data-testid="snack-row" data-item={s.itemId}>
              <td>{s.name[lang]}</td>
              <td>{s.stock}</td>
              <td>{s.lowThreshold}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
