/**
 * The tactile keypad: arrows move focus in reading order, Enter selects (the
 * button's own behaviour), Escape goes back (closes the menu, or the screen's
 * back action, or Home), and function keys from config replay the last
 * announcement, open the accessibility menu and change the volume.
 */
import { goHome } from '../stores/session-actions';
import { useSessionStore } from '../stores/session-store';
import { changeVolume, closeA11yMenu, keypadUsed, openA11yMenu } from './a11y-actions';
import { useA11ySettings, useA11yStore } from './a11y-store';
import { replay } from './announcer';
import { focusableControls, focusScope, nextControl } from './focus-order';

/** Back actions of the screens now shown, innermost last (see `useBackAction`). */
const backStack: Array<() => void> = [];

export function pushBackAction(fn: () => void): () => void {
  backStack.push(fn);
  return () => {
    const i = backStack.lastIndexOf(fn);
    if (i >= 0) backStack.splice(i, 1);
  };
}

/**
 * Escape: close the menu; else a dialog's own back button (`data-a11y-back`;
 * the idle prompt has none and answers only to "continue"); else the
 * screen's back action, or its visible back button; else Home.
 */
export function goBack(): void {
  if (useA11yStore.getState().menuOpen) {
    closeA11yMenu();
    return;
  }
  const backButton = focusableControls(focusScope()).find((el) => el.hasAttribute('data-a11y-back'));
  if (document.querySelector('[aria-modal="true"]')) {
    backButton?.click();
    return;
  }
  const back = backStack[backStack.length - 1];
  if (back) back();
  else if (backButton) backButton.click();
  else if (useSessionStore.getState().screen !== 'attract') goHome();
}

function isTextField(el: Element | null): boolean {
  return !!el && (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && !['button', 'checkbox', 'radio', 'submit'].includes((el as HTMLInputElement).type)));
}

const NAV_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Enter', 'Escape']);

export function handleKeypad(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
  const keys = useA11ySettings.getState().settings.keys;
  const fnKeys = [keys.replay, keys.menu, keys.volumeUp, keys.volumeDown];
  if (!NAV_KEYS.has(e.key) && !fnKeys.includes(e.key)) return;
  keypadUsed();
  const active = document.activeElement;
  switch (e.key) {
    case keys.replay:
      e.preventDefault();
      replay();
      return;
    case keys.menu:
      e.preventDefault();
      if (useA11yStore.getState().menuOpen) closeA11yMenu();
      else openA11yMenu();
      return;
    case keys.volumeUp:
      e.preventDefault();
      changeVolume(1);
      return;
    case keys.volumeDown:
      e.preventDefault();
      changeVolume(-1);
      return;
  }
  switch (e.key) {
    case 'ArrowDown':
    case 'ArrowRight':
    case 'ArrowUp':
    case 'ArrowLeft': {
      // In a text field, left and right move the caret; up and down still move between controls.
      if (isTextField(active) && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) return;
      e.preventDefault();
      const dir = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : -1;
      const next = nextControl(active, dir, focusScope());
      next?.focus();
      next?.scrollIntoView({ block: 'nearest' });
      return;
    }
    case 'Escape':
      e.preventDefault();
      goBack();
      return;
    // Enter: the focused button's own activation.
  }
}
