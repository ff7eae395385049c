/**
 * The staff console: PIN pad first, then tabs (alerts first). Two minutes
 * without input end the session here as they do in the services. At the
 * kiosk, leaving returns to the attract screen; visitors never see it.
 */
import { useEffect } from 'react';
import { Pressable } from '../../components/pressable';
import { useT, useTDynamic } from '../../i18n/use-t';
import { logout, setTab, staffCall } from './staff-actions';
import { useMaintenanceStore, useStaffStore, type StaffTab } from './staff-store';
import { StaffPin } from './staff-pin';
import { AlertsView, StockView } from './staff-views';
import { CounselView } from './counsel-view';
import { PinAdmin } from './pin-admin';
import { DeviceAdmin } from './device-admin';
import { DashboardView } from './dashboard-view';
import { MaintenanceView } from './maintenance-view';
import './staff.css';

const IDLE_MS = 2 * 60_000;
const TABS: StaffTab[] = ['alerts', 'stock', 'counsel', 'dashboard', 'maintenance', 'pins', 'devices'];
/** Who sees a tab beyond every staff member. */
const TAB_ROLES: Partial<Record<StaffTab, readonly string[]>> = { pins: ['admin'], devices: ['technician', 'admin'] };

export function StaffConsole({ onExit }: { onExit?: () => void }) {
  const t = useT();
  const td = useTDynamic();
  const token = useStaffStore((s) => s.token);
  const role = useStaffStore((s) => s.role);
  const tab = useStaffStore((s) => s.tab);
  const errorKey = useStaffStore((s) => s.errorKey);
  const maintenance = useMaintenanceStore((s) => s.open);

  useEffect(() => {
    if (!token) return;
    let timer = setTimeout(() => void logout(), IDLE_MS);
    let lastTouch = -Infinity;
    const onInput = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void logout(), IDLE_MS);
      // A person's input is the only thing that keeps the services' two minutes going (polls do not): tell them, at most every 20 s.
      if (performance.now() - lastTouch > 20_000) {
        lastTouch = performance.now();
        void staffCall('staff.activity', {});
      }
    };
    window.addEventListener('pointerdown', onInput, true);
    window.addEventListener('keydown', onInput, true);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', onInput, true);
      window.removeEventListener('keydown', onInput, true);
    };
  }, [token]);

  if (!token) return <StaffPin onCancel={onExit} />;
  return (
    <main className="staff-console" data-testid="staff-console" data-role={role ?? ''}>
      <header className="staff-header">
        <h1>
          {t('staff.title')} · {role ? t(`staff.role.${role}`) : ''}
        </h1>
        {maintenance && (
          <span className="staff-maint-badge" data-testid="maintenance-badge">
            {t('staff.maint.isOpen')}
          </span>
        )}
        <Pressable
          className="bar-button"
          data-testid="staff-logout"
          onClick={() => {
            void logout();
            onExit?.();
          }}
        >
          {t('staff.logout')}
        </Pressable>
      </header>
      <nav className="staff-tabs" role="tablist">
        {TABS.filter((id) => !TAB_ROLES[id] || TAB_ROLES[id]!.includes(role ?? '')).map((id) => (
          <Pressable key={id} role="tab" aria-selected={tab === id} data-testid={`staff-tab-${id}`} className="staff-tab" onClick={() => setTab(id)}>
            {t(`staff.tab.${id}`)}
          </Pressable>
        ))}
      </nav>
      {errorKey && (
        <p className="staff-error" role="alert" data-testid="staff-error">
          {td(errorKey)}
        </p>
      )}
      <section className="staff-body" role="tabpanel">
        {tab === 'alerts' && <AlertsView />}
        {tab === 'stock' && <StockView />}
        {tab === 'counsel' && <CounselView />}
        {tab === 'dashboard' && <DashboardView />}
        {tab === 'maintenance' && <MaintenanceView />}
        {tab === 'pins' && role === 'admin' && <PinAdmin />}
        {tab === 'devices' && (role === 'technician' || role === 'admin') && <DeviceAdmin />}
      </section>
    </main>
  );
}
