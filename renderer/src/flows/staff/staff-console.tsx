/**
 * The staff console: PIN pad first, then today at a glance with the other
 * screens one tap away (a side rail on a landscape tablet, a top row in
 * portrait). Live through the services' push events; a crisis takes over
 * the whole console until someone acknowledges it. Two minutes without input
 * end the session here as they do in the services. At the kiosk, leaving
 * returns to the attract screen; visitors never see it.
 */
import { useEffect } from 'react';
import { Pressable } from '../../components/pressable';
import { useLanguage, useT, useTDynamic } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { useConnectionStore } from '../../stores/connection-store';
import { logout, setTab, staffCall } from './staff-actions';
import { useMaintenanceStore, useStaffStore, type StaffTab } from './staff-store';
import { StaffPin } from './staff-pin';
import { StockView } from './stock-view';
import { CounselView } from './counsel-view';
import { PinAdmin } from './pin-admin';
import { DeviceAdmin } from './device-admin';
import { CouponAdmin } from './coupon-admin';
import { ReferralsView } from './referrals-view';
import { DashboardView } from './dashboard-view';
import { MaintenanceView } from './maintenance-view';
import { OverviewView } from './overview-view';
import { AlertsView } from './alerts-view';
import { JobsView } from './jobs-view';
import { ProgramsAdmin } from './programs-admin';
import { ContentEditor } from './content-editor';
import { CrisisTakeover, askNotificationPermission } from './crisis-takeover';
import { startCrisisWatch, startLive, useLiveStore } from './console-live';
import { acknowledge, setContrast, toggleConsoleLanguage, useConsolePrefs } from './console-actions';
import { useStaffData } from './use-live-data';
import './staff.css';
import './console.css';

const IDLE_MS = 2 * 60_000;
const TABS: StaffTab[] = ['overview', 'alerts', 'jobs', 'stock', 'counsel', 'referrals', 'coupons', 'dashboard', 'content', 'programs', 'maintenance', 'pins', 'devices'];
/** Who sees a tab beyond every staff member. */
const TAB_ROLES: Partial<Record<StaffTab, readonly string[]>> = { pins: ['admin'], devices: ['technician', 'admin'], programs: ['admin'], content: ['admin'] };

export function StaffConsole({ onExit }: { onExit?: () => void }) {
  const t = useT();
  const td = useTDynamic();
  const lang = useLanguage();
  const token = useStaffStore((s) => s.token);
  const role = useStaffStore((s) => s.role);
  const tab = useStaffStore((s) => s.tab);
  const errorKey = useStaffStore((s) => s.errorKey);
  const maintenance = useMaintenanceStore((s) => s.open);
  const contrast = useConsolePrefs((s) => s.contrast);
  const connected = useConnectionStore((s) => s.connected);
  const infoKiosk = useAppStore((s) => s.info?.kioskId ?? null);

  // The crisis watch is the device's: it runs with nobody logged in too (an idle logout must not silence a crisis).
  useEffect(() => startCrisisWatch(), []);

  useEffect(() => {
    if (!token) return;
    askNotificationPermission();
    // Someone answered a crisis on the locked console and has now given their PIN: that was the acknowledgement.
    const pending = useLiveStore.getState().ackAfterLogin;
    if (pending) {
      useLiveStore.setState({ ackAfterLogin: null });
      void acknowledge(pending);
    }
    return startLive();
  }, [token]);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

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

  const theme = contrast ? 'contrast' : 'normal';
  if (!token) {
    return (
      <div className="console-root" data-console-theme={theme}>
        <CrisisTakeover kioskId={infoKiosk ?? ''} locked />
        <StaffPin onCancel={onExit} />
      </div>
    );
  }
  const visible = TABS.filter((id) => !TAB_ROLES[id] || TAB_ROLES[id]!.includes(role ?? ''));
  return (
    <div className="console-root" data-console-theme={theme}>
      <div className="staff-console" data-testid="staff-console" data-role={role ?? ''}>
        <header className="staff-header">
          <h1>
            {t('staff.title')} <span className="role-chip">{role ? t(`staff.role.${role}`) : ''}</span>
          </h1>
          <KioskName fallback={infoKiosk} />
          <span className={connected ? 'live-dot on' : 'live-dot off'} data-testid="console-connection" data-connected={connected}>
            {connected ? t('console.live') : ''}
          </span>
          <span className="header-actions">
            <Pressable className="staff-button" aria-pressed={contrast} aria-label={t('console.theme.contrastLabel')} data-testid="console-contrast" onClick={() => setContrast(!contrast)}>
              {t('console.theme.contrast')}
            </Pressable>
            <Pressable className="staff-button" lang={lang === 'ko' ? 'en' : 'ko'} aria-label={t('console.langLabel')} data-testid="console-language" onClick={toggleConsoleLanguage}>
              {t('console.lang')}
            </Pressable>
            <Pressable
              className="staff-button"
              data-testid="staff-logout"
              onClick={() => {
                void logout();
                onExit?.();
              }}
            >
              {t('staff.logout')}
            </Pressable>
          </span>
        </header>
        <div className="console-body">
          <nav className="staff-tabs" aria-label={t('console.nav')}>
            <ul role="tablist" aria-orientation="vertical">
              {visible.map((id) => (
                <li key={id} role="presentation">
                  <Pressable role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls="console-panel" data-testid={`staff-tab-${id}`} className="staff-tab" onClick={() => setTab(id)}>
                    {t(`staff.tab.${id}`)}
                    {id === 'alerts' && <OpenCount />}
                  </Pressable>
                </li>
              ))}
            </ul>
          </nav>
          <main className="staff-body">
            {!connected && (
              <p className="console-banner" role="status" data-testid="console-offline">
                {t('console.offline')}
              </p>
            )}
            {maintenance && (
              <p className="staff-maint-badge" data-testid="maintenance-badge">
                {t('staff.maint.isOpen')}
              </p>
            )}
            <div role="tabpanel" id="console-panel" aria-labelledby={`tab-${tab}`}>
            {errorKey && (
              <p className="staff-error" role="alert" data-testid="staff-error">
                {td(errorKey)}
              </p>
            )}
            {tab === 'overview' && <OverviewView />}
            {tab === 'alerts' && <AlertsView />}
            {tab === 'jobs' && <JobsView />}
            {tab === 'stock' && <StockView />}
            {tab === 'counsel' && <CounselView />}
            {tab === 'dashboard' && <DashboardView />}
            {tab === 'maintenance' && <MaintenanceView />}
            {tab === 'content' && role === 'admin' && <ContentEditor />}
            {tab === 'pins' && role === 'admin' && <PinAdmin />}
            {tab === 'devices' && (role === 'technician' || role === 'admin') && <DeviceAdmin />}
            {tab === 'programs' && role === 'admin' && <ProgramsAdmin />}
            {tab === 'coupons' && <CouponAdmin />}
            {tab === 'referrals' && <ReferralsView />}
            </div>
          </main>
        </div>
      </div>
      <CrisisTakeover kioskId={infoKiosk ?? ''} />
    </div>
  );
}

function KioskName({ fallback }: { fallback: string | null }) {
  const t = useT();
  const ov = useStaffData(async () => (fallback ? null : ((await staffCall('console.overview', {}))?.kioskId ?? null)), []);
  const id = fallback ?? ov;
  if (!id) return null;
  return <span className="kiosk-chip">{t('console.kiosk', { id })}</span>;
}

/** The open alert count beside the Alerts tab, kept live by the same pushes. */
function OpenCount() {
  const tick = useLiveStore((s) => s.ticks.alerts);
  const d = useStaffData(() => staffCall('console.alerts', { limit: 1 }), ['alerts']);
  void tick;
  if (!d || d.open === 0) return null;
  return (
    <span className="tab-count" data-testid="alerts-open-count">
      {d.open}
    </span>
  );
}
