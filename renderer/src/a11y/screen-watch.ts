/**
 * The safety net for screens that do not announce themselves: when the
 * visible screen's heading changes and no `useAnnounceScreen` spoke for it,
 * focus moves to the heading and the heading and lead paragraph are
 * announced. Screens should still call `useAnnounceScreen` to say what can
 * be done (see README.md); this keeps a new screen from being silent.
 */
import { translate } from '../i18n/translate';
import { useSessionStore } from '../stores/session-store';
import { announce } from './announcer';
import { focusableControls } from './focus-order';

/** The screen's effects run within this time after its DOM changed; they may announce it themselves. */
const SETTLE_MS = 80;

let explicitKey = '';

function visibleMain(): HTMLElement | null {
  return Array.from(document.querySelectorAll('main')).find((m) => !m.closest('[aria-modal="true"]')) ?? null;
}

/** Which screen shows: its test id and heading (a new question on the same screen counts as new). */
export function currentScreenKey(): string {
  const main = visibleMain();
  const h1 = main?.querySelector('h1');
  return main && h1 ? `${main.getAttribute('data-testid') ?? ''}|${(h1.textContent ?? '').trim()}` : '';
}

/** Called by `useAnnounceScreen`: this screen spoke for itself. */
export function noteScreenAnnounced(): void {
  explicitKey = currentScreenKey();
}

/** Focus to the screen's one `<h1>` (made focusable for this), unless a dialog holds focus. */
export function focusScreenHeading(): void {
  if (document.querySelector('[aria-modal="true"]')) return;
  const main = visibleMain();
  const heading = main?.querySelector<HTMLElement>('h1') ?? main;
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: false });
}

/**
 * The screen's own words: headings, paragraphs and list items outside
 * buttons (buttons are read when they get focus), and the rows of an
 * `<article>` card. Inputs and display boxes
 * (a typed phone number) are never read: they are not paragraphs.
 */
function screenText(main: HTMLElement): string {
  // `article > *`: the rows of a content card (a check-in ticket: queue number, snack, hours).
  return Array.from(main.querySelectorAll<HTMLElement>('h2, h3, p, li, dt, dd, article > *'))
    .filter((el) => !el.closest('button, [role="button"], [aria-hidden="true"], .visually-hidden') && !el.querySelector('p, li'))
    .map((el) => spacedText(el).replace(/\s+/g, ' ').trim())
    // "…" on a waiting screen says nothing aloud.
    .filter((t) => /[\p{L}\p{N}]/u.test(t))
    .join(' ');
}

/** Text with a space between child elements: "대기번호" + "1번" reads as two words, not "대기번호1번". */
function spacedText(el: Element): string {
  let out = '';
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) out += node.textContent ?? '';
    else if (node instanceof Element && node.getAttribute('aria-hidden') !== 'true') out += ` ${spacedText(node)} `;
  }
  return out;
}

export function watchScreens(root: Node = document.body): () => void {
  let lastKey = currentScreenKey();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastDialogKey = '';
  const check = () => {
    timer = null;
    checkDialog();
    const key = currentScreenKey();
    if (!key || key === lastKey) return;
    lastKey = key;
    if (key === explicitKey) return;
    const main = visibleMain()!;
    const title = (main.querySelector('h1')?.textContent ?? '').trim();
    const body = screenText(main);
    focusScreenHeading();
    const lang = useSessionStore.getState().language;
    // "할까요?" needs no added full stop.
    const template = /[.?!…]$/.test(title) ? 'a11y.screen.titleBody' : 'a11y.screen.generic';
    announce(body ? translate(lang, template, { title, body }) : title, 'screen');
  };
  // A modal dialog a flow opened (the check-in's crisis panel): read it and put focus in it.
  // The accessibility menu and the idle prompt announce themselves (`data-a11y-announced`).
  const checkDialog = () => {
    const modals = document.querySelectorAll<HTMLElement>('[aria-modal="true"]');
    const dialog = modals.length ? modals[modals.length - 1] : null;
    const title = (dialog?.querySelector('h1, h2')?.textContent ?? '').trim();
    const key = dialog ? `${dialog.getAttribute('data-testid') ?? dialog.id}|${title}` : '';
    if (key === lastDialogKey) return;
    lastDialogKey = key;
    if (!dialog || dialog.closest('[data-a11y-announced]') || dialog.querySelector('[data-a11y-announced]')) return;
    if (!dialog.contains(document.activeElement)) focusableControls(dialog)[0]?.focus();
    const body = screenText(dialog);
    const lang = useSessionStore.getState().language;
    const template = /[.?!…]$/.test(title) ? 'a11y.screen.titleBody' : 'a11y.screen.generic';
    announce(body ? translate(lang, template, { title, body }) : title, 'screen');
  };
  const observer = new MutationObserver(() => {
    if (timer === null) timer = setTimeout(check, SETTLE_MS);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return () => {
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
  };
}
