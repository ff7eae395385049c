/** The crisis lines, visible on every visitor screen: help is never more than a glance away. */
import { useT } from '../i18n/use-t';

export function HelpLines() {
  const t = useT();
  return (
    <footer className="help-lines" data-testid="help-lines">
      {t('shell.helpLines')}
    </footer>
  );
}
