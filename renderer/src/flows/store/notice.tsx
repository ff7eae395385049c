/** The step's kind message (a lost race, a number to check), from a message key; also said aloud. */
import { useEffect } from 'react';
import { useTDynamic } from '../../i18n/use-t';
import { announce } from '../../a11y/announcer';
import { useStoreFlow } from './store-store';

export function Notice() {
  const t = useTDynamic();
  const key = useStoreFlow((s) => s.noticeKey);
  const text = key ? t(key) : null;
  useEffect(() => {
    if (!text) return;
    // After this commit's screen announcement (parents' effects run after ours): queued behind it, not cut off by it.
    const timer = setTimeout(() => announce(text, 'result'), 0);
    return () => clearTimeout(timer);
  }, [text]);
  if (!key) return null;
  return (
    <p className="notice" role="alert" data-testid="store-notice" data-key={key}>
      {text}
    </p>
  );
}
