/** Shown over everything when storage failed: no visitor flow may run without its record. */
import { useT } from '../i18n/use-t';

export function OutOfServiceScreen() {
  const t = useT();
  return (
    <main className="out-of-service" data-testid="out-of-service" role="alert">
      <h1>{t('outOfService.title')}</h1>
      <p className="lead">{t('outOfService.body')}</p>
      <p className="lead">{t('outOfService.help')}</p>
      <p className="help-lines">{t('shell.helpLines')}</p>
    </main>
  );
}
