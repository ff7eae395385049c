/**
 * How a screen announces itself: call `useAnnounceScreen(id, text)` in the
 * screen's component. When `id` changes (a new screen opened) focus moves to
 * the screen's heading, so keypad navigation starts from the top; when
 * `text` changes (opened, or the language switched) it is announced.
 */
import { useEffect } from 'react';
import { announce } from './announcer';
import { pushBackAction } from './keypad';
import { focusScreenHeading, noteScreenAnnounced } from './screen-watch';

export { focusScreenHeading };

export function useAnnounceScreen(id: string, text: string | null): void {
  useEffect(() => {
    focusScreenHeading();
  }, [id]);
  useEffect(() => {
    if (!text) return;
    announce(text, 'screen');
    noteScreenAnnounced();
  }, [text]);
}

/** Escape on this screen does `fn` (the default is Home). */
export function useBackAction(fn: () => void): void {
  useEffect(() => pushBackAction(fn), [fn]);
}
