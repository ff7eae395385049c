/**
 * The console's first screen, today at a glance: open alerts on top (what
 * needs doing), then the day's numbers, who waits and for how long, each
 * device's health in the same words as its alert, stock running low and
 * the next bookings. Reloads on pushes, never on a timer.
 */
import { useLanguage, useT } from '../../i18n/use-t';
import type { Overview } from '../../../../electron/contract/console-api';
import { useStaffData } from './use-live-data';
import { staffCall } from './staff-actions';
import { AlertCard } from './alert-card';
import { LevelIcon } from './console-icons';
import { timeOf } from './console-format';

export function OverviewView() {
  const t = useT();
  const lang = useLanguage();
  const d = useStaffData(() => staffCall('console.overview', {}), ['alerts', 'devices', 'health', 'queue', 'bookings', 'stock', 'today']);
  if (!d) return <p className="console-loading" role="status" aria-busy="true" />;
  return (
    <div className="overview" data-testid="overview">
      <section aria-labelledby="ov-alerts" className="ov-alerts">
        <h2 id="ov-alerts" className="visually-hidden">{t('console.alerts.title')}</h2>
        {d.alerts.length === 0 ? (
          <p className="all-good" data-testid="overview-all-good">
            <LevelIcon level="ok" /> {t('console.overview.allGood')}
          </p>
        ) : (
          <ul className="alert-list" data-testid="overview-alerts">
            {d.alerts.map((a) => (
              <AlertCard key={a.id} alert={a} compact />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="ov-today" className="ov-figures">
        <h2 id="ov-today">{t('console.overview.title')}</h2>
        <dl className="figures">
          <Figure label={t('console.overview.visitors')} value={d.today.visitors} testId="ov-visitors" />
          <Figure label={t('console.overview.prescriptions')} value={d.today.prescriptions} testId="ov-prescriptions" />
          <Figure label={t('console.overview.checkins')} value={d.today.checkins} testId="ov-checkins" />
          <div className="figure" data-testid="ov-waiting">
            <dt>{t('console.overview.waiting')}</dt>
            {d.queue ? (
              <dd>
                <span className="figure-value">{t('console.overview.waitingValue', { count: d.queue.waiting })}</span>
                <span className="figure-sub">{t('console.overview.expected', { minutes: d.queue.expectedWaitMinutes })}</span>
              </dd>
            ) : (
              <dd className="figure-sub">{t('console.overview.noQueue')}</dd>
            )}
          </div>
        </dl>
      </section>

      <section aria-labelledby="ov-devices" className="ov-devices">
        <h2 id="ov-devices">{t('console.overview.devices')}</h2>
        <ul className="device-grid">
          {d.devices.map((dev) => (
            <DeviceCard key={dev.id} dev={dev} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="ov-low" className="ov-low">
        <h2 id="ov-low">{t('console.overview.lowStock')}</h2>
        {d.lowStock.length === 0 ? (
          <p className="muted">{t('console.overview.noLowStock')}</p>
        ) : (
          <ul className="plain-list" data-testid="ov-low-stock">
            {d.lowStock.map((s) => (
              <li key={`${s.source}-${s.id}`} data-source={s.source} data-id={s.id}>
                <span className="tag">{t(s.source === 'gift' ? 'console.overview.gift' : 'console.overview.snack')}</span> {s.name[lang]} · <strong>{t('console.overview.left', { count: s.count })}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="ov-bookings" className="ov-bookings">
        <h2 id="ov-bookings">{t('console.overview.bookings')}</h2>
        {d.nextBookings.length === 0 ? (
          <p className="muted">{t('console.overview.noBookings')}</p>
        ) : (
          <ul className="plain-list" data-testid="ov-bookings">
            {d.nextBookings.map((b) => (
              <li key={b.slotStart}>{t('console.overview.bookingAt', { time: bookingTime(b.slotStart, lang), minutes: b.slotMinutes })}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** Slot starts are Seoul wall-clock `YYYY-MM-DDTHH:MM`; today's show the time only. */
function bookingTime(slotStart: string, lang: 'ko' | 'en'): string {
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Seoul' });
  const [day, hm] = [slotStart.slice(0, 10), slotStart.slice(11, 16)];
  if (day === today) return hm;
  const md = `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;
  return lang === 'ko' ? `${md} ${hm}` : `${md} ${hm}`;
}

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="figure" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <span className="figure-value">{value}</span>
      </dd>
    </div>
  );
}

export function DeviceCard({ dev }: { dev: Overview['devices'][number] }) {
  const t = useT();
  const lang = useLanguage();
  return (
    <li className={`device-card level-${dev.level}`} data-testid={`device-${dev.id}`} data-level={dev.level} data-type={dev.type ?? ''}>
      <span className="device-name">{t(`console.device.${dev.id}`)}</span>
      <span className="device-level">
        <LevelIcon level={dev.level} /> {t(`console.level.${dev.level}`)}
      </span>
      <strong className="device-title">{dev.words[lang].title}</strong>
      <span className="device-next">{dev.words[lang].next}</span>
    </li>
  );
}

export { timeOf };
