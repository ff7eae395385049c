/** Today and the last 30 days as numbers and chart.js charts; the aggregates as CSV. */
import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { Pressable } from '../../components/pressable';
import { useT } from '../../i18n/use-t';
import { download, staffCall } from './staff-actions';
import { useStaffData } from './staff-views';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

function ChartCanvas({ config, label, testId }: { config: ConstructorParameters<typeof Chart>[1]; label: string; testId: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = new Chart(ref.current, { ...config, options: { animation: false, responsive: true, ...config.options } });
    return () => chart.destroy();
  }, [config]);
  return <canvas ref={ref} role="img" aria-label={label} data-testid={testId} />;
}

export function DashboardView() {
  const t = useT();
  const d = useStaffData(() => staffCall('staff.dashboard', { days: 30 }), 30_000);
  if (!d) return null;
  const keys = ['visitors', 'prescriptions', 'gifts', 'snacks', 'checkins'] as const;
  const colors = ['#3b6e8f', '#c46a3c', '#5a8f3b', '#8f3b6e', '#6e6e6e'];
  return (
    <div className="staff-dashboard" data-testid="dashboard">
      <h2>{t('staff.dashboard.today')}</h2>
      <dl className="staff-figures">
        {keys.map((k) => (
          <div key={k}>
            <dt>{t(`staff.dashboard.${k}`)}</dt>
            <dd data-testid={`today-${k}`}>{d.today[k]}</dd>
          </div>
        ))}
      </dl>
      <ChartCanvas
        testId="chart-daily"
        label={t('staff.dashboard.visitors')}
        config={{
          type: 'line',
          data: { labels: d.days.map((x) => x.slice(5)), datasets: keys.map((k, i) => ({ label: t(`staff.dashboard.${k}`), data: d.series[k], borderColor: colors[i], backgroundColor: colors[i] })) },
        }}
      />
      <h2>{t('staff.dashboard.bySymptom')}</h2>
      <ChartCanvas
        testId="chart-symptoms"
        label={t('staff.dashboard.bySymptom')}
        config={{ type: 'bar', data: { labels: d.prescriptionsBySymptom.map((r) => r.symptomId), datasets: [{ label: t('staff.dashboard.prescriptions'), data: d.prescriptionsBySymptom.map((r) => r.count), backgroundColor: colors[1] }] } }}
      />
      <h2>{t('staff.dashboard.scores')}</h2>
      <ChartCanvas
        testId="chart-scores"
        label={t('staff.dashboard.scores')}
        config={{ type: 'bar', data: { labels: d.selfCheckScores.map((r) => String(r.score)), datasets: [{ label: t('staff.dashboard.scores'), data: d.selfCheckScores.map((r) => r.count), backgroundColor: colors[3] }] } }}
      />
      <p>{t('staff.dashboard.wait', { median: d.queueWait.medianMinutes ?? '–', p90: d.queueWait.p90Minutes ?? '–', count: d.queueWait.count })}</p>
      <Pressable
        className="small-button"
        data-testid="dashboard-csv"
        onClick={async () => {
          const r = await staffCall('staff.dashboardCsv', { days: 30 });
          if (r) download(r.filename, r.csv, 'text/csv;charset=utf-8');
        }}
      >
        {t('staff.dashboard.csv')}
      </Pressable>
    </div>
  );
}
