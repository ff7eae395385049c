/** The step's kind message (a lost race, a number to check), from a message key. */
import { useTDynamic } from '../../i18n/use-t';
import { useStoreFlow } from './store-store';

export function Notice() {
  const t = useTDynamic();
  const key = useStoreFlow((s) => s.noticeKey);
  if (!key) return null;
  return (
    <p className="notice" role="alert" data-testid="store-notice" data-key={key}>
      {t(key)}
    </p>
  );
}
