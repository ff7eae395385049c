/** Snack (live stock; out-of-stock shown, not selectable), talk now / book / skip, and the booking slots. */
import { useEffect, useRef } from 'react';
import { useT, useLanguage } from '../../i18n/use-t';
import { Pressable } from '../../components/pressable';
import { useStoreFlow, type Slot } from './store-store';
import { bookSlot, openBooking, pickBookDay, takeSnacks, talkNow, tapSnack, finish, openTalk } from './store-actions';
import { Greeting, useGreetingText } from './identify-views';
import { useAnnounceScreen } from '../../a11y/use-announce-screen';
import { Notice } from './notice';
import { formatSlotDay, formatSlotTime } from './slot-format';

export function SnackView() {
  const t = useT();
  const lang = useLanguage();
  const snacks = useStoreFlow((s) => s.snacks);
  const chosen = useStoreFlow((s) => s.chosen);
  const busy = useStoreFlow((s) => s.busy);
  const selfCheck = useStoreFlow((s) => s.selfCheck);
  const many = (snacks?.perVisit ?? 1) > 1;
  const greeting = useGreetingText();
  const title = many ? t('store.snack.titleMany', { n: snacks!.perVisit }) : t('store.snack.title');
  const items = snacks?.items
    .map((s) => t('store.a11y.snackItem', { name: s.name[lang], stock: s.available ? t('store.snack.left', { n: s.stock }) : t('store.snack.out') }))
    .join(', ');
  const screenText = snacks
    ? t(many ? 'store.a11y.snackMany' : 'store.a11y.snack', { title, items: items ?? '', next: t('store.next'), none: t('store.snack.none') })
    : null;
  useRefocusAfterLostRace('store.snack.gone', '[data-testid="snack-option"]:not([disabled])');
  // A returning visitor skips the self-check: the welcome back is heard here.
  useAnnounceScreen('store.snack', screenText && !selfCheck && greeting ? `${greeting} ${screenText}` : screenText);
  return (
    <main className="screen store" data-testid="store-snack">
      {!selfCheck && <Greeting />}
      <h1>{title}</h1>
      <Notice />
      <div className="store-snacks">
        {snacks?.items.map((s) => (
          <Pressable
            key={s.itemId}
            className="store-snack"
            data-testid="snack-option"
            data-item={s.itemId}
            data-available={s.available ? 'true' : 'false'}
            aria-pressed={chosen.includes(s.itemId)}
            disabled={!s.available || busy}
            aria-disabled={!s.available}
            onClick={() => void tapSnack(s.itemId)}
          >
            <span className="store-snack-name">{s.name[lang]}</span>
            <span className="store-snack-stock">{s.available ? t('store.snack.left', { n: s.stock }) : t('store.snack.out')}</span>
          </Pressable>
        ))}
      </div>
      <div className="store-actions">
        <Pressable className="secondary" data-testid="snack-none" disabled={busy} onClick={() => void tapSnack(null)}>
          {t('store.snack.none')}
        </Pressable>
        {many && (
          <Pressable className="primary" data-testid="snack-next" disabled={busy || chosen.length === 0} onClick={() => void takeSnacks(chosen)}>
            {t('store.next')}
          </Pressable>
        )}
      </div>
    </main>
  );
}

export function TalkView() {
  const t = useT();
  const status = useStoreFlow((s) => s.queueStatus);
  const suggest = useStoreFlow((s) => s.selfCheck?.suggestTalk ?? false);
  const busy = useStoreFlow((s) => s.busy);
  const lang = useLanguage();
  const snacks = useStoreFlow((s) => s.snacks);
  const chosen = useStoreFlow((s) => s.chosen);
  useEffect(() => {
    if (!useStoreFlow.getState().queueStatus) void openTalk();
  }, []);
  const statusText = status && status.waiting > 0 ? t('store.talk.waiting', { n: status.waiting, min: status.estimatedMinutes }) : t('store.talk.noWait');
  // The snack just taken (or declined) is the result of the last step: said first.
  const names = chosen.map((id) => snacks?.items.find((s) => s.itemId === id)?.name[lang]).filter(Boolean);
  const snackResult = !snacks || snacks.perVisit === 0 ? '' : names.length ? t('store.a11y.snackChosen', { name: names.join(', ') }) : t('store.a11y.snackNone');
  useAnnounceScreen(
    'store.talk',
    `${snackResult} ${t('store.a11y.talk', {
      title: t('store.talk.title'),
      status: statusText,
      suggest: suggest ? `${t('store.talk.suggest')} ` : '',
      now: t('store.talk.now'),
      book: t('store.talk.book'),
      skip: t('store.talk.skip'),
    })}`.trim(),
  );
  return (
    <main className="screen store" data-testid="store-talk">
      <h1>{t('store.talk.title')}</h1>
      {suggest && <p className="lead store-suggest">{t('store.talk.suggest')}</p>}
      <p className="store-queue-status" data-testid="queue-status">
        {statusText}
      </p>
      <Notice />
      <div className="store-actions column">
        <Pressable className={suggest ? 'primary big' : 'primary'} data-testid="talk-now" disabled={busy} onClick={() => void talkNow()}>
          {t('store.talk.now')}
        </Pressable>
        <Pressable className="primary" data-testid="talk-book" disabled={busy} onClick={() => void openBooking()}>
          {t('store.talk.book')}
        </Pressable>
        <Pressable className="secondary" data-testid="talk-skip" disabled={busy} onClick={() => void finish()}>
          {t('store.talk.skip')}
        </Pressable>
      </div>
    </main>
  );
}

/** Two steps on one screen: a day (only days with open times), then a time: no long scrolling list. */
export function BookingView() {
  const t = useT();
  const lang = useLanguage();
  const slots = useStoreFlow((s) => s.slots);
  const bookDay = useStoreFlow((s) => s.bookDay);
  const busy = useStoreFlow((s) => s.busy);
  const days = groupByDay(slots ?? []);
  const times = days.find(([day]) => day === bookDay)?.[1] ?? [];
  // The day shown when the screen opened; later picks are announced as results (`pickBookDay`).
  const firstDay = useRef(bookDay);
  useRefocusAfterLostRace('store.book.taken', '[data-testid="booking-slot"]:not([disabled])');
  const openDays = days.filter(([, daySlots]) => daySlots.some((s) => s.free)).length;
  useAnnounceScreen(
    'store.book',
    !slots
      ? null
      : openDays === 0 || !firstDay.current
        ? t('store.a11y.bookNone', { title: t('store.book.title'), none: t('store.book.none') })
        : t('store.a11y.book', { title: t('store.book.title'), days: openDays, day: formatSlotDay(firstDay.current, lang) }),
  );
  return (
    <main className="screen store" data-testid="store-book">
      <h1>{t('store.book.title')}</h1>
      <Notice />
      {slots && days.length === 0 && <p className="lead">{t('store.book.none')}</p>}
      <div className="store-days" role="group">
        {days.map(([day, daySlots]) => {
          const free = daySlots.some((s) => s.free);
          return (
            <Pressable
              key={day}
              className="store-day"
              data-testid="booking-day"
              data-day={day}
              aria-pressed={day === bookDay}
              disabled={!free}
              onClick={() => pickBookDay(day)}
            >
              {formatSlotDay(day, lang)}
            </Pressable>
          );
        })}
      </div>
      {bookDay && (
        <section className="store-times" aria-label={formatSlotDay(bookDay, lang)}>
          <h2>{formatSlotDay(bookDay, lang)}</h2>
          <div className="store-slots">
            {times.map((s) => (
              <Pressable
                key={s.start}
                className="store-slot"
                data-testid="booking-slot"
                data-slot={s.start}
                data-free={s.free ? 'true' : 'false'}
                disabled={!s.free || busy}
                onClick={() => void bookSlot(s.start)}
              >
                <span className="store-slot-time">{formatSlotTime(s.start)}</span>
                {!s.free && <span className="store-slot-taken">{t('store.book.takenSlot')}</span>}
              </Pressable>
            ))}
          </div>
        </section>
      )}
      <Pressable className="secondary" data-testid="book-back" data-a11y-back onClick={() => void openTalk()}>
        {t('store.back')}
      </Pressable>
    </main>
  );
}

function groupByDay(slots: Slot[]): [string, Slot[]][] {
  const m = new Map<string, Slot[]>();
  for (const s of slots) {
    const day = s.start.slice(0, 10);
    m.set(day, [...(m.get(day) ?? []), s]);
  }
  return [...m.entries()];
}

/**
 * After a lost race the button the visitor pressed is disabled and focus fell
 * off it: put the keypad on the first choice still open, so the next arrow
 * press does not start from the top bar.
 */
function useRefocusAfterLostRace(noticeKey: string, selector: string): void {
  const notice = useStoreFlow((s) => s.noticeKey);
  useEffect(() => {
    if (notice !== noticeKey) return;
    const active = document.activeElement;
    if (active && active !== document.body && !(active as HTMLButtonElement).disabled) return;
    document.querySelector<HTMLElement>(`main ${selector}`)?.focus();
  }, [notice]);
}
