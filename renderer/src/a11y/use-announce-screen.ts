/**
 * How a screen announces itself: call `useAnnounceScreen(id, text)` in the
 * screen's component. When `id` changes (a new screen opened) focus moves to
 * the screen's heading, so keypad navigation starts from the top; when
 * `text` changes (opened, or the language switched) it is announced.
 */
import { useEffect } from 'react';
import { announce } from './announcer';
import { pushBackAction } from './keypad';

export function useAnnounceScreen(id: string, text: string | null): void {
  useEffect(() => {
    focusScreenHeading();
  }, [id]);
  useEffect(() => {
    if (text) announce(text, 'screen');
  }, [text]);
}

/** Escape on this screen does `fn` (the default is Home). */
export function useBackAction(fn: () => void): void {
  useEffect(() => pushBackAction(fn), [fn]);
}

/** Focus to the screen's one `<h1>` (made focusable for this), unless a dialog holds focus. */
export function focusScreenHeading(): void {
  if (document.querySelector('[aria-modal="true"]')) return;
  const heading = document.querySelector<HTMLElement>('main h1') ?? document.querySelector<HTMLElement>('main');
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: false });
}
