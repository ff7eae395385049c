/** The dashboard's 연결처방 figures: programmes suggested and help asked for, by category, over the dashboard's range. Counts only. */
import { useLanguage, useT } from '../../i18n/use-t';
import { categoryNames } from '../../../../electron/contract/connect-lists';
import { staffCall } from './staff-actions';
import { useStaffData } from './use-live-data';

export function ProgramCounts({ range }: { range: 'today' | 'week' | 'month' }) {
  const t = useT();
  const lang = useLanguage();
  const d = useStaffData(() => staffCall('connect.staffCounts', { range }), ['today'], [range]);
  if (!d) return null;
  return (
    <section aria-labelledby="stats-programs" data-testid="program-counts">
      <h3 id="stats-programs">{t('programs.counts.title')}</h3>
      <dl className="figures">
        <div className="figure">
          <dt>{t('programs.counts.suggested')}</dt>
          <dd>
            <span className="figure-value" data-testid="program-counts-suggested">{d.suggested}</span>
          </dd>
        </div>
        <div className="figure">
          <dt>{t('programs.counts.help')}</dt>
          <dd>
            <span className="figure-value" data-testid="program-counts-help">{d.helpRequested}</span>
          </dd>
        </div>
      </dl>
      <ul className="staff-list">
        {d.byCategory
          .filter((c) => c.suggested + c.helpRequested > 0)
          .map((c) => (
            <li key={c.category}>{t('programs.counts.label', { category: categoryNames[c.category][lang], suggested: c.suggested, help: c.helpRequested })}</li>
          ))}
      </ul>
    </section>
  );
}
