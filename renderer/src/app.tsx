/**
 * The kiosk shell: one screen at a time, the top bar and help lines around
 * it, and the overlays (idle prompt, staff-call toast, connection banner,
 * out of service) above it.
 */
import { lazy, Suspense, useEffect, useRef, type ComponentType } from 'react';
import { useT } from './i18n/use-t';
import { TopBar } from './components/top-bar';
import { HelpLines } from './components/help-lines';
import { IdleOverlay } from './components/idle-overlay';
import { StaffCallToast } from './components/staff-call-toast';
import { AttractScreen } from './screens/attract-screen';
import { HomeScreen } from './screens/home-screen';
import { UnavailableScreen } from './screens/unavailable-screen';
import { OutOfServiceScreen } from './screens/out-of-service-screen';
import { useAppStore } from './stores/app-store';
import { useConnectionStore } from './stores/connection-store';
import { useSessionStore, type ScreenId } from './stores/session-store';
import { IdleTimer } from './stores/idle-timer';
import { idleContinued, idlePrompted, idleTick, resetVisitorSession } from './stores/session-actions';
import { flowScreens } from './screens/flow-screens';
import { MaintenanceNotice } from './flows/staff/maintenance-notice';
import { bootMaintenance } from './flows/staff/staff-actions';
import { useMaintenanceStore } from './flows/staff/staff-store';

import { A11yLayer } from './a11y/a11y-layer';
import { ReachBanner } from './a11y/reach-banner';
import { useA11yStore, useMoreTimeFactor } from './a11y/a11y-store';

/** The web host serves the staff console at /staff (loopback only unless TLS is configured). */
const staffPath = typeof location !== 'undefined' && location.pathname.replace(/\/+$/, '') === '/staff';

/** A 동행 가게's phone opens the coupon redemption page at /redeem (LAN, enrolled devices only). */
const redeemPath = typeof location !== 'undefined' && location.pathname.replace(/\/+$/, '') === '/redeem';
const LazyRedeemPage = lazy(() => import('./flows/coupons/redeem-page').then((m) => ({ default: m.RedeemPage })));

// The staff console (and its chart library) loads only when staff open it: visitors' screens stay light.
const LazyStaffConsole = lazy(() => import('./flows/staff/staff-console').then((m) => ({ default: m.StaffConsole })));
function StaffConsole(props: { onExit?: () => void }) {
  return (
    <Suspense fallback={null}>
      <LazyStaffConsole {...props} />
    </Suspense>
  );
}

const screens: Record<ScreenId, ComponentType> = {
  attract: AttractScreen,
  home: HomeScreen,
  unavailable: UnavailableScreen,
  pharmacy: UnavailableScreen,
  store: UnavailableScreen,
  staff: UnavailableScreen, // rendered by App itself, full screen
  ...flowScreens,
};

export function App() {
  const t = useT();
  const screen = useSessionStore((s) => s.screen);
  const lang = useSessionStore((s) => s.language);
  const info = useAppStore((s) => s.info);
  const health = useAppStore((s) => s.health);
  const bootError = useAppStore((s) => s.bootError);
  const connected = useConnectionStore((s) => s.connected);
  // "More time": with any accessibility option on, every wait is twice as long.
  const more = useMoreTimeFactor();
  const low = useA11yStore((s) => s.low);
  const idle = useIdleReset((info?.idleSeconds ?? 60) * more, (info?.idleCountdownSeconds ?? 15) * more, screen !== 'attract' && screen !== 'staff' && !staffPath && !redeemPath);
  const maintenance = useMaintenanceStore((s) => s.open);
  useEffect(() => bootMaintenance(), []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  if (staffPath) return <StaffConsole />;
  if (redeemPath)
    return (
      <Suspense fallback={null}>
        <LazyRedeemPage />
      </Suspense>
    );
  if (health.status === 'out_of_service' || bootError) return <OutOfServiceScreen />;
  if (!info) return null;
  // Visitors see nothing of a staff session; leaving it returns to the attract screen.
  if (screen === 'staff') return <StaffConsole onExit={() => resetVisitorSession('home')} />;
  if (maintenance) return <MaintenanceNotice />;

  const Screen = screens[screen];
  // Low-reach layout: the top bar's buttons come after the screen, in the DOM (reading and keypad order) as on screen.
  const bar = <TopBar key="top-bar" />;
  const body = <Screen key="screen" />;
  return (
    <>
      {screen === 'attract' ? (
        <Screen />
      ) : (
        <div className="app">
          {!connected && (
            <div className="banner" role="status">
              {t('connection.lost')}
            </div>
          )}
          {low && <ReachBanner />}
          {low ? [body, bar] : [bar, body]}
          <HelpLines />
          <IdleOverlay onContinue={idle.continue} />
          <StaffCallToast />
        </div>
      )}
      <A11yLayer />
    </>
  );
}

/** Wires the idle timer to real input. Input during the prompt does not count: only "continue" does. */
function useIdleReset(idleSeconds: number, countdownSeconds: number, active: boolean) {
  const timer = useRef<IdleTimer | null>(null);
  useEffect(() => {
    const t = new IdleTimer({
      idleMs: idleSeconds * 1000,
      countdownSeconds,
      onPrompt: idlePrompted,
      onTick: idleTick,
      onExpire: () => resetVisitorSession('idle'),
    });
    timer.current = t;
    if (active) t.start();
    const onInput = () => t.activity();
    window.addEventListener('pointerdown', onInput, true);
    window.addEventListener('keydown', onInput, true);
    return () => {
      t.stop();
      window.removeEventListener('pointerdown', onInput, true);
      window.removeEventListener('keydown', onInput, true);
    };
  }, [idleSeconds, countdownSeconds, active]);
  return {
    continue() {
      timer.current?.continue();
      idleContinued();
    },
  };
}
