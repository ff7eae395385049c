/**
 * Low reach: the controls live in the lower band a seated visitor reaches;
 * the band above shows the screen's heading, large, over a calm picture
 * (the attract screen's breathing circles, still), instead of emptiness.
 * The heading moves up rather than appearing twice: the screen's own <h1>
 * stays in the page for screen readers and the keypad's focus, only hidden
 * from view (`data-reach-moved`); this copy is aria-hidden. The venue's
 * name moves up here too, leaving the bottom bar to its buttons.
 */
import { useEffect, useState } from 'react';
import { useT } from '../i18n/use-t';
import { useAppStore } from '../stores/app-store';
import { useSessionStore } from '../stores/session-store';
import { staffGestureTap } from '../flows/staff/staff-gesture';

const MOVED = 'data-reach-moved';

/** The visible heading of the screen now: an open dialog's, else the screen's first <h1>. */
function currentHeading(): HTMLElement | null {
  const dialog = document.querySelector<HTMLElement>('[aria-modal="true"] h2, [aria-modal="true"] h1');
  if (dialog) return null;
  return document.querySelector<HTMLElement>('main h1');
}

export function ReachBanner() {
  const t = useT();
  const lang = useSessionStore((s) => s.language);
  const venue = useAppStore((s) => s.info?.venueName);
  const [heading, setHeading] = useState('');
  useEffect(() => {
    let moved: HTMLElement | null = null;
    const update = () => {
      const h = currentHeading();
      if (moved && moved !== h) moved.removeAttribute(MOVED);
      if (h && h !== moved) h.setAttribute(MOVED, '');
      moved = h;
      setHeading(h?.textContent?.trim() ?? '');
    };
    update();
    // Screens change, and a heading's words with them (a question number, the language).
    const observer = new MutationObserver(update);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      moved?.removeAttribute(MOVED);
    };
  }, []);
  return (
    <div className="reach-banner" aria-hidden="true" data-testid="reach-banner">
      {/* The venue's name moves up here from the top bar; five taps still open the staff PIN pad. */}
      <p className="reach-venue" data-testid="venue-name" onClick={() => staffGestureTap()}>
        {venue ? venue[lang] : t('app.title')}
      </p>
      <div className="breath reach-picture">
        <span />
        <span />
        <span />
      </div>
      {heading && <p className="reach-heading">{heading}</p>}
    </div>
  );
}
