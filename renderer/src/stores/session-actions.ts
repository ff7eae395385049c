/**
 * Module-level actions of the visitor session: callable from components,
 * timers and tests alike. They update UI state and tell the services what
 * the visitor did (every visitor action is an event).
 */
import { api } from '../api/client';
import type { ApiInput } from '../../../electron/contract/api';
import type { Language } from '../i18n/translate';
import { useAppStore, type AppInfo } from './app-store';
import { readBootData } from './boot-data';
import { setDefaultLanguage, useSessionStore, type ScreenId } from './session-store';
import { resetFlowStores, resetVisitorStores } from './visitor-reset';

/** Fire-and-forget event: a lost event must never block a visitor's tap. */
function record(input: ApiInput<'app.visitorEvent'>) {
  void api()
    .call('app.visitorEvent', input)
    .catch(() => undefined);
}

export async function bootApp(): Promise<void> {
  const client = api();
  client.on('app.health', (health) => useAppStore.setState({ health }));
  // The web host's page carries the kiosk's identity and health: the attract screen paints at once.
  const boot = readBootData();
  if (boot) {
    showInfo(boot.info);
    useAppStore.setState({ health: boot.health });
  } else {
    const info = await client.call('app.info', {});
    if (!info.ok) {
      useAppStore.setState({ bootError: info.error.code });
      return;
    }
    showInfo(info.value);
  }
  // Asked again once connected: a change between the page's load and the connection sent no push to it.
  const health = await client.call('app.health', {});
  if (health.ok) useAppStore.setState({ health: health.value });
}

function showInfo(info: AppInfo): void {
  setDefaultLanguage(info.defaultLanguage);
  useAppStore.setState({ info, bootError: null });
  useSessionStore.setState({ language: info.defaultLanguage });
}

/** A tap on the attract screen: a new visitor session begins. */
export function startSession(): void {
  const { language } = useSessionStore.getState();
  useSessionStore.setState({ screen: 'home', idleRemaining: null });
  record({ kind: 'session.start', language });
}

export function goTo(screen: ScreenId): void {
  useSessionStore.setState({ screen });
  record({ kind: 'screen.view', screen });
}

/** Home, from any screen: the flow's choices are cleared; the language stays. */
export function goHome(): void {
  const { screen } = useSessionStore.getState();
  if (screen === 'home') return;
  resetFlowStores();
  useSessionStore.setState({ screen: 'home' });
  record({ kind: 'screen.view', screen: 'home' });
}

export function setLanguage(language: Language): void {
  if (useSessionStore.getState().language === language) return;
  useSessionStore.setState({ language });
  record({ kind: 'language.change', language });
}

export function toggleLanguage(): void {
  const langs = useAppStore.getState().info?.languages ?? ['ko', 'en'];
  const cur = useSessionStore.getState().language;
  const next = langs[(langs.indexOf(cur) + 1) % langs.length] ?? 'ko';
  setLanguage(next);
}

let staffToastTimer: ReturnType<typeof setTimeout> | null = null;

export async function callStaff(): Promise<void> {
  const { staffCall, screen, language } = useSessionStore.getState();
  // One call at a time: a tap storm on the button raises one alert.
  if (staffCall === 'calling') return;
  useSessionStore.setState({ staffCall: 'calling' });
  const res = await api()
    .call('app.staffCall', { screen, language })
    .catch(() => null);
  useSessionStore.setState({ staffCall: res?.ok ? 'called' : 'failed' });
  if (staffToastTimer) clearTimeout(staffToastTimer);
  staffToastTimer = setTimeout(() => useSessionStore.setState({ staffCall: 'idle' }), 8000);
}

export function idlePrompted(remaining: number): void {
  useSessionStore.setState({ idleRemaining: remaining });
  record({ kind: 'idle.prompt' });
}

export function idleTick(remaining: number): void {
  useSessionStore.setState({ idleRemaining: remaining });
}

export function idleContinued(): void {
  useSessionStore.setState({ idleRemaining: null });
  record({ kind: 'idle.continue' });
}

/** Ends the visitor session: every visitor store is cleared and the attract screen returns. */
export function resetVisitorSession(reason: 'idle' | 'home' | 'done'): void {
  resetVisitorStores();
  record({ kind: 'session.reset', reason });
}
