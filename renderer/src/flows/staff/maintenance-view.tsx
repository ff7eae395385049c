/** Maintenance mode (technician): printer, vending cabinet, frame monitor, configuration, ports and the diagnostics bundle. */
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { useConnectionStore } from '../../stores/connection-store';
import type { ApiOutput } from '../../../../electron/contract/api';
import { Pressable } from '../../components/pressable';
import { useT } from '../../i18n/use-t';
import { download, staffCall } from './staff-actions';
import { useMaintenanceStore, useStaffStore } from './staff-store';
import { useStaffData } from './use-live-data';
import { DeviceCard } from './overview-view';

export function MaintenanceView() {
  const t = useT();
  const role = useStaffStore((s) => s.role);
  const open = useMaintenanceStore((s) => s.open);
  if (role === 'staff') return <p data-testid="maint-needs-tech">{t('staff.maint.needsTech')}</p>;
  return (
    <div className="staff-maintenance" data-testid="maintenance">
      <Pressable className="staff-button" data-testid="maint-toggle" data-open={open} onClick={() => void staffCall('staff.setMaintenance', { open: !open }, { bump: true })}>
        {open ? t('staff.maint.close') : t('staff.maint.open')}
      </Pressable>
      <PrinterPanel />
      <VendingPanel />
      <FramesPanel />
      <ConfigPanel />
    </div>
  );
}

/** The devices' state in the console's language: the same cards (and words) as the overview and the alerts. */
function DeviceCards({ ids, testId }: { ids: ('printer' | 'paper' | 'cabinet' | 'link')[]; testId: string }) {
  const ov = useStaffData(() => staffCall('console.overview', {}), ['devices', 'alerts']);
  return (
    <ul className="device-grid" data-testid={testId}>
      {ov?.devices.filter((d) => ids.includes(d.id)).map((d) => <DeviceCard key={d.id} dev={d} />)}
    </ul>
  );
}

function PrinterPanel() {
  const t = useT();
  const print = (what: 'test_raster' | 'test_text' | 'sample_prescription' | 'sample_ticket') => void staffCall('printer.staffPrint', { what }, { bump: true });
  return (
    <section className="maint-panel" data-testid="printer-panel" aria-labelledby="maint-printer">
      <h2 id="maint-printer">{t('staff.maint.printer')}</h2>
      <DeviceCards ids={['printer', 'paper']} testId="printer-words" />
      <div className="button-row">
        <Pressable className="staff-button" onClick={() => void staffCall('printer.staffStatus', { refresh: true }, { bump: true })}>
          {t('staff.maint.refresh')}
        </Pressable>
        <Pressable className="staff-button" onClick={() => print('test_raster')}>{t('staff.maint.testRaster')}</Pressable>
        <Pressable className="staff-button" onClick={() => print('test_text')}>{t('staff.maint.testText')}</Pressable>
        <Pressable className="staff-button" onClick={() => print('sample_prescription')}>{t('staff.maint.sampleRx')}</Pressable>
        <Pressable className="staff-button" onClick={() => print('sample_ticket')}>{t('staff.maint.sampleTicket')}</Pressable>
      </div>
    </section>
  );
}

function VendingPanel() {
  const t = useT();
  const [ping, setPing] = useState<string | null>(null);
  const d = useStaffData(() => staffCall('vending.staffStatus', {}), ['devices', 'stock']);
  return (
    <section className="maint-panel" data-testid="vending-panel" aria-labelledby="maint-vending">
      <h2 id="maint-vending">{t('staff.maint.vending')}</h2>
      <DeviceCards ids={['cabinet', 'link']} testId="vending-words" />
      <div className="button-row">
        <Pressable className="staff-button" data-testid="vending-ping" onClick={async () => { const r = await staffCall('vending.staffPing', {}); setPing(r ? `${r.firmware} · ${r.ms} ms` : null); }}>
          {t('staff.maint.ping')}
        </Pressable>
        {ping && <span className="tag" data-testid="vending-ping-result">{ping}</span>}
        <Pressable className="staff-button" onClick={() => void staffCall('vending.staffSlotInfo', {}, { bump: true })}>{t('staff.maint.slotInfo')}</Pressable>
        <Pressable className="staff-button" data-testid="vending-clear-faults" onClick={() => void staffCall('vending.staffClearFaults', {}, { bump: true })}>
          {t('staff.maint.clearFaults')}
        </Pressable>
      </div>
      <div className="table-scroll" tabIndex={0}>
        <table className="staff-table">
          <thead>
            <tr>
              <th scope="col">{t('staff.stock.slot')}</th>
              <th scope="col">{t('staff.stock.state')}</th>
              <th scope="col">{t('console.maint.board')}</th>
              <th scope="col">{t('console.maint.stock')}</th>
              <th scope="col">{t('console.maint.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {d?.status.slots.map((s) => (
              <tr key={s.slot} data-testid={`maint-slot-${s.slot}`} data-state={s.state}>
                <td className="num">{s.slot}</td>
                <td><span className={`state-chip state-${s.state}`}>{t(`staff.state.${s.state}`)}</span></td>
                <td>{s.boardState ? t(`staff.state.${s.boardState}`) : t('console.level.unknown')}</td>
                <td className="num">{s.count} / {s.capacity}</td>
                <td>
                  <Pressable className="staff-button" aria-label={`${t('staff.maint.motorTest')} · ${t('console.maint.slot', { slot: s.slot })}`} onClick={() => void staffCall('vending.staffMotorTest', { slot: s.slot }, { bump: true })}>{t('staff.maint.motorTest')}</Pressable>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('staff.maint.toResolve')}</h3>
      {d && d.toResolve.length === 0 && <p className="muted">{t('console.maint.none')}</p>}
      <ul className="plain-list">
        {d?.toResolve.map((v) => (
          <li key={v.txn} className="resolve-row">
            <span>{t('console.maint.vend', { txn: v.txn, slot: v.slot })} · {v.state === 'unconfirmed' ? t('console.maint.vendState.unconfirmed') : t('console.maint.vendState.unknown')}</span>
            <Pressable className="staff-button" onClick={() => void staffCall('vending.staffResolveVend', { txn: v.txn, delivered: true }, { bump: true })}>{t('staff.maint.delivered')}</Pressable>
            <Pressable className="staff-button" onClick={() => void staffCall('vending.staffResolveVend', { txn: v.txn, delivered: false }, { bump: true })}>{t('staff.maint.notDelivered')}</Pressable>
          </li>
        ))}
      </ul>
    </section>
  );
}

type Frame = ApiOutput<'vending.staffFrames'>['frames'][number];
/** Lines the monitor shows; the services keep the last 300. */
const FRAMES_SHOWN = 40;
/** The stream's lease is 60 s (`frame-stream.ts`): renewed well before it lapses, which also fills any gap. */
const FRAME_LEASE_RENEW_MS = 45_000;

/** The frame monitor: the backlog once, then each new frame as the services push it (no reloading). */
function FramesPanel() {
  const t = useT();
  const [frames, setFrames] = useState<Frame[]>([]);
  const last = useRef(0);
  useEffect(() => {
    let live = true;
    const add = (more: Frame[]) => {
      const fresh = more.filter((f) => f.seq > last.current);
      if (fresh.length === 0) return;
      last.current = fresh[fresh.length - 1]!.seq;
      setFrames((prev) => [...prev, ...fresh].slice(-FRAMES_SHOWN));
    };
    const read = () => void staffCall('vending.staffFrames', { afterSeq: last.current }).then((r) => live && r && add(r.frames));
    read();
    const offPush = api().on('vending.frames', (p) => add(p.frames));
    const renew = setInterval(read, FRAME_LEASE_RENEW_MS);
    let wasConnected = useConnectionStore.getState().connected;
    const offConnection = useConnectionStore.subscribe((s) => {
      if (s.connected && !wasConnected) read();
      wasConnected = s.connected;
    });
    return () => {
      live = false;
      offPush();
      offConnection();
      clearInterval(renew);
    };
  }, []);
  return (
    <section className="maint-panel">
      <h2>{t('staff.maint.frames')}</h2>
      <pre className="frame-log" data-testid="frame-log" data-last-seq={last.current} data-raw translate="no" tabIndex={0} aria-label={t('staff.maint.frames')}>
        {frames.map((f) => `${f.dir === 'tx' ? '→' : '←'} ${f.name.padEnd(28)} ${f.hex}${f.note ? ` (${f.note})` : ''}`).join('\n')}
      </pre>
    </section>
  );
}

function ConfigPanel() {
  const t = useT();
  const d = useStaffData(() => staffCall('staff.config', {}));
  const [text, setText] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [ports, setPorts] = useState<string | null>(null);
  const shown = text ?? (d ? JSON.stringify({ idleSeconds: d.config.idleSeconds, idleCountdownSeconds: d.config.idleCountdownSeconds, printer: d.config.printer, vending: d.config.vending }, null, 2) : '');
  return (
    <section className="maint-panel">
      <h2>{t('staff.maint.config')}</h2>
      <p><code data-raw translate="no">{d?.file}</code></p>
      <textarea data-raw translate="no" aria-label={t('staff.maint.config')} data-testid="config-text" rows={14} cols={70} value={shown} onChange={(e) => setText(e.target.value)} />
      <Pressable
        className="staff-button"
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
      <Pressable className="staff-button" onClick={async () => { const r = await staffCall('staff.serialPorts', {}); setPorts(r ? r.ports.map((p) => `${p.path} ${p.manufacturer ?? ''}`).join('\n') || '–' : null); }}>
        {t('staff.maint.ports')}
      </Pressable>
      {ports && <pre data-raw translate="no">{ports}</pre>}
      <Pressable
        className="staff-button"
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
