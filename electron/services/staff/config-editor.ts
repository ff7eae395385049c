/**
 * Maintenance mode's configuration screen: the effective config, and edits
 * validated by the same schema the app starts with, written to the config
 * file the hosts read (`--config` / ITDA_CONFIG / `<dataDir>/config.json`).
 * Idle timing, the venue's name and the slot map's items apply at once;
 * device addresses and poll rates apply at the next start.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { ConfigError, parseConfig } from '../config/load-config';
import type { KioskConfig } from '../config/config-schema';
import { parseFlags, resolveRuntimeOptions } from '../config/runtime-options';
import { StaffError } from './staff-errors';
import { configEditProblems } from './config-edit-policy';

export interface ConfigPatch {
  idleSeconds?: number;
  idleCountdownSeconds?: number;
  venue?: Record<string, unknown>;
  printer?: Record<string, unknown>;
  vending?: Record<string, unknown>;
}

export function configFileFor(dataDir: string, argv = process.argv.slice(2), env = process.env): string {
  return resolveRuntimeOptions(parseFlags(argv), env, { dataDir }).configFile;
}

export function readRaw(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {};
  const text = readFileSync(file, 'utf8');
  if (text.trim() === '') return {};
  try {
    const raw = JSON.parse(text);
    return typeof raw === 'object' && raw && !Array.isArray(raw) ? raw : {};
  } catch {
    throw new StaffError('staff.config_invalid', `${file} is not valid JSON; fix it by hand first`, { details: ['(file): not valid JSON'] });
  }
}

export interface ConfigChange {
  next: KioskConfig;
  /** Dotted fields that changed. */
  fields: string[];
  applied: string[];
  restartRequired: string[];
}

const LIVE = new Set(['idleSeconds', 'idleCountdownSeconds', 'venue.name', 'venue.url', 'venue.hours', 'vending.slots']);

/** Validates the patch over the file's content; throws `staff.config_invalid` naming each bad field. Writes nothing. */
export function planConfigChange(file: string, current: KioskConfig, patch: ConfigPatch): ConfigChange & { raw: Record<string, unknown> } {
  const raw = readRaw(file);
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    raw[k] = typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...(raw[k] as object), ...v } : v;
  }
  let next: KioskConfig;
  try {
    next = parseConfig(raw, file);
  } catch (err) {
    if (err instanceof ConfigError) throw new StaffError('staff.config_invalid', err.message, { details: err.problems });
    throw err;
  }
  const problems = configEditProblems(patch, next, current);
  if (problems.length > 0) throw new StaffError('staff.config_invalid', `refused: ${problems.join('; ')}`, { details: problems });
  const fields: string[] = [];
  for (const [section, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        const a = (current as unknown as Record<string, Record<string, unknown>>)[section]?.[key];
        const b = (next as unknown as Record<string, Record<string, unknown>>)[section]?.[key];
        if (JSON.stringify(a) !== JSON.stringify(b)) fields.push(`${section}.${key}`);
      }
    } else if ((current as unknown as Record<string, unknown>)[section] !== (next as unknown as Record<string, unknown>)[section]) fields.push(section);
  }
  const slotNumbersChanged =
    JSON.stringify(current.vending.slots.map((s) => s.slot).sort()) !== JSON.stringify(next.vending.slots.map((s) => s.slot).sort());
  const restartRequired = fields.filter((f) => !LIVE.has(f) || (f === 'vending.slots' && slotNumbersChanged));
  const applied = fields.filter((f) => !restartRequired.includes(f));
  return { raw, next, fields, applied, restartRequired };
}

/** Writes the file atomically (a power cut leaves the old file or the new one, never half). */
export function writeConfigFile(file: string, raw: Record<string, unknown>): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(raw, null, 2) + '\n', 'utf8');
  renameSync(tmp, file);
}

/** Copies the live fields into the running config object every domain shares. */
export function applyLive(current: KioskConfig, next: KioskConfig, applied: string[]): void {
  if (applied.includes('idleSeconds')) current.idleSeconds = next.idleSeconds;
  if (applied.includes('idleCountdownSeconds')) current.idleCountdownSeconds = next.idleCountdownSeconds;
  if (applied.some((f) => f.startsWith('venue.'))) current.venue = next.venue;
  if (applied.includes('vending.slots')) current.vending.slots = next.vending.slots;
}
