/**
 * 서울연결처방 programmes (admin): the catalog with each programme's state
 * (suggested, not started, ended, not suggested), a form to add or edit,
 * retire and restore, CSV export and import (all rows or none, problems by
 * line), and the symptom → category map on its own sub-page.
 */
import { useState } from 'react';
import { Pressable } from '../../components/pressable';
import { useLanguage, useT } from '../../i18n/use-t';
import { categoryNames, placeName } from '../../../../electron/contract/connect-lists';
import type { ApiOutput } from '../../../../electron/contract/api';
import { download, staffCall } from './staff-actions';
import { useStaffData } from './use-live-data';
import { emptyForm, formOf, type ProgramForm } from './program-form';
import { ProgramEditor } from './program-editor';
import { SymptomMapAdmin } from './symptom-map-admin';
import './programs.css';

type Listing = ApiOutput<'connect.staffPrograms'>;
type CsvResult = ApiOutput<'connect.staffImportCsv'>;

export function ProgramsAdmin() {
  const t = useT();
  const [page, setPage] = useState<'list' | 'map'>('list');
  return (
    <div data-testid="programs-admin">
      <nav className="staff-subnav" aria-label={t('staff.tab.programs')}>
        {(['list', 'map'] as const).map((p) => (
          <Pressable key={p} className="staff-button" aria-pressed={page === p} data-testid={`programs-nav-${p}`} onClick={() => setPage(p)}>
            {t(`programs.nav.${p}`)}
          </Pressable>
        ))}
      </nav>
      {page === 'list' ? <ProgramList /> : <SymptomMapAdmin />}
    </div>
  );
}

function ProgramList() {
  const t = useT();
  const lang = useLanguage();
  const data = useStaffData<Listing>(() => staffCall('connect.staffPrograms', {}));
  const [editing, setEditing] = useState<{ form: ProgramForm; isNew: boolean } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  if (!data) return <p className="console-loading" role="status" aria-busy="true" />;
  const retire = async (id: string, retired: boolean) => {
    await staffCall('connect.staffRetireProgram', { id, retired }, { bump: true });
  };
  const district = data.venueDistrict ? placeName(data.venueDistrict)[lang] : null;
  return (
    <div className="programs-page">
      <div className="view-head">
        <h2>{t('programs.title')}</h2>
        <div className="button-row">
          <Pressable className="staff-button primary" data-testid="program-add" onClick={() => setEditing({ form: emptyForm(data.today), isNew: true })}>
            {t('programs.add')}
          </Pressable>
        </div>
      </div>
      <p>{t('programs.lead')}</p>
      <p className="muted" data-testid="programs-district">
        {district ? t('programs.venueDistrict', { district }) : t('programs.venueDistrictNone')}
      </p>
      {data.programs.some((p) => p.program.id.startsWith('sample-') && !p.retiredAt) && (
        <p className="console-banner" role="note" data-testid="programs-sample-note">
          {t('programs.sampleNote')}
        </p>
      )}
      {note && (
        <p role="status" data-testid="programs-note">
          {note}
        </p>
      )}
      {editing && (
        <ProgramEditor
          key={editing.form.id || 'new'}
          initial={editing.form}
          isNew={editing.isNew}
          onDone={(saved) => {
            setEditing(null);
            if (saved) setNote(t('programs.saved', { name: saved.name[lang] }));
          }}
        />
      )}
      {data.programs.length === 0 ? (
        <p>{t('programs.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="staff-table programs-table" data-testid="programs-table">
            <thead>
              <tr>
                <th scope="col">{t('programs.col.name')}</th>
                <th scope="col">{t('programs.col.category')}</th>
                <th scope="col">{t('programs.col.district')}</th>
                <th scope="col">{t('programs.col.dates')}</th>
                <th scope="col">{t('programs.col.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('programs.edit')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.programs.map(({ program: p, state }) => (
                <tr key={p.id} data-testid="program-row" data-program-id={p.id} data-state={state}>
                  <td>
                    <strong>{p.name[lang]}</strong>
                    <br />
                    <span className="muted">{p.institution[lang]}</span>
                  </td>
                  <td>{categoryNames[p.category][lang]}</td>
                  <td>{placeName(p.district)[lang]}</td>
                  <td>{t('programs.dates', { from: p.activeFrom, until: p.activeUntil ?? t('programs.noEnd') })}</td>
                  <td>
                    <span className={`state-chip state-${state}`}>{t(`programs.state.${state}`)}</span>
                  </td>
                  <td className="row-actions">
                    <Pressable className="staff-button" data-testid="program-edit" aria-label={t('programs.editLabel', { name: p.name[lang] })} onClick={() => setEditing({ form: formOf(p), isNew: false })}>
                      {t('programs.edit')}
                    </Pressable>
                    {state === 'retired' ? (
                      <Pressable className="staff-button" data-testid="program-restore" onClick={() => void retire(p.id, false)}>
                        {t('programs.restore')}
                      </Pressable>
                    ) : (
                      <Pressable className="staff-button" data-testid="program-retire" aria-label={t('programs.retireLabel', { name: p.name[lang] })} onClick={() => void retire(p.id, true)}>
                        {t('programs.retire')}
                      </Pressable>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CsvPanel />
    </div>
  );
}

function CsvPanel() {
  const t = useT();
  const lang = useLanguage();
  const [mode, setMode] = useState<'replace' | 'merge'>('merge');
  const [text, setText] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [result, setResult] = useState<CsvResult | null>(null);
  const importNow = async () => {
    if (text === null) return;
    const r = await staffCall('connect.staffImportCsv', { csv: text, mode }, { bump: true });
    if (r) setResult(r);
  };
  return (
    <section aria-labelledby="programs-csv-title" className="programs-csv" data-testid="programs-csv">
      <h3 id="programs-csv-title">{t('programs.csv.title')}</h3>
      <p>{t('programs.csv.lead')}</p>
      <Pressable
        className="staff-button"
        data-testid="programs-export"
        onClick={async () => {
          const r = await staffCall('connect.staffExportCsv', {});
          if (r) download(r.filename, r.csv, 'text/csv;charset=utf-8');
        }}
      >
        {t('programs.csv.export')}
      </Pressable>
      <label className="staff-field">
        {t('programs.csv.file')}
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="programs-import-file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            setResult(null);
            setFileName(file?.name ?? '');
            setText(file ? await file.text() : null);
          }}
        />
      </label>
      <fieldset className="staff-choices">
        <legend>{t('programs.csv.mode')}</legend>
        {(['merge', 'replace'] as const).map((m) => (
          <Pressable key={m} className="staff-button" aria-pressed={mode === m} data-testid={`programs-import-${m}`} onClick={() => setMode(m)}>
            {t(`programs.csv.${m}`)}
          </Pressable>
        ))}
      </fieldset>
      <Pressable className="staff-button primary" data-testid="programs-import" disabled={text === null} aria-label={fileName ? `${t('programs.csv.import')}: ${fileName}` : undefined} onClick={() => void importNow()}>
        {t('programs.csv.import')}
      </Pressable>
      {result && result.errors.length === 0 && (
        <p role="status" data-testid="programs-import-done">
          {t('programs.csv.imported', { count: result.imported, retired: result.retired })}
        </p>
      )}
      {result && result.errors.length > 0 && (
        <div role="alert" data-testid="programs-import-errors">
          <p className="staff-problems">{t('programs.csv.failed', { count: result.errors.length })}</p>
          <ul className="staff-list">
            {result.errors.map((e, i) => (
              <li key={i} data-line={e.line} data-column={e.column ?? ''}>
                {e.line > 0 ? t('programs.csv.line', { line: e.line }) : t('programs.csv.whole')}
                {e.column ? ` · ${e.column}` : ''}: {e.message[lang]}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
