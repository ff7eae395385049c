/** The PIN pad (`staff-pin`): digits as big buttons, the PIN shown as dots, the lockout in words. */
import { useEffect, useState } from 'react';
import { Pressable } from '../../components/pressable';
import { useT, useTDynamic } from '../../i18n/use-t';
import { loadAuthState, submitPin } from './staff-actions';
import { useStaffStore } from './staff-store';

export function StaffPin({ onCancel }: { onCancel?: () => void }) {
  const t = useT();
  const td = useTDynamic();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const needsSetup = useStaffStore((s) => s.needsSetup);
  const pinError = useStaffStore((s) => s.pinError);
  useEffect(() => {
    void loadAuthState();
  }, []);
  const press = (d: string) => setPin((p) => (p.length < 8 ? p + d : p));
  const submit = async () => {
    if (busy || pin.length < 4) return;
    setBusy(true);
    await submitPin(pin);
    setPin('');
    setBusy(false);
  };
  return (
    <main className="staff-pin" data-testid="staff-pin" aria-labelledby="staff-pin-title">
      <h1 id="staff-pin-title">{needsSetup ? t('staff.pin.setupTitle') : t('staff.pin.title')}</h1>
      <div className="pin-dots" data-testid="pin-dots" role="status" aria-label={`${pin.length}`}>
        {'●'.repeat(pin.length) || '\u00a0'}
      </div>
      {pinError && (
        <p className="pin-error" role="alert" data-testid="pin-error">
          {td(pinError.key, pinError.params)}
        </p>
      )}
      <div className="pin-pad">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'ok'].map((k) =>
          k === 'clear' ? (
            <Pressable key={k} className="pin-key" data-testid="pin-clear" onClick={() => setPin('')}>
              {t('staff.pin.clear')}
            </Pressable>
          ) : k === 'ok' ? (
            <Pressable key={k} className="pin-key ok" data-testid="pin-submit" disabled={busy || pin.length < 4} onClick={() => void submit()}>
              {t('staff.pin.submit')}
            </Pressable>
          ) : (
            <Pressable key={k} className="pin-key" data-testid={`pin-key-${k}`} aria-label={t('staff.pin.digit', { digit: k })} onClick={() => press(k)}>
              {k}
            </Pressable>
          ),
        )}
      </div>
      {onCancel && (
        <Pressable className="bar-button" data-testid="pin-cancel" onClick={onCancel}>
          {t('staff.pin.cancel')}
        </Pressable>
      )}
    </main>
  );
}
