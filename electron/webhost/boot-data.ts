/**
 * What the attract screen needs before it can paint (the kiosk's identity, idle timing, languages,
 * venue name, and its health), written into the page the web host serves, so the screen paints as
 * soon as its script runs instead of after opening the API connection and asking for it.
 *
 * Only `open` methods (anyone may call them: `access.ts`), asked as an anonymous caller, so the
 * page carries nothing a caller without the screen cookie could not ask for itself. The renderer
 * reads it in `renderer/src/stores/boot-data.ts`; without it (Electron, an old page) it asks.
 */
import type { Dispatcher } from '../contract/dispatch';

/** The element's id in the page; the renderer reads the same. */
export const BOOT_DATA_ID = 'itda-boot';

export interface BootData {
  info: unknown;
  health: unknown;
}

/** The page's boot data, or null when either call fails (the renderer then asks over the API). */
export async function readBootData(dispatch: Dispatcher): Promise<BootData | null> {
  const meta = { transport: 'http' as const, principal: { kind: 'anonymous' as const } };
  const [info, health] = await Promise.all([dispatch('app.info', {}, meta), dispatch('app.health', {}, meta)]);
  if (!info.ok || !health.ok) return null;
  return { info: info.value, health: health.value };
}

/**
 * A non-executable JSON data block (the strict CSP runs no inline script; a data block is not run).
 * `<` is escaped so no text in it (a venue name) can close the element.
 */
export function bootDataTag(data: BootData): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<script id="${BOOT_DATA_ID}" type="application/json">${json}</script>`;
}
