import { useT } from '../../i18n/use-t';

/** What visitors see while a technician has maintenance mode open. */
export function MaintenanceNotice() {
  const t = useT();
  return (
    <main className="maintenance-notice" data-testid="maintenance-notice" role="status">
      <h1>{t('maintenance.title')}</h1>
      <p>{t('maintenance.body')}</p>
    </main>
  );
}
