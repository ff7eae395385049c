/**
 * The boot data the web host writes into its page (`electron/webhost/boot-data.ts`): the kiosk's
 * identity and health, so the attract screen paints as soon as the script runs instead of after
 * the API connection opens and answers. Null without it (Electron's window, a page saved
 * elsewhere): the shell then asks over the API as before.
 */
import type { AppInfo } from './app-store';
import type { Health } from '../../../electron/contract/events';

/** Same id as the host's `BOOT_DATA_ID` (the renderer never imports host code). */
const BOOT_DATA_ID = 'itda-boot';

export interface BootData {
  info: AppInfo;
  health: Health;
}

export function readBootData(doc: Document = document): BootData | null {
  const text = doc.getElementById(BOOT_DATA_ID)?.textContent;
  if (!text) return null;
  try {
    const data = JSON.parse(text) as Partial<BootData> | null;
    // The host wrote it with the contract's own handlers; a page that lost it (or half of it) asks instead.
    if (!data || typeof data.info?.kioskId !== 'string' || !Array.isArray(data.info.languages) || typeof data.health?.status !== 'string') return null;
    return data as BootData;
  } catch {
    return null;
  }
}
