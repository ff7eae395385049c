/**
 * Mounted once by the shell, on every screen: loads the kiosk's keypad and
 * reach settings, applies the visitor's options to <html> (themes and
 * layouts are CSS), listens to the keypad and to focus changes, and holds
 * the live region and the menu dialog.
 */
import { useEffect } from 'react';
import { useSessionStore } from '../stores/session-store';
import { loadA11ySettings } from './a11y-actions';
import { useA11ySettings, useA11yStore } from './a11y-store';
import { announce, useAnnouncerStore } from './announcer';
import { describeFocus } from './accessible-name';
import { handleKeypad } from './keypad';
import { A11yMenu } from './a11y-menu';
import { watchScreens } from './screen-watch';

export function A11yLayer() {
  const { voice, contrast, large, low, menuOpen } = useA11yStore();
  const reach = useA11ySettings((s) => s.settings.reach);
  const live = useAnnouncerStore((s) => s.live);

  useEffect(() => {
    void loadA11ySettings();
    window.addEventListener('keydown', handleKeypad);
    const onFocus = (e: FocusEvent) => {
      if (!useA11yStore.getState().voice || !(e.target instanceof Element)) return;
      const text = describeFocus(e.target, useSessionStore.getState().language);
      if (text) announce(text, 'focus');
    };
    document.addEventListener('focusin', onFocus);
    const unwatch = watchScreens();
    return () => {
      unwatch();
      window.removeEventListener('keydown', handleKeypad);
      document.removeEventListener('focusin', onFocus);
    };
  }, []);

  useEffect(() => {
    const root = document.documentElement;
    const set = (name: string, on: boolean) => (on ? root.setAttribute(name, '') : root.removeAttribute(name));
    set('data-a11y-contrast', contrast);
    set('data-a11y-large', large);
    set('data-a11y-low', low);
    set('data-a11y-any', voice || contrast || large || low);
    root.style.setProperty('--reach-top', `${reach.top * 100}vh`);
    root.style.setProperty('--reach-bottom', `${(1 - reach.bottom) * 100}vh`);
  }, [voice, contrast, large, low, reach]);

  return (
    <>
      <div className="visually-hidden" aria-live="polite" data-testid="a11y-live">
        {live}
      </div>
      {menuOpen && <A11yMenu />}
    </>
  );
}
