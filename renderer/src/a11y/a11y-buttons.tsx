/** The accessibility menu button (attract, top bar) and the replay button (top bar, with voice on). */
import { useT } from '../i18n/use-t';
import { Pressable } from '../components/pressable';
import { openA11yMenu } from './a11y-actions';
import { useA11yStore } from './a11y-store';
import { replay } from './announcer';

export function A11yMenuButton({ className }: { className?: string }) {
  const t = useT();
  return (
    <Pressable
      className={className ?? 'bar-button a11y-menu-button'}
      data-testid="a11y-menu"
      aria-haspopup="dialog"
      onClick={(e) => {
        // On the attract screen a tap anywhere else starts the visit; this one only opens the menu.
        e.stopPropagation();
        openA11yMenu();
      }}
    >
      <span aria-hidden="true" className="a11y-symbol">
        ♿︎
      </span>{' '}
      {t('a11y.menu.button')}
    </Pressable>
  );
}

export function ReplayButton() {
  const t = useT();
  const voice = useA11yStore((s) => s.voice);
  if (!voice) return null;
  return (
    <Pressable className="bar-button" data-testid="a11y-replay" onClick={replay}>
      {t('a11y.replay')}
    </Pressable>
  );
}
