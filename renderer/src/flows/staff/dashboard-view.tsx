/**
 * Statistics for today, this week or this month: totals, visits per day,
 * a heat strip of visits by hour of day, prescriptions by symptom (by name),
 * self-check result bands and queue waits; aggregates only, with CSV export.
 * Charts are chart.js (already in the bundle); every chart has its numbers
 * in words beside it for screen readers.
 */
import { useEffect, useRef, useState } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { Pressable } from '../../components/pressable';
import { useLanguage, useT } from '../../i18n/use-t';
import { api } from '../../api/client';
import { download, staffCall } from './staff-actions';
import { useStaffData } from './use-live-data';
import { useConsolePrefs } from './console-actions';
import { ProgramCounts } from './program-counts';
import { CouponCounts } from './coupon-counts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

type Range = 'today' | 'week' | 'month';
const RANGES: Range[] = ['today', 'week', 'month'];

function ChartCanvas({ config, label, testId }: { config: ConstructorParameters<typeof Chart>[1]; label: string; testId: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = new Chart(ref.current, { ...config, options: { animation: false, responsive: true, maintainAspectRatio: false, ...config.options } });
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="chart-box">
      <canvas ref={ref} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}

export function DashboardView() {
  const t = useT();
  const lang = useLanguage();
  const contrast = useConsolePrefs((s) => s.contrast);
  const [range, setRange] = useState<Range>('today');
  const d = useStaffData(() => staffCall('console.stats', { range }), ['today'], [range]);
  const names = useStaffData(async () => {
    const r = await api().call('pharmacy.catalog', {});
    return r.ok ? new Map(r.value.symptoms.map((s) => [s.id, s.name])) : new Map<string, { ko: string; en: string }>();
  });
  if (!d) return <p className="console-loading" role="status" aria-busy="true" />;
  const ink = contrast ? '#ffffff' : '#1f2a30';
  const colors = contrast ? ['#ffe14d', '#a8d8ff', '#7dffb0'] : ['#0f5e59', '#7a2e44', '#1d4f85'];
  const scales = { x: { ticks: { color: ink }, grid: { color: contrast ? '#555555' : '#e3ddd2' } }, y: { beginAtZero: true, ticks: { color: ink, precision: 0 }, grid: { color: contrast ? '#555555' : '#e3ddd2' } } };
  const peak = Math.max(1, ...d.visitsByHour);
  const symptomName = (id: string) => names?.get(id)?.[lang] ?? t('staff.stats.otherSymptom');
  const figures = [
    ['visitors', d.totals.visitors],
    ['prescriptions', d.totals.prescriptions],
    ['checkins', d.totals.checkins],
    ['gifts', d.totals.gifts],
    ['snacks', d.totals.snacks],
  ] as const;
  return (
    <div className="staff-dashboard" data-testid="dashboard" data-range={range}>
      <div className="view-head">
        <h2>{t(`staff.stats.title.${range}`)}</h2>
        <div className="button-row" role="group" aria-label={t('staff.stats.range')}>
          {RANGES.map((r) => (
            <Pressable key={r} className="staff-button" aria-pressed={range === r} data-testid={`stats-range-${r}`} onClick={() => setRange(r)}>
              {t(`staff.stats.range.${r}`)}
            </Pressable>
          ))}
          <Pressable
            className="staff-button"
            data-testid="dashboard-csv"
            onClick={async () => {
              const r = await staffCall('console.statsCsv', { range });
              if (r) download(r.filename, r.csv, 'text/csv;charset=utf-8');
            }}
          >
            {t('staff.dashboard.csv')}
          </Pressable>
        </div>
      </div>
      <dl className="figures five">
        {figures.map(([k, v]) => (
          <div className="figure" key={k}>
            <dt>{t(`staff.dashboard.${k}`)}</dt>
            <dd>
              <span className="figure-value" data-testid={`today-${k}`}>{v}</span>
            </dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="stats-hours">
        <h3 id="stats-hours">{t('staff.stats.byHour')}</h3>
        <table className="heat-strip" data-testid="heat-strip">
          <caption className="visually-hidden">{t('staff.stats.byHour')}</caption>
          <tbody>
            <tr>
              <th scope="row" className="heat-label">{t('staff.dashboard.visitors')}</th>
              {d.visitsByHour.map((n, h) => (
                <td key={h} className="heat-cell" style={{ ['--heat' as string]: String(n / peak) }} data-hour={h} data-count={n} aria-label={t('staff.stats.hourCell', { hour: h, count: n })}>
                  <span className="heat-count">{n > 0 ? n : ''}</span>
                </td>
              ))}
            </tr>
            <tr aria-hidden="true">
              <td />
              {d.visitsByHour.map((_n, h) => (
                <td key={h} className="heat-hour">{h % 3 === 0 ? h : ''}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </section>

      <div className="stats-grid">
        <section aria-labelledby="stats-daily">
          <h3 id="stats-daily">{t('staff.stats.daily')}</h3>
          <ChartCanvas
            testId="chart-daily"
            label={t('staff.stats.dailyLabel', { visitors: d.totals.visitors, prescriptions: d.totals.prescriptions, checkins: d.totals.checkins })}
            config={{
              type: 'bar',
              data: {
                labels: d.days.map((x) => `${Number(x.slice(5, 7))}/${Number(x.slice(8, 10))}`),
                datasets: (['visitors', 'prescriptions', 'checkins'] as const).map((k, i) => ({ label: t(`staff.dashboard.${k}`), data: d.series[k], backgroundColor: colors[i] })),
              },
              options: { scales, plugins: { legend: { labels: { color: ink } } } },
            }}
          />
        </section>
        <section aria-labelledby="stats-symptoms">
          <h3 id="stats-symptoms">{t('staff.stats.bySymptom')}</h3>
          <ChartCanvas
            testId="chart-symptoms"
            label={d.prescriptionsBySymptom.map((r) => `${symptomName(r.symptomId)} ${r.count}`).join(', ') || t('staff.stats.none')}
            config={{
              type: 'bar',
              data: { labels: d.prescriptionsBySymptom.map((r) => symptomName(r.symptomId)), datasets: [{ label: t('staff.dashboard.prescriptions'), data: d.prescriptionsBySymptom.map((r) => r.count), backgroundColor: colors[1] }] },
              options: { indexAxis: 'y', scales, plugins: { legend: { display: false } } },
            }}
          />
        </section>
        <section aria-labelledby="stats-bands">
          <h3 id="stats-bands">{t('staff.stats.bands')}</h3>
          <ChartCanvas
            testId="chart-scores"
            label={(['gentle', 'lonely', 'talk'] as const).map((b) => `${t(`staff.stats.band.${b}`)} ${d.selfCheckBands[b]}`).join(', ')}
            config={{
              type: 'bar',
              data: {
                labels: (['gentle', 'lonely', 'talk'] as const).map((b) => t(`staff.stats.band.${b}`)),
                datasets: [{ label: t('staff.stats.bands'), data: [d.selfCheckBands.gentle, d.selfCheckBands.lonely, d.selfCheckBands.talk], backgroundColor: colors[2] }],
              },
              options: { scales, plugins: { legend: { display: false } } },
            }}
          />
          <p className="muted">{t('staff.stats.bandsNote')}</p>
        </section>
        <section aria-labelledby="stats-wait">
          <h3 id="stats-wait">{t('staff.stats.wait')}</h3>
          <p className="figure-value" data-testid="stats-wait-median">{d.queueWait.medianMinutes ?? '–'}</p>
          <p>{t('staff.dashboard.wait', { median: d.queueWait.medianMinutes ?? '–', p90: d.queueWait.p90Minutes ?? '–', count: d.queueWait.count })}</p>
        </section>
        <ProgramCounts range={range} />
        <CouponCounts range={range} />
      </div>
    </div>
  );
}
