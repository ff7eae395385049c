/**
 * The 연결처방 on the pharmacy result: the same programme as on the slip,
 * when and how to join, the QR of its page, and two big buttons: one more
 * programme, and "ask staff to help me sign up" (a gentle notice to staff).
 */
import { useEffect } from 'react';
import { useT, useLanguage } from '../../i18n/use-t';
import { Pressable } from '../../components/pressable';
import { announce } from '../../a11y/announcer';
import { SvgIcon } from './svg-icon';
import { askStaffToHelp, currentProgram, showAnotherProgram, useProgramVisit } from './program-actions';
import { usePharmacyVisit } from './pharmacy-store';

export function ProgramCardView() {
  const t = useT();
  const lang = useLanguage();
  useProgramVisit((s) => s.shown);
  usePharmacyVisit((s) => s.result);
  const more = useProgramVisit((s) => s.more);
  const loading = useProgramVisit((s) => s.loading);
  const helpOf = useProgramVisit((s) => s.help);
  const program = currentProgram();
  const help = program ? helpOf[program.id] : undefined;
  const join = program
    ? [program.joinPhone ? t('program.phone', { phone: program.joinPhone }) : null, program.joinAtDesk ? t('program.desk') : null, !program.joinPhone && !program.joinAtDesk && program.joinUrl ? t('program.page') : null]
        .filter(Boolean)
        .join(' · ')
    : '';
  // Each programme on screen is read out after the prescription (queued, never over it).
  const shownId = program?.id ?? null;
  useEffect(() => {
    if (shownId && program) announce(t('program.a11y', { name: program.name[lang], institution: program.institution[lang], place: program.place[lang], schedule: program.schedule[lang], join }), 'result');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shownId]);
  useEffect(() => {
    if (help === 'sent') announce(t('program.helpSent'), 'result');
    if (help === 'failed') announce(t('program.helpFailed'), 'result');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [help]);
  if (!program) return null;
  const who = [program.firstTimersWelcome ? t('program.firstTimers') : null, program.capacity === null ? t('program.open') : t('program.capacity', { count: program.capacity })].filter(Boolean).join(' · ');
  return (
    <section className="program-card" data-testid="program-card" data-program-id={program.id} data-category={program.category} aria-labelledby="program-title">
      <h2 id="program-title" className="program-title">
        {t('program.title')}
      </h2>
      <div className="program-body">
        <div className="program-text">
          <p className="program-name" data-testid="program-name">
            {program.name[lang]}
          </p>
          <p className="program-where">
            {program.institution[lang]} · {program.place[lang]}
          </p>
          <p className="program-line" data-testid="program-when">
            <strong>{t('program.when')}</strong> {program.schedule[lang]}
          </p>
          <p className="program-line" data-testid="program-join">
            <strong>{t('program.join')}</strong> {join}
          </p>
          <p className="program-who">{who}</p>
        </div>
        {program.qrSvg && (
          <div className="program-qr" data-testid="program-qr">
            <SvgIcon svg={program.qrSvg} className="qr" />
          </div>
        )}
      </div>
      {help && (
        <p className={help === 'failed' ? 'notice' : 'notice ok'} role="status" data-testid={help === 'sent' ? 'program-help-sent' : 'program-help-status'} data-state={help}>
          {help === 'sending' ? t('program.helpSending') : help === 'sent' ? t('program.helpSent') : t('program.helpFailed')}
        </p>
      )}
      {!more && <p className="program-who" data-testid="program-no-more">{t('program.noMore')}</p>}
      <div className="program-actions">
        {more && (
          <Pressable className="secondary" data-testid="program-next" disabled={loading} onClick={() => void showAnotherProgram()}>
            {t('program.next')}
          </Pressable>
        )}
        {help !== 'sent' && (
          <Pressable className="secondary" data-testid="program-help" disabled={help === 'sending'} onClick={() => void askStaffToHelp()}>
            {t('program.help')}
          </Pressable>
        )}
      </div>
    </section>
  );
}
