/**
 * Erasing a visitor's personal data at their request (admin only): the
 * number typed on an on-screen keypad and shown masked (`010-****-5678`),
 * a confirmation step, and the typed digits forgotten once done.
 */
import { useState } from 'react';
import { Pressable } from '../../components/pressable';
import { useT } from '../../i18n/use-t';
import { maskPhone } from '../../a11y/mask-phone';
import { useStaffStore } from './staff-store';
import { storeCall } from './store-call';

type Step = 'type' | 'confirm' | 'done' | 'none';

export function EraseVisitor() {
  const t = useT();
  const role = useStaffStore((s) => s.role);
  const [digits, setDigits] = useState('');
  const [step, setStep] = useState<Step>('type');
  const [masked, setMasked] = useState('');
  if (role !== 'admin') return <p data-testid="erase-admin-only">{t('staff.erase.adminOnly')}</p>;

  const erase = async () => {
    const r = await storeCall('store.staffEraseVisitor', { phone: digits }, { bump: true });
    setMasked(maskPhone(digits));
    // The number leaves the screen's memory whatever the answer.
    setDigits('');
    setStep(r ? (r.erased ? 'done' : 'none') : 'type');
  };
  return (
    <section aria-labelledby="erase-title" data-testid="erase-visitor">
      <h2 id="erase-title">{t('staff.erase.title')}</h2>
      {step === 'type' && (
        <>
          <p>{t('staff.erase.help')}</p>
          <p className="erase-display" role="status" aria-label={t('staff.erase.phone')} data-testid="erase-display">
            {maskPhone(digits) || '\u00a0'}
          </p>
          <div className="pin-pad">
            {['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'].map((k) =>
              k === 'clear' ? (
                <Pressable key={k} className="pin-key" data-testid="erase-clear" onClick={() => setDigits('')}>
                  {t('staff.erase.clear')}
                </Pressable>
              ) : k === 'back' ? (
                <Pressable key={k} className="pin-key" data-testid="erase-back" aria-label={t('staff.erase.backspace')} onClick={() => setDigits((d) => d.slice(0, -1))}>
                  ⌫
                </Pressable>
              ) : (
                <Pressable key={k} className="pin-key" data-testid={`erase-key-${k}`} aria-label={t('staff.pin.digit', { digit: k })} onClick={() => setDigits((d) => (d.length < 11 ? d + k : d))}>
                  {k}
                </Pressable>
              ),
            )}
          </div>
          <Pressable className="staff-button primary" data-testid="erase-next" disabled={digits.length < 10} onClick={() => setStep('confirm')}>
            {t('staff.erase.next')}
          </Pressable>
        </>
      )}
      {step === 'confirm' && (
        <div role="alertdialog" aria-labelledby="erase-q" className="staff-confirm" data-testid="erase-confirm">
          <p id="erase-q">{t('staff.erase.confirm', { masked: maskPhone(digits) })}</p>
          <Pressable className="staff-button danger" data-testid="erase-yes" onClick={() => void erase()}>
            {t('staff.erase.yes')}
          </Pressable>
          <Pressable className="staff-button" data-testid="erase-no" onClick={() => setStep('type')}>
            {t('staff.erase.no')}
          </Pressable>
        </div>
      )}
      {(step === 'done' || step === 'none') && (
        <>
          <p role="status" data-testid="erase-result" data-erased={step === 'done'}>
            {t(step === 'done' ? 'staff.erase.done' : 'staff.erase.none', { masked })}
          </p>
          <Pressable className="staff-button" data-testid="erase-again" onClick={() => { setMasked(''); setStep('type'); }}>
            {t('staff.erase.again')}
          </Pressable>
        </>
      )}
    </section>
  );
}
