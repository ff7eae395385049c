/**
 * The PIN pad (`staff-pin`): digits as big buttons, the PIN shown as dots, the
 * lockout in words. At the first start it takes three steps: the one-time
 * setup code (from the setup slip or `npm run staff -- setup-code`), then the
 * new admin PIN twice.
 */
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
  // First start only: the setup code typed, then the new PIN typed once (null until then).
  const [code, setCode] = useState<string | null>(null);
  const [first, setFirst] = useState<string | null>(null);
  const needsSetup = useStaffStore((s) => s.needsSetup);
  const pinError = useStaffStore((s) => s.pinError);
  useEffect(() => {
    void loadAuthState();
  }, []);
  const step: 'login' | 'code' | 'pin' | 'again' = !needsSetup ? 'login' : code === null ? 'code' : first === null ? 'pin' : 'again';
  const maxLength = step === 'code' ? 10 : 8;
  const minLength = step === 'code' ? 10 : step === 'login' ? 4 : 6;
  const press = (d: string) => setPin((p) => (p.length < maxLength ? p + d : p));
  const submit = async () => {
    if (busy || pin.length < minLength) return;
    if (step === 'code') {
      useStaffStore.setState({ pinError: null });
      setCode(pin);
    } else if (step === 'pin') {
      setFirst(pin);
    } else if (step === 'again' && pin !== first) {
      useStaffStore.setState({ pinError: { key: 'staff.setup.mismatch' } });
      setFirst(null);
    } else {
      setBusy(true);
      const ok = await submitPin(pin, step === 'again' ? code! : undefined);
      // A wrong code sends the person back to the code; a PIN the rules refuse, back to choosing one.
      if (!ok && step === 'again') {
        if (useStaffStore.getState().pinError?.key === 'staff.setup.pinRule') setFirst(null);
        else {
          setCode(null);
          setFirst(null);
        }
      }
      setBusy(false);
    }
    setPin('');
  };
  const title = { login: 'staff.pin.title', code: 'staff.setup.codeTitle', pin: 'staff.setup.pinTitle', again: 'staff.setup.againTitle' } as const;
  return (
    <main className="staff-pin" data-testid="staff-pin" data-step={step} aria-labelledby="staff-pin-title">
      <h1 id="staff-pin-title">{t(title[step])}</h1>
      {step === 'code' && <p className="pin-help">{t('staff.setup.codeHelp')}</p>}
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
            <Pressable key={k} className="pin-key ok" data-testid="pin-submit" disabled={busy || pin.length < minLength} onClick={() => void submit()}>
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
