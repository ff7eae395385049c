/** Maintenance mode (technician): printer, vending cabinet, frame monitor, configuration, ports and the diagnostics bundle. */
import { useState } from 'react';
import { Pressable } from '../../components/pressable';
import { useT } from '../../i18n/use-t';
import { download, staffCall } from './staff-actions';
import { useMaintenanceStore, useStaffStore } from './staff-store';
import { useStaffData } from './staff-views';

export function MaintenanceView() {
  const t = useT();
  const role = useStaffStore((s) => s.role);
  const open = useMaintenanceStore((s) => s.open);
  if (role === 'staff') return <p data-testid="maint-needs-tech">{t('staff.maint.needsTech')}</p>;
  return (
    <div className="staff-maintenance" data-testid="maintenance">
      <Pressable className="small-button" data-testid="maint-toggle" data-open={open} onClick={() => void staffCall('staff.setMaintenance', { open: !open }, { bump: true })}>
        {open ? t('staff.maint.close') : t('staff.maint.open')}
      </Pressable>
      <PrinterPanel />
      <VendingPanel />
      <FramesPanel />
      <ConfigPanel />
    </div>
  );
}

function PrinterPanel() {
  const t = useT();
  const [png, setPng] = useState<string | null>(null);
  const d = useStaffData(() => staffCall('printer.staffStatus', {}));
  const print = (what: 'test_raster' | 'test_text' | 'sample_prescription' | 'sample_ticket') => void staffCall('printer.staffPrint', { what }, { bump: true });
  return (
    <section data-testid="printer-panel">
      <h2>{t('staff.maint.printer')}</h2>
      <ul data-testid="printer-words">{d?.words.map((w) => <li key={w}>{w}</li>)}</ul>
      <Pressable className="small-button" onClick={() => void staffCall('printer.staffStatus', { refresh: true }, { bump: true })}>
        {t('staff.maint.refresh')}
      </Pressable>
      <Pressable className="small-button" onClick={() => print('test_raster')}>{t('staff.maint.testRaster')}</Pressable>
      <Pressable className="small-button" onClick={() => print('test_text')}>{t('staff.maint.testText')}</Pressable>
      <Pressable className="small-button" onClick={() => print('sample_prescription')}>{t('staff.maint.sampleRx')}</Pressable>
      <Pressable className="small-button" onClick={() => print('sample_ticket')}>{t('staff.maint.sampleTicket')}</Pressable>
      <ul className="staff-list">
        {d?.jobs.slice(0, 10).map((j) => (
          <li key={j.jobId} data-state={j.state}>
            {j.kind} · {j.state} {j.lastError ?? ''}
            <Pressable className="small-button" onClick={async () => setPng((await staffCall('printer.staffPreview', { jobId: j.jobId }))?.png ?? null)}>
              {t('staff.maint.preview')}
            </Pressable>
            {(j.state === 'failed' || j.state === 'unknown' || j.state === 'printed') && (
              <Pressable className="small-button" onClick={() => void staffCall('printer.staffRetry', { jobId: j.jobId }, { bump: true })}>
                {t('staff.maint.retry')}
              </Pressable>
            )}
          </li>
        ))}
      </ul>
      {png && <img className="slip-preview" alt={t('staff.maint.preview')} src={`data:image/png;base64,${png}`} />}
    </section>
  );
}

function VendingPanel() {
  const t = useT();
  const [ping, setPing] = useState<string | null>(null);
  const d = useStaffData(() => staffCall('vending.staffStatus', {}));
  return (
    <section data-testid="vending-panel">
      <h2>{t('staff.maint.vending')}</h2>
      <ul data-testid="vending-words">{d?.words.map((w) => <li key={w}>{w}</li>)}</ul>
      <Pressable className="small-button" data-testid="vending-ping" onClick={async () => { const r = await staffCall('vending.staffPing', {}); setPing(r ? `${r.firmware} · ${r.ms} ms` : null); }}>
        {t('staff.maint.ping')}
      </Pressable>
      {ping && <span data-testid="vending-ping-result">{ping}</span>}
      <Pressable className="small-button" onClick={() => void staffCall('vending.staffSlotInfo', {}, { bump: true })}>{t('staff.maint.slotInfo')}</Pressable>
      <Pressable className="small-button" data-testid="vending-clear-faults" onClick={() => void staffCall('vending.staffClearFaults', {}, { bump: true })}>
        {t('staff.maint.clearFaults')}
      </Pressable>
      <table className="staff-table">
        <tbody>
          {d?.status.slots.map((s) => (
            <tr key={s.slot} data-testid={`maint-slot-${s.slot}`} data-state={s.state}>
              <td>{s.slot}</td>
              <td>{t(`staff.state.${s.state}`)}</td>
              <td>{s.boardState ?? '–'}</td>
              <td>{s.count}/{s.capacity}</td>
              <td>
                <Pressable className="small-button" onClick={() => void staffCall('vending.staffMotorTest', { slot: s.slot }, { bump: true })}>{t('staff.maint.motorTest')}</Pressable>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('staff.maint.toResolve')}</h3>
      <ul className="staff-list">
        {d?.toResolve.map((v) => (
          <li key={v.txn}>
            TXN {v.txn} · slot {v.slot} · {v.state}
            <Pressable className="small-button" onClick={() => void staffCall('vending.staffResolveVend', { txn: v.txn, delivered: true }, { bump: true })}>{t('staff.maint.delivered')}</Pressable>
            <Pressable className="small-button" onClick={() => void staffCall('vending.staffResolveVend', { txn: v.txn, delivered: false }, { bump: true })}>{t('staff.maint.notDelivered')}</Pressable>
          </li>
        ))}
      </ul>
    </section>
  );
}

function FramesPanel() {
  const t = useT();
  const d = useStaffData(() => staffCall('vending.staffFrames', {}), 2000);
  return (
    <section>
      <h2>{t('staff.maint.frames')}</h2>
      <pre className="frame-log" data-testid="frame-log">
        {d?.frames.slice(-40).map((f) => `${f.dir === 'tx' ? '→' : '←'} ${f.name.padEnd(28)} ${f.hex}${f.note ? ` (${f.note})` : ''}`).join('\n')}
      </pre>
    </section>
  );
}

function ConfigPanel() {
  const t = useT();
  const d = useStaffData(() => staffCall('staff.config', {}), 60_000);
  const [text, setText] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [ports, setPorts] = useState<string | null>(null);
  const shown = text ?? (d ? JSON.stringify({ idleSeconds: d.config.idleSeconds, idleCountdownSeconds: d.config.idleCountdownSeconds, printer: d.config.printer, vending: d.config.vending }, null, 2) : '');
  return (
    <section>
      <h2>{t('staff.maint.config')}</h2>
      <p><code>{d?.file}</code></p>
      <textarea aria-label={t('staff.maint.config')} data-testid="config-text" rows={14} cols={70} value={shown} onChange={(e) => setText(e.target.value)} />
      <Pressable
        className="small-button"
        data-testid="config-save"
        onClick={async () => {
          let patch: Record<string, unknown>;
          try {
            patch = JSON.parse(shown);
          } catch {
            useStaffStore.setState({ errorKey: 'errors.staff.config_invalid' });
            return;
          }
          const r = await staffCall('staff.updateConfig', { patch }, { bump: true });
          if (r) setSaved(t('staff.maint.configSaved', { applied: r.applied.join(', ') || '–', restart: r.restartRequired.join(', ') || '–' }));
        }}
      >
        {t('staff.maint.saveConfig')}
      </Pressable>
      {saved && <p role="status">{saved}</p>}
      <Pressable className="small-button" onClick={async () => { const r = await staffCall('staff.serialPorts', {}); setPorts(r ? r.ports.map((p) => `${p.path} ${p.manufacturer ?? ''}`).join('\n') || '–' : null); }}>
        {t('staff.maint.ports')}
      </Pressable>
      {ports && <pre>{ports}</pre>}
      <Pressable
        className="small-button"
        data-testid="diagnostics-download"
        onClick={async () => {
          const r = await staffCall('staff.diagnostics', {});
          if (r) download(r.filename, r.content, 'application/json');
        }}
      >
        {t('staff.maint.diagnostics')}
      </Pressable>
    </section>
  );
}
