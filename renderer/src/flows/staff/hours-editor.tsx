/** Editing the weekly counseling hours: per weekday its spans, each end moved in 30-minute steps; the talk length as big choices. */
import { useEffect, useState } from 'react';
import { Pressable } from '../../components/pressable';
import { useT } from '../../i18n/use-t';
import { addSpan, moveTime, problems, removeSpan, SLOT_CHOICES, STEP_MIN, WEEKDAYS, type Weekly } from './availability-form';
import { useStaffData } from './use-live-data';
import { storeCall } from './store-call';

export function HoursEditor() {
  const t = useT();
  const loaded = useStaffData(() => storeCall('store.staffAvailability', {}), ['bookings']);
  const [weekly, setWeekly] = useState<Weekly | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (loaded && !weekly) setWeekly(loaded.weekly);
  }, [loaded, weekly]);
  if (!weekly) return null;
  const found = problems(weekly);
  const edit = (next: Weekly) => {
    setWeekly(next);
    setSaved(false);
  };
  const save = async () => {
    const r = await storeCall('store.staffSetAvailability', { weekly }, { bump: true });
    if (r) {
      setWeekly(r.weekly);
      setSaved(true);
    }
  };
  return (
    <section aria-labelledby="hours-title" data-testid="hours-editor">
      <h2 id="hours-title">{t('staff.hours.title')}</h2>
      <fieldset className="staff-choices">
        <legend>{t('staff.hours.slot')}</legend>
        {SLOT_CHOICES.map((n) => (
          <Pressable key={n} className="staff-button" data-testid={`hours-slot-${n}`} aria-pressed={weekly.slotMinutes === n} onClick={() => edit({ ...weekly, slotMinutes: n })}>
            {t('staff.hours.minutes', { n })}
          </Pressable>
        ))}
      </fieldset>
      <ul className="staff-list">
        {WEEKDAYS.map((day) => {
          const dayName = t(`staff.day.${day}`);
          return (
            <li key={day} className="hours-day" data-testid={`hours-day-${day}`}>
              <strong className="hours-name">{dayName}</strong>
              {weekly[day].length === 0 && <span>{t('staff.hours.closed')}</span>}
              {weekly[day].map(([from, to], i) => (
                <span key={i} className="hours-span" data-testid={`hours-span-${day}-${i}`} data-span={`${from}-${to}`}>
                  {([0, 1] as const).map((end) => {
                    const which = end === 0 ? t('staff.hours.start') : t('staff.hours.end');
                    return (
                      <span key={end} className="hours-time">
                        <Pressable className="staff-button" data-testid={`hours-${day}-${i}-${end}-earlier`} aria-label={t('staff.hours.earlier', { day: dayName, which })} onClick={() => edit(moveTime(weekly, day, i, end, -STEP_MIN))}>
                          −
                        </Pressable>
                        <span className="hours-value">{end === 0 ? from : to}</span>
                        <Pressable className="staff-button" data-testid={`hours-${day}-${i}-${end}-later`} aria-label={t('staff.hours.later', { day: dayName, which })} onClick={() => edit(moveTime(weekly, day, i, end, STEP_MIN))}>
                          +
                        </Pressable>
                      </span>
                    );
                  })}
                  <Pressable className="staff-button" aria-label={t('staff.hours.removeSpan', { day: dayName, from, to })} data-testid={`hours-remove-${day}-${i}`} onClick={() => edit(removeSpan(weekly, day, i))}>
                    ✕
                  </Pressable>
                </span>
              ))}
              {weekly[day].length < 6 && (
                <Pressable className="staff-button" data-testid={`hours-add-${day}`} aria-label={t('staff.hours.addSpan', { day: dayName })} onClick={() => edit(addSpan(weekly, day))}>
                  {t('staff.hours.add')}
                </Pressable>
              )}
            </li>
          );
        })}
      </ul>
      {found.length > 0 && (
        <div role="alert" data-testid="hours-problems">
          <ul className="staff-problems">
            {found.map((p, i) => (
              <li key={i}>{t(p.key, { ...p.params, day: t(`staff.day.${p.day}`) })}</li>
            ))}
          </ul>
        </div>
      )}
      <Pressable className="staff-button primary" data-testid="hours-save" disabled={found.length > 0} onClick={() => void save()}>
        {t('staff.hours.save')}
      </Pressable>
      {saved && (
        <p role="status" data-testid="hours-saved">
          {t('staff.hours.saved')}
        </p>
      )}
    </section>
  );
}
