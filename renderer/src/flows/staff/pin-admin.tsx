/**
 * PIN management (admin): the PINs by role and label, never the PIN itself;
 * a new PIN typed twice on the keypad (shown as dots), its label picked from
 * a short list or typed on the on-screen Korean/English keyboard (a kiosk has
 * no keyboard); removal with a
 * confirmation. The last admin PIN has no remove button (the service refuses too).
 */
import { useState } from 'react';
import { Pressable } from '../../components/pressable';
import { useT } from '../../i18n/use-t';
import { staffCall } from './staff-actions';
import { useStaffData } from './use-live-data';
import { HangulKeyboard } from './hangul-keyboard';

type Role = 'staff' | 'technician' | 'admin';
const ROLES: Role[] = ['staff', 'technician', 'admin'];
/** Labels a venue uses most, one tap each: no keyboard needed at the kiosk. */
const LABEL_PRESETS = ['desk', 'counsel', 'tech', 'manager', 'morning', 'afternoon', 'weekend'] as const;

export function PinAdmin() {
  const t = useT();
  const data = useStaffData(() => staffCall('staff.pins', {}));
  const [removing, setRemoving] = useState<string | null>(null);
  const [role, setRole] = useState<Role>('staff');
  const [label, setLabel] = useState('');
  const [first, setFirst] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [keyboard, setKeyboard] = useState(false);
  const [note, setNote] = useState<{ key: 'staff.pins.added' | 'staff.pins.removed' | 'staff.pins.mismatch'; label?: string } | null>(null);
  if (!data) return null;
  const admins = data.pins.filter((p) => p.role === 'admin').length;
  // The services' rule, shown before the first tap on OK: admin and technician PINs are 6–8 digits, staff 4–8.
  const minLength = role === 'staff' ? 4 : 6;

  const enter = async () => {
    if (first === null) {
      setFirst(pin);
      setPin('');
      return;
    }
    const again = pin;
    setPin('');
    setFirst(null);
    if (again !== first) return setNote({ key: 'staff.pins.mismatch' });
    const r = await staffCall('staff.addPin', { role, label: label.trim(), pin: again }, { bump: true });
    if (r) {
      setNote({ key: 'staff.pins.added', label: label.trim() });
      setLabel('');
    }
  };
  const remove = async (pinId: string) => {
    const r = await staffCall('staff.removePin', { pinId }, { bump: true });
    setRemoving(null);
    if (r) setNote({ key: 'staff.pins.removed' });
  };

  return (
    <div className="staff-columns" data-testid="pin-admin">
      <section aria-labelledby="pins-title">
        <h2 id="pins-title">{t('staff.pins.title')}</h2>
        <table className="staff-table pin-table" data-testid="pin-table">
          <thead>
            <tr>
              <th scope="col">{t('staff.pins.role')}</th>
              <th scope="col">{t('staff.pins.label')}</th>
              <th scope="col">{t('staff.pins.created')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('staff.pins.remove', { label: '' })}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.pins.map((p) => {
              const last = p.role === 'admin' && admins <= 1;
              return (
                <tr key={p.id} data-testid="pin-row" data-role={p.role} data-label={p.label}>
                  <td>{t(`staff.role.${p.role}`)}</td>
                  <td lang={/[\uac00-\ud7a3]/.test(p.label) ? 'ko' : 'en'}>{p.label}</td>
                  <td>{new Date(p.createdAt).toLocaleDateString('ko-KR', { timeZone: 'Asia/Seoul' })}</td>
                  <td>
                    {last ? (
                      <span data-testid="pin-last-admin">{t('staff.pins.lastAdmin')}</span>
                    ) : removing === p.id ? (
                      <span role="alertdialog" aria-labelledby={`rm-${p.id}`} className="staff-confirm">
                        <span id={`rm-${p.id}`}>{t('staff.pins.confirmRemove', { label: p.label, role: t(`staff.role.${p.role}`) })}</span>
                        <Pressable className="staff-button danger" data-testid="pin-remove-yes" onClick={() => void remove(p.id)}>
                          {t('staff.pins.yesRemove')}
                        </Pressable>
                        <Pressable className="staff-button" data-testid="pin-remove-no" onClick={() => setRemoving(null)}>
                          {t('staff.pins.keep')}
                        </Pressable>
                      </span>
                    ) : (
                      <Pressable className="staff-button" data-testid="pin-remove" aria-label={t('staff.pins.remove', { label: p.label })} onClick={() => setRemoving(p.id)}>
                        ✕
                      </Pressable>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {note && (
          <p role="status" data-testid="pin-note" data-note={note.key}>
            {t(note.key, { label: note.label ?? '' })}
          </p>
        )}
      </section>
      <section aria-labelledby="pin-add-title">
        <h2 id="pin-add-title">{t('staff.pins.add')}</h2>
        <fieldset className="staff-choices">
          <legend>{t('staff.pins.role')}</legend>
          {ROLES.map((r) => (
            <Pressable key={r} className="staff-button" data-testid={`pin-role-${r}`} aria-pressed={role === r} onClick={() => setRole(r)}>
              {t(`staff.role.${r}`)}
            </Pressable>
          ))}
        </fieldset>
        <fieldset className="staff-choices" data-testid="pin-label-presets">
          <legend>{t('staff.pins.presets')}</legend>
          {LABEL_PRESETS.map((k) => (
            <Pressable key={k} className="staff-button" data-testid={`pin-label-preset-${k}`} aria-pressed={label === t(`staff.pins.preset.${k}`)} onClick={() => setLabel(t(`staff.pins.preset.${k}`))}>
              {t(`staff.pins.preset.${k}`)}
            </Pressable>
          ))}
        </fieldset>
        <div className="label-row">
          <label className="staff-field">
            {t('staff.pins.newLabel')}
            {/* With the on-screen keyboard open, a tablet's own keyboard stays away (inputMode none). */}
            <input data-testid="pin-label" maxLength={40} value={label} inputMode={keyboard ? 'none' : undefined} onChange={(e) => setLabel(e.target.value)} />
          </label>
          <Pressable className="staff-button" data-testid="pin-label-keyboard" aria-pressed={keyboard} aria-label={t('staff.keyboard.openLabel')} onClick={() => setKeyboard((k) => !k)}>
            {t('staff.keyboard.open')}
          </Pressable>
        </div>
        {keyboard && <HangulKeyboard value={label} onChange={setLabel} maxLength={40} onDone={() => setKeyboard(false)} />}
        <p id="pin-prompt">{first === null ? t('staff.pins.typePin', { min: minLength }) : t('staff.pins.typeAgain')}</p>
        <div className="pin-dots" role="status" aria-labelledby="pin-prompt" data-testid="new-pin-dots">
          {'●'.repeat(pin.length) || '\u00a0'}
        </div>
        <div className="pin-pad">
          {['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'ok'].map((k) =>
            k === 'clear' ? (
              <Pressable key={k} className="pin-key" data-testid="new-pin-clear" onClick={() => { setPin(''); setFirst(null); }}>
                {t('staff.pin.clear')}
              </Pressable>
            ) : k === 'ok' ? (
              <Pressable key={k} className="pin-key ok" data-testid="new-pin-ok" disabled={pin.length < minLength || label.trim() === ''} onClick={() => void enter()}>
                {first === null ? t('staff.erase.next') : t('staff.pins.save')}
              </Pressable>
            ) : (
              <Pressable key={k} className="pin-key" data-testid={`new-pin-key-${k}`} aria-label={t('staff.pin.digit', { digit: k })} onClick={() => setPin((p) => (p.length < 8 ? p + k : p))}>
                {k}
              </Pressable>
            ),
          )}
        </div>
      </section>
    </div>
  );
}
