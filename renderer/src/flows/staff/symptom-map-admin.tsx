/** Which programme categories each Mind Pharmacy symptom suggests (admin): toggle buttons, at least one per symptom, saved per symptom. */
import { useState } from 'react';
import { Pressable } from '../../components/pressable';
import { useLanguage, useT } from '../../i18n/use-t';
import { categoryNames, PROGRAM_CATEGORIES, type ProgramCategory } from '../../../../electron/contract/connect-lists';
import { staffCall } from './staff-actions';
import { useStaffData } from './use-live-data';

export function SymptomMapAdmin() {
  const t = useT();
  const lang = useLanguage();
  const data = useStaffData(() => staffCall('connect.staffSymptomMap', {}));
  const [note, setNote] = useState<string | null>(null);
  if (!data) return <p className="console-loading" role="status" aria-busy="true" />;
  const toggle = async (symptomId: string, name: string, now: ProgramCategory[], c: ProgramCategory) => {
    const next = now.includes(c) ? now.filter((x) => x !== c) : [...now, c];
    if (next.length === 0) return;
    const r = await staffCall('connect.staffSetSymptomCategories', { symptomId, categories: next }, { bump: true });
    if (r) setNote(t('programs.map.saved', { symptom: name }));
  };
  return (
    <section aria-labelledby="symptom-map-title" data-testid="symptom-map">
      <h2 id="symptom-map-title">{t('programs.map.title')}</h2>
      <p>{t('programs.map.lead')}</p>
      {note && (
        <p role="status" data-testid="symptom-map-note">
          {note}
        </p>
      )}
      <table className="staff-table">
        <tbody>
          {data.symptoms.map((s) => (
            <tr key={s.id} data-testid="symptom-map-row" data-symptom-id={s.id}>
              <th scope="row">
                {s.name[lang]}
                {s.edited && <span className="muted"> · {t('programs.map.edited')}</span>}
              </th>
              <td>
                <div role="group" aria-label={s.name[lang]}>
                  {PROGRAM_CATEGORIES.map((c) => (
                    <Pressable
                      key={c}
                      className="staff-button"
                      aria-pressed={s.categories.includes(c)}
                      data-testid={`symptom-map-${c}`}
                      disabled={s.categories.length === 1 && s.categories[0] === c}
                      onClick={() => void toggle(s.id, s.name[lang], s.categories, c)}
                    >
                      {categoryNames[c][lang]}
                    </Pressable>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
