/**
 * Print jobs: slips owed to visitors first (the printer failed during their
 * visit), then the recent jobs with their state, a preview drawn by the
 * printer's own renderer, cancel (waiting or failed) and reprint (printed or
 * failed), why a job is a reprint (the kiosk's one automatic reprint after an
 * unknown end, or staff) and whether the printer confirmed a printed one. Every action is recorded with who did it, by the services.
 */
import { useState } from 'react';
import { Pressable } from '../../components/pressable';
import { useLanguage, useT } from '../../i18n/use-t';
import type { ConsoleJob } from '../../../../electron/contract/console-api';
import type { MessageKey } from '../../i18n/ko';
import { alertWords, alertTypeOf } from '../../../../electron/contract/alert-catalog';
import { useStaffData } from './use-live-data';
import { staffCall } from './staff-actions';
import { whenOf } from './console-format';

const KINDS = new Set(['prescription', 'crisis', 'store-ticket', 'test', 'sample']);

export function JobsView() {
  const t = useT();
  const data = useStaffData(() => staffCall('console.printJobs', { limit: 40 }), ['jobs', 'devices']);
  const [preview, setPreview] = useState<{ jobId: string; png: string; kind: string } | null>(null);
  const [note, setNote] = useState<MessageKey | null>(null);
  if (!data) return <p className="console-loading" role="status" aria-busy="true" />;
  const act = async (what: 'cancel' | 'reprint', j: ConsoleJob) => {
    const r = await staffCall(what === 'cancel' ? 'console.cancelJob' : 'console.reprintJob', { jobId: j.jobId }, { bump: true });
    setNote(r ? (what === 'cancel' ? 'console.jobs.cancelled' : 'console.jobs.reprinted') : null);
  };
  const show = async (j: ConsoleJob) => {
    const r = await staffCall('console.jobPreview', { jobId: j.jobId });
    if (r) setPreview({ ...r, kind: j.kind });
  };
  const table = (jobs: ConsoleJob[], testId: string) => (
    <table className="staff-table jobs-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('console.jobs.kind')}</th>
          <th scope="col">{t('console.jobs.state')}</th>
          <th scope="col">{t('console.jobs.time')}</th>
          <th scope="col">{t('console.jobs.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((j) => (
          <JobRow key={j.jobId} job={j} onPreview={() => void show(j)} onCancel={() => void act('cancel', j)} onReprint={() => void act('reprint', j)} />
        ))}
      </tbody>
    </table>
  );
  return (
    <div className="jobs-view" data-testid="jobs-view">
      {note && (
        <p className="console-note" role="status" data-testid="jobs-note">
          {t(note)}
        </p>
      )}
      <section aria-labelledby="jobs-owed">
        <h2 id="jobs-owed">{t('console.jobs.owed')}</h2>
        {data.owed.length === 0 ? <p className="muted" data-testid="jobs-owed-none">{t('console.jobs.owedNone')}</p> : (
          <>
            <p className="muted">{t('console.jobs.owedHelp')}</p>
            {table(data.owed, 'jobs-owed')}
          </>
        )}
      </section>
      <section aria-labelledby="jobs-recent">
        <h2 id="jobs-recent">{t('console.jobs.recent')}</h2>
        {data.jobs.length === 0 ? <p className="muted">{t('console.jobs.none')}</p> : table(data.jobs, 'jobs-table')}
      </section>
      {preview && (
        <section className="slip-preview-panel" aria-labelledby="jobs-preview-title" data-testid="job-preview">
          <h2 id="jobs-preview-title">{t('console.jobs.previewOf', { kind: t(kindKey(preview.kind)) })}</h2>
          <img className="slip-preview" alt={t('console.jobs.previewOf', { kind: t(kindKey(preview.kind)) })} src={`data:image/png;base64,${preview.png}`} />
          <Pressable className="staff-button" onClick={() => setPreview(null)}>
            {t('console.jobs.closePreview')}
          </Pressable>
        </section>
      )}
    </div>
  );
}

function kindKey(kind: string): MessageKey {
  return `console.jobKind.${KINDS.has(kind) ? kind : 'other'}` as MessageKey;
}

function JobRow({ job: j, onPreview, onCancel, onReprint }: { job: ConsoleJob; onPreview(): void; onCancel(): void; onReprint(): void }) {
  const t = useT();
  const lang = useLanguage();
  const kind = t(kindKey(j.kind));
  const reason = j.waitingOn ?? (j.state === 'failed' || j.state === 'unknown' ? j.lastError : null);
  return (
    <tr data-testid="job-row" data-job={j.jobId} data-state={j.state} data-resolution={j.resolution ?? ''}>
      <td>{kind}</td>
      <td>
        <span className={`job-state state-${j.state}`}>{t(`console.jobState.${j.state}`)}</span>
        {j.resolution && <span className="tag">{t(`console.jobs.resolved.${j.resolution}`)}</span>}
        {reason && !j.resolution && <span className="job-reason">{t('console.jobs.waitingOn', { reason: reasonWords(reason, lang) })}</span>}
        {j.reprintReason && (
          <span className="job-reason" data-testid="job-reprint-reason" data-reason={j.reprintReason}>
            {t(`console.jobs.reprintReason.${j.reprintReason}`)}
          </span>
        )}
        {j.state === 'printed' && j.confirmed != null && (
          <span className={j.confirmed ? 'job-reason' : 'job-reason unconfirmed'} data-testid="job-confirmed" data-confirmed={j.confirmed}>
            {t(j.confirmed ? 'console.jobs.confirmed.yes' : 'console.jobs.confirmed.no')}
          </span>
        )}
      </td>
      <td>{whenOf(j.createdAt, lang)}</td>
      <td>
        <div className="row-actions">
        <Pressable className="staff-button" data-testid="job-preview-button" aria-label={t('console.jobs.previewOf', { kind })} onClick={onPreview}>
          {t('console.jobs.preview')}
        </Pressable>
        {j.canCancel && (
          <Pressable className="staff-button" data-testid="job-cancel" onClick={onCancel}>
            {t('console.jobs.cancel')}
          </Pressable>
        )}
        {j.canReprint && (
          <Pressable className="staff-button primary" data-testid="job-reprint" onClick={onReprint}>
            {t('console.jobs.reprint')}
          </Pressable>
        )}
        </div>
      </td>
    </tr>
  );
}

/** A printer fault code as the alert catalog words it (never the code); other reasons as their error message. */
function reasonWords(code: string, lang: 'ko' | 'en'): string {
  return alertWords(alertTypeOf('printer_fault', { fault: code }), lang, {}).title;
}
