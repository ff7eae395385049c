/**
 * Referrals from counseling: record one for a visitor who agreed to be
 * recognised (picked from today's queue or the bookings, by nickname), and
 * follow up: the list shows what is due first, and "확인함" closes one.
 * Referrals are erased with the visitor (the counsel tab's 개인정보 삭제).
 */
import { useState } from 'react';
import { Pressable } from '../../components/pressable';
import { useLanguage, useT } from '../../i18n/use-t';
import { staffCall } from './staff-actions';
import { addDays, seoulDay } from './store-call';
import { useStaffData } from './use-live-data';
import './referrals.css';

type Pick = { key: string; from: { entryId: string } | { bookingId: string }; label: string };

export function ReferralsView() {
  const t = useT();
  const lang = useLanguage();
  const today = seoulDay(new Date());
  const [all, setAll] = useState(false);
  const [version, setVersion] = useState(0);
  const list = useStaffData(() => staffCall('referrals.staffList', { all }), [], [all, version]);
  const people = useStaffData(
    async (): Promise<Pick[] | null> => {
      const [q, b] = await Promise.all([staffCall('store.staffQueue', {}), staffCall('store.staffBookings', {})]);
      if (!q || !b) return null;
      return [
        ...q.entries.filter((e) => e.nickname).map((e) => ({ key: `q-${e.entryId}`, from: { entryId: e.entryId }, label: t('staff.referrals.fromQueue', { n: e.number, name: e.nickname! }) })),
        ...b.bookings
          .filter((x) => x.nickname && x.state === 'booked')
          .map((x) => ({ key: `b-${x.bookingId}`, from: { bookingId: x.bookingId }, label: t('staff.referrals.fromBooking', { when: x.slotStart.replace('T', ' '), name: x.nickname! }) })),
      ];
    },
    ['queue', 'bookings'],
  );
  const programs = useStaffData(() => staffCall('referrals.staffPrograms', {}));
  const [form, setForm] = useState({ who: '', kind: 'program' as 'program' | 'centre', programId: '', target: '', followUpOn: addDays(today, 7), note: '' });
  const [saved, setSaved] = useState(false);
  if (!list || !people) return null;

  const add = async () => {
    const who = people.find((p) => p.key === form.who);
    if (!who) return;
    const programId = form.kind === 'program' && form.programId ? { programId: form.programId } : {};
    const r = await staffCall('referrals.staffAdd', { from: who.from, kind: form.kind, ...programId, target: form.target.trim(), referredOn: today, followUpOn: form.followUpOn, note: form.note.trim() });
    if (r) {
      setForm({ ...form, who: '', programId: '', target: '', note: '' });
      setSaved(true);
      setVersion((v) => v + 1);
    }
  };
  const done = async (referralId: string) => {
    if (await staffCall('referrals.staffDone', { referralId })) setVersion((v) => v + 1);
  };

  return (
    <div className="staff-columns" data-testid="referrals-view">
      <section aria-labelledby="referrals-title">
        <h2 id="referrals-title">{t('staff.referrals.title')}</h2>
        <Pressable className="staff-button" aria-pressed={all} data-testid="referrals-all" onClick={() => setAll(!all)}>
          {t('staff.referrals.showDone')}
        </Pressable>
        {list.referrals.length === 0 ? (
          <p data-testid="referrals-none">{t('staff.referrals.none')}</p>
        ) : (
          <table className="staff-table" data-testid="referral-table">
            <thead>
              <tr>
                <th scope="col">{t('staff.referrals.followUp')}</th>
                <th scope="col">{t('staff.referrals.who')}</th>
                <th scope="col">{t('staff.referrals.where')}</th>
                <th scope="col">{t('staff.referrals.note')}</th>
                <th scope="col">{t('staff.referrals.state')}</th>
              </tr>
            </thead>
            <tbody>
              {list.referrals.map((r) => (
                <tr key={r.referralId} data-testid="referral-row" data-due={r.due ? 'true' : 'false'}>
                  <td>
                    {r.followUpOn}
                    {r.due && <strong> · {t('staff.referrals.due')}</strong>}
                  </td>
                  <td data-raw>{r.nickname}</td>
                  <td>
                    {t(r.kind === 'program' ? 'staff.referrals.kind.program' : 'staff.referrals.kind.centre')}: <span data-raw>{r.target}</span>
                    <br />
                    {t('staff.referrals.on', { day: r.referredOn })}
                  </td>
                  <td data-raw>{r.note}</td>
                  <td>
                    {r.doneAt ? (
                      t('staff.referrals.doneAt', { day: seoulDay(new Date(r.doneAt)) })
                    ) : (
                      <Pressable className="staff-button" data-testid="referral-done" onClick={() => void done(r.referralId)}>
                        {t('staff.referrals.markDone')}
                      </Pressable>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="referral-add-title">
        <h2 id="referral-add-title">{t('staff.referrals.add')}</h2>
        <p>{t('staff.referrals.addHow')}</p>
        {saved && <p role="status">{t('staff.referrals.saved')}</p>}
        <form
          className="staff-panel"
          data-testid="referral-form"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <label className="staff-field">
            {t('staff.referrals.who')}
            <select data-testid="referral-who" value={form.who} onChange={(e) => setForm({ ...form, who: e.target.value })}>
              <option value="">{people.length ? t('staff.referrals.pick') : t('staff.referrals.nobody')}</option>
              {people.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          <label className="staff-field">
            {t('staff.referrals.kind')}
            <select data-testid="referral-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as 'program' | 'centre' })}>
              <option value="program">{t('staff.referrals.kind.program')}</option>
              <option value="centre">{t('staff.referrals.kind.centre')}</option>
            </select>
          </label>
          {form.kind === 'program' && programs && programs.programs.length > 0 && (
            <label className="staff-field">
              {t('staff.referrals.program')}
              <select
                data-testid="referral-program"
                value={form.programId}
                onChange={(e) => {
                  const p = programs.programs.find((x) => x.id === e.target.value);
                  setForm({ ...form, programId: e.target.value, target: p ? `${p.name.ko} (${p.institution.ko})`.slice(0, 80) : form.target });
                }}
              >
                <option value="">{t('staff.referrals.programNone')}</option>
                {programs.programs.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name[lang]} · {p.institution[lang]}
                    {p.state === 'upcoming' ? ` (${t('staff.referrals.upcoming')})` : ''}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="staff-field">
            {t('staff.referrals.where')}
            <input data-testid="referral-target" maxLength={80} value={form.target} onChange={(e) => setForm({ ...form, target: e.target.value })} />
          </label>
          <label className="staff-field">
            {t('staff.referrals.followUp')}
            <input data-testid="referral-follow" type="date" min={today} value={form.followUpOn} onChange={(e) => setForm({ ...form, followUpOn: e.target.value })} />
          </label>
          <label className="staff-field">
            {t('staff.referrals.note')}
            <textarea data-testid="referral-note" maxLength={200} rows={3} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
          </label>
          <Pressable className="staff-button primary" type="submit" data-testid="referral-save" disabled={!form.who || form.target.trim() === '' || !form.followUpOn}>
            {t('staff.referrals.save')}
          </Pressable>
        </form>
      </section>
    </div>
  );
}
