/**
 * Staff tablets (technician, admin): the enrolled devices with when they were
 * last seen, a one-time pairing code for a new one (shown large, with when it
 * stops working), and revoking a device with a confirmation. The credential
 * itself is never shown: it lives only in the tablet's cookie.
 */
import { useState } from 'react';
import { Pressable } from '../../components/pressable';
import { useT } from '../../i18n/use-t';
import { staffCall } from './staff-actions';
import { useStaffData } from './use-live-data';
import { HubPairing } from './hub-pairing';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('ko-KR', { timeZone: 'Asia/Seoul', dateStyle: 'short', timeStyle: 'short' }) : '—');

export function DeviceAdmin() {
  const t = useT();
  const data = useStaffData(() => staffCall('staff.devices', {}));
  const [name, setName] = useState('');
  const [made, setMade] = useState<{ code: string; expiresAt: string; name: string } | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  if (!data) return null;

  const makeCode = async () => {
    const r = await staffCall('staff.createPairingCode', { name: name.trim() });
    if (r) {
      setMade({ ...r, name: name.trim() });
      setName('');
    }
  };
  const revoke = async (deviceId: string) => {
    await staffCall('staff.revokeDevice', { deviceId }, { bump: true });
    setRevoking(null);
  };

  return (
    <div className="staff-columns" data-testid="device-admin">
      <section aria-labelledby="devices-title">
        <h2 id="devices-title">{t('staff.devices.title')}</h2>
        {data.devices.length === 0 ? (
          <p data-testid="devices-none">{t('staff.devices.none')}</p>
        ) : (
          <table className="staff-table" data-testid="device-table">
            <thead>
              <tr>
                <th scope="col">{t('staff.devices.name')}</th>
                <th scope="col">{t('staff.devices.enrolled')}</th>
                <th scope="col">{t('staff.devices.lastSeen')}</th>
                <th scope="col">{t('staff.devices.state')}</th>
              </tr>
            </thead>
            <tbody>
              {data.devices.map((d) => (
                <tr key={d.id} data-testid="device-row" data-name={d.name} data-revoked={d.revokedAt ? 'true' : 'false'}>
                  <td>{d.name}</td>
                  <td>{when(d.enrolledAt)}</td>
                  <td>{when(d.lastSeenAt)}</td>
                  <td>
                    {d.revokedAt ? (
                      t('staff.devices.revoked')
                    ) : revoking === d.id ? (
                      <span role="alertdialog" aria-labelledby={`rv-${d.id}`} className="staff-confirm">
                        <span id={`rv-${d.id}`}>{t('staff.devices.confirmRevoke', { name: d.name })}</span>
                        <Pressable className="staff-button danger" data-testid="device-revoke-yes" onClick={() => void revoke(d.id)}>
                          {t('staff.devices.yesRevoke')}
                        </Pressable>
                        <Pressable className="staff-button" data-testid="device-revoke-no" onClick={() => setRevoking(null)}>
                          {t('staff.pins.keep')}
                        </Pressable>
                      </span>
                    ) : (
                      <Pressable className="staff-button" data-testid="device-revoke" onClick={() => setRevoking(d.id)}>
                        {t('staff.devices.revoke')}
                      </Pressable>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="device-add-title">
        <h2 id="device-add-title">{t('staff.devices.add')}</h2>
        <p>{t('staff.devices.howTo')}</p>
        <label className="staff-field">
          {t('staff.devices.newName')}
          <input data-testid="device-name" maxLength={40} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <Pressable className="staff-button" data-testid="device-make-code" disabled={name.trim() === ''} onClick={() => void makeCode()}>
          {t('staff.devices.makeCode')}
        </Pressable>
        {made && (
          <div role="status" data-testid="device-code-box">
            <p>{t('staff.devices.codeFor', { name: made.name })}</p>
            <p className="pairing-code" data-testid="device-code">
              {made.code}
            </p>
            <p>{t('staff.devices.codeUntil', { until: new Date(made.expiresAt).toLocaleTimeString('ko-KR', { timeZone: 'Asia/Seoul', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }) })}</p>
          </div>
        )}
      </section>
      <HubPairing />
    </div>
  );
}
