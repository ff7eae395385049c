/** Console actions beside the live store: acknowledge, theme, language. Module functions, callable from views and tests. */
import { create } from 'zustand';
import { useSessionStore } from '../../stores/session-store';
import { refreshCrises, bump } from './console-live';
import { staffCall } from './staff-actions';

/** Acknowledges an alert; every console hears it through the push and drops it. */
export async function acknowledge(alertId: string): Promise<boolean> {
  const r = await staffCall('console.acknowledge', { alertId });
  bump(['alerts', 'devices']);
  await refreshCrises();
  return r !== null;
}

const THEME_KEY = 'itda.console.theme';
const VOLUME_KEY = 'itda.console.volume';

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/** The console's own look: high contrast and the chime volume, kept per device. */
export const useConsolePrefs = create<{ contrast: boolean; volume: number }>(() => ({
  contrast: stored(THEME_KEY) === 'contrast',
  volume: Math.min(1, Math.max(0, Number(stored(VOLUME_KEY) ?? '0.7'))),
}));

export function setContrast(on: boolean): void {
  useConsolePrefs.setState({ contrast: on });
  store(THEME_KEY, on ? 'contrast' : 'normal');
}

export function setVolume(v: number): void {
  useConsolePrefs.setState({ volume: v });
  store(VOLUME_KEY, String(v));
}

export function toggleConsoleLanguage(): void {
  const lang = useSessionStore.getState().language === 'ko' ? 'en' : 'ko';
  useSessionStore.setState({ language: lang });
}
