/**
 * Results of check-in actions that do not open a new screen, said aloud
 * (voice guidance) — what the visitor just changed. The phone number is
 * never said: only how many digits were pressed, and once it looks complete,
 * its last four digits (`spokenPhone`).
 */
import { announce, announceKey } from '../../a11y/announcer';
import { spokenPhone } from '../../a11y/mask-phone';
import { translate } from '../../i18n/translate';
import { useSessionStore } from '../../stores/session-store';
import { storeNicknames } from './store-i18n';

function lang() {
  return useSessionStore.getState().language;
}

/** "별명: 해바라기 7": the visitor's own choice may be read back. */
export function sayNickname(preset: number | null, digits: string): void {
  const base = preset === null ? '' : storeNicknames[preset]![lang()];
  const name = [base, digits].filter(Boolean).join(' ');
  if (name) announceKey('store.a11y.nicknameNow', { name });
}

export function sayPhoneProgress(digits: string, complete: boolean): void {
  const l = lang();
  // Shown nowhere in words (the display is not a live region: privacy), so also to the live region for screen readers.
  if (complete) announce(translate(l, 'store.a11y.phoneReady', { phone: spokenPhone(digits, l), next: translate(l, 'store.next') }), 'result', { live: true });
  else announceKey('store.a11y.phoneDigits', { n: digits.length }, 'result', { live: true });
}

/** A day picked on the booking screen: how many times are free on it. */
export function sayBookDay(dayLabel: string, free: number): void {
  announceKey('store.a11y.bookDay', { day: dayLabel, count: free }, 'result', { live: true });
}
