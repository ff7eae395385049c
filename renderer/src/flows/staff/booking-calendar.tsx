/**
 * The 14-day booking calendar: one row per day, one column per talk time;
 * booked cells are buttons (tap, then confirm, to cancel), free cells plain.
 * Times come from the open schedule (`store.slots`, from now on) plus every
 * booking, so a booking outside today's schedule still shows.
 */
import { useState } from 'react';
import { Pressable } from '../../components/pressable';
import { api } from '../../api/client';
import { useT } from '../../i18n/use-t';
import type { ApiOutput } from '../../../../electron/contract/api';
import { useStaffData } from './use-live-data';
import { addDays, seoulDay, storeCall, weekdayOf } from './store-call';

type Booking = ApiOutput<'store.staffBookings'>['bookings'][number];
const DAYS = 14;

export function BookingCalendar() {
  const t = useT();
  const bookings = useStaffData(() => storeCall('store.staffBookings', {}), ['bookings']);
  const slots = useStaffData(async () => {
    const r = await api().call('store.slots', {});
    return r.ok ? r.value.slots : null;
  }, ['bookings']);
  const [picked, setPicked] = useState<Booking | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [doneRef, setDoneRef] = useState<string | null>(null);
  if (!bookings || !slots) return null;

  const today = seoulDay(new Date());
  const days = Array.from({ length: DAYS }, (_, i) => addDays(today, i));
  const booked = new Map(bookings.bookings.filter((b) => b.state === 'booked').map((b) => [b.slotStart, b]));
  const free = new Set(slots.filter((s) => s.free).map((s) => s.start));
  const times = [...new Set([...slots.map((s) => s.start.slice(11)), ...[...booked.keys()].map((k) => k.slice(11))])].sort();
  const dayLabel = (day: string) => `${day.slice(5).replace('-', '/')} (${t(`staff.day.${weekdayOf(day)}`)})`;

  const cancel = async (b: Booking) => {
    const r = await storeCall('store.staffCancelBooking', { bookingId: b.bookingId }, { bump: true });
    setConfirming(false);
    setPicked(null);
    if (r) setDoneRef(r.booking.ref);
  };

  return (
    <section aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('staff.calendar.title')}</h2>
      <p>{t('staff.calendar.legend')}</p>
      <div className="calendar-scroll">
        <table className="staff-calendar" data-testid="booking-calendar">
          <thead>
            <tr>
              <th scope="col">{t('staff.calendar.day')}</th>
              {times.map((time) => (
                <th scope="col" key={time}>
                  {time}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day) => {
              const open = times.some((time) => free.has(`${day}T${time}`) || booked.has(`${day}T${time}`));
              return (
                <tr key={day} data-testid="calendar-day" data-day={day}>
                  <th scope="row">{dayLabel(day)}</th>
                  {!open ? (
                    <td colSpan={Math.max(1, times.length)} className="cal-closed">
                      {t('staff.calendar.closed')}
                    </td>
                  ) : (
                    times.map((time) => {
                      const start = `${day}T${time}`;
                      const b = booked.get(start);
                      if (b)
                        return (
                          <td key={time} className="cal-booked">
                            <Pressable className="cal-cell" data-testid="calendar-cell" data-slot={start} data-state="booked" aria-pressed={picked?.bookingId === b.bookingId}
                              aria-label={t('staff.calendar.cell.booked', { day: dayLabel(day), time, ref: b.ref })}
                              onClick={() => { setPicked(b); setConfirming(false); setDoneRef(null); }}>
                              {b.ref}
                            </Pressable>
                          </td>
                        );
                      if (free.has(start))
                        return (
                          <td key={time} className="cal-free" data-testid="calendar-cell" data-slot={start} data-state="free">
                            <span className="visually-hidden">{t('staff.calendar.cell.free', { day: dayLabel(day), time })}</span>
                          </td>
                        );
                      return <td key={time} className="cal-none" />;
                    })
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {picked && (
        <div className="staff-panel" role="region" aria-label={t('staff.calendar.booked')} data-testid="booking-detail">
          <p>
            {t('staff.calendar.selected', {
              day: dayLabel(picked.slotStart.slice(0, 10)),
              time: picked.slotStart.slice(11),
              ref: picked.ref,
              who: picked.nickname ?? t('staff.calendar.anonymous'),
            })}
          </p>
          {!confirming ? (
            <Pressable className="staff-button" data-testid="booking-cancel" onClick={() => setConfirming(true)}>
              {t('staff.calendar.cancel')}
            </Pressable>
          ) : (
            <div role="alertdialog" aria-labelledby="cancel-q" className="staff-confirm">
              <p id="cancel-q">{t('staff.calendar.confirmCancel')}</p>
              <Pressable className="staff-button danger" data-testid="booking-cancel-yes" onClick={() => void cancel(picked)}>
                {t('staff.calendar.yesCancel')}
              </Pressable>
              <Pressable className="staff-button" data-testid="booking-cancel-no" onClick={() => setConfirming(false)}>
                {t('staff.calendar.keep')}
              </Pressable>
            </div>
          )}
        </div>
      )}
      {doneRef && (
        <p role="status" data-testid="booking-cancelled">
          {t('staff.calendar.cancelled', { ref: doneRef })}
        </p>
      )}
    </section>
  );
}
