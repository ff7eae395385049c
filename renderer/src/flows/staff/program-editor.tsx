/**
 * One programme's form (admin): both languages side by side, the category
 * and age bands as big toggle buttons, the district from the one list of 25,
 * dates from the date picker. Problems show beside their field before
 * anything is sent; the services check the same rules again.
 */
import { useState } from 'react';
import { Pressable } from '../../components/pressable';
import { useLanguage, useT, useTDynamic } from '../../i18n/use-t';
import { AGE_BANDS, ageBandNames, categoryNames, PROGRAM_CATEGORIES, SEOUL_DISTRICTS } from '../../../../electron/contract/connect-lists';
import type { Program } from '../../../../electron/contract/connect-api';
import { checkForm, newProgramId, type FormField, type FormProblems, type ProgramForm } from './program-form';
import { staffCall } from './staff-actions';

export function ProgramEditor({ initial, isNew, onDone }: { initial: ProgramForm; isNew: boolean; onDone: (saved: Program | null) => void }) {
  const t = useT();
  const td = useTDynamic();
  const lang = useLanguage();
  const [f, setF] = useState<ProgramForm>(initial);
  const [problems, setProblems] = useState<FormProblems>({});
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof ProgramForm>(k: K, v: ProgramForm[K]) => setF((x) => ({ ...x, [k]: v }));

  const save = async () => {
    const r = checkForm(f, newProgramId);
    setProblems(r.problems);
    if (!r.program) return;
    setSaving(true);
    const saved = await staffCall('connect.staffSaveProgram', { program: r.program }, { bump: true });
    setSaving(false);
    if (saved) onDone(saved.program);
  };

  const field = (k: FormField, label: string, opts: { type?: string; inputMode?: 'tel' | 'url' | 'numeric'; lang?: 'ko' | 'en' } = {}) => (
    <label className="staff-field program-field" data-problem={problems[k] ? 'true' : undefined}>
      {label}
      <input
        data-testid={`program-field-${k}`}
        type={opts.type ?? 'text'}
        inputMode={opts.inputMode}
        lang={opts.lang}
        value={String(f[k])}
        aria-invalid={problems[k] ? true : undefined}
        aria-describedby={problems[k] ? `problem-${k}` : undefined}
        onChange={(e) => set(k, e.target.value as never)}
      />
      {problems[k] && (
        <span id={`problem-${k}`} className="staff-problems" data-testid={`program-problem-${k}`}>
          {td(problems[k]!)}
        </span>
      )}
    </label>
  );

  return (
    <section className="program-editor" aria-labelledby="program-editor-title" data-testid="program-editor">
      <h3 id="program-editor-title">{isNew ? t('programs.form.title.new') : t('programs.form.title.edit')}</h3>
      <div className="program-form-grid">
        {field('nameKo', t('programs.form.nameKo'), { lang: 'ko' })}
        {field('nameEn', t('programs.form.nameEn'), { lang: 'en' })}
        {field('institutionKo', t('programs.form.institutionKo'), { lang: 'ko' })}
        {field('institutionEn', t('programs.form.institutionEn'), { lang: 'en' })}
        {field('scheduleKo', t('programs.form.scheduleKo'), { lang: 'ko' })}
        {field('scheduleEn', t('programs.form.scheduleEn'), { lang: 'en' })}
      </div>
      <fieldset className="staff-choices" data-testid="program-category">
        <legend>{t('programs.form.category')}</legend>
        {PROGRAM_CATEGORIES.map((c) => (
          <Pressable key={c} className="staff-button" aria-pressed={f.category === c} data-testid={`program-category-${c}`} onClick={() => set('category', c)}>
            {categoryNames[c][lang]}
          </Pressable>
        ))}
        {problems.category && <span className="staff-problems">{td(problems.category)}</span>}
      </fieldset>
      <label className="staff-field">
        {t('programs.form.district')}
        <select className="program-select" data-testid="program-field-district" value={f.district} onChange={(e) => set('district', e.target.value as ProgramForm['district'])}>
          <option value="">–</option>
          <option value="seoul">{lang === 'ko' ? '서울 전역' : 'All of Seoul'}</option>
          {SEOUL_DISTRICTS.map(([id, ko, en]) => (
            <option key={id} value={id}>
              {lang === 'ko' ? ko : en}
            </option>
          ))}
        </select>
        {problems.district && <span className="staff-problems">{td(problems.district)}</span>}
      </label>
      <fieldset className="staff-choices">
        <legend>{t('programs.form.ages')}</legend>
        {AGE_BANDS.map((a) => (
          <Pressable
            key={a}
            className="staff-button"
            aria-pressed={f.ages.includes(a)}
            data-testid={`program-age-${a}`}
            onClick={() => set('ages', f.ages.includes(a) ? f.ages.filter((x) => x !== a) : AGE_BANDS.filter((x) => x === a || f.ages.includes(x)))}
          >
            {ageBandNames[a][lang]}
          </Pressable>
        ))}
        <Pressable className="staff-button" aria-pressed={f.firstTimersWelcome} data-testid="program-first-timers" onClick={() => set('firstTimersWelcome', !f.firstTimersWelcome)}>
          {t('programs.form.firstTimers')}
        </Pressable>
      </fieldset>
      <div className="program-form-grid">
        {field('joinPhone', t('programs.form.joinPhone'), { type: 'tel', inputMode: 'tel' })}
        {field('joinUrl', t('programs.form.joinUrl'), { type: 'url', inputMode: 'url' })}
      </div>
      <Pressable className="staff-button" aria-pressed={f.joinAtDesk} data-testid="program-at-desk" onClick={() => set('joinAtDesk', !f.joinAtDesk)}>
        {t('programs.form.joinAtDesk')}
      </Pressable>
      <div className="program-form-grid three">
        {field('capacity', t('programs.form.capacity'), { inputMode: 'numeric' })}
        {field('activeFrom', t('programs.form.activeFrom'), { type: 'date' })}
        {field('activeUntil', t('programs.form.activeUntil'), { type: 'date' })}
      </div>
      {Object.keys(problems).length > 0 && (
        <p className="staff-problems" role="alert" data-testid="program-form-problems">
          {t('programs.form.hasProblems')}
        </p>
      )}
      <div className="button-row">
        <Pressable className="staff-button primary" data-testid="program-save" disabled={saving} onClick={() => void save()}>
          {t('programs.form.save')}
        </Pressable>
        <Pressable className="staff-button" data-testid="program-cancel" onClick={() => onDone(null)}>
          {t('programs.form.cancel')}
        </Pressable>
      </div>
    </section>
  );
}
