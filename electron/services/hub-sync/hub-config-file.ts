/**
 * Remembers the hub a technician paired with from the console: `hub.url` in
 * the kiosk's config file, validated by the same schema the kiosk starts
 * with and written atomically, so the next start finds its hub again.
 * (`ITDA_HUB_URL`, when set, still wins at start.)
 */
import { parseConfig } from '../config/load-config';
import { readRaw, writeConfigFile } from '../staff/config-editor';

export function saveHubUrl(file: string, url: string): void {
  const raw = readRaw(file);
  const hub = typeof raw.hub === 'object' && raw.hub !== null && !Array.isArray(raw.hub) ? (raw.hub as Record<string, unknown>) : {};
  raw.hub = { ...hub, url };
  parseConfig(raw, file);
  writeConfigFile(file, raw);
}
