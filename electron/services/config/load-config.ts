/**
 * Reads and validates the kiosk config, applying environment overrides.
 * A broken config stops the start with a message that names the field, the
 * bad value and what is allowed; the app never runs on a half-valid config.
 */
import { existsSync, readFileSync } from 'node:fs';
import { KioskError } from '../../contract/errors';
import { configSchema, type KioskConfig } from './config-schema';

export class ConfigError extends KioskError {
  constructor(
    readonly file: string | null,
    readonly problems: string[],
  ) {
    super('config.invalid', `${file ?? 'config'}: ${problems.join('; ')}`, { details: problems });
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  /** Path of the JSON file; null when none is configured. */
  file: string | null;
  /** Whether the file must exist (it was named explicitly). */
  required: boolean;
  env?: NodeJS.ProcessEnv;
}

export function loadConfig(opts: LoadConfigOptions): KioskConfig {
  const env = opts.env ?? process.env;
  let raw: unknown = {};
  if (opts.file && existsSync(opts.file)) {
    let text: string;
    try {
      text = readFileSync(opts.file, 'utf8');
    } catch (err) {
      throw new ConfigError(opts.file, [`cannot read the file: ${(err as Error).message}`]);
    }
    try {
      raw = text.trim() === '' ? {} : JSON.parse(text);
    } catch (err) {
      throw new ConfigError(opts.file, [`not valid JSON: ${(err as Error).message}`]);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new ConfigError(opts.file, ['the file must hold one JSON object { ... }']);
    }
  } else if (opts.file && opts.required) {
    throw new ConfigError(opts.file, ['the file does not exist']);
  }
  return parseConfig(applyEnvOverrides(raw as Record<string, unknown>, env), opts.file);
}

/** ITDA_PRINTER, ITDA_VENDING and ITDA_IDLE_SECONDS win over the file. */
export function applyEnvOverrides(raw: Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  if (env.ITDA_PRINTER) out.printer = { ...asObject(out.printer), uri: env.ITDA_PRINTER };
  if (env.ITDA_VENDING) out.vending = { ...asObject(out.vending), uri: env.ITDA_VENDING };
  if (env.ITDA_IDLE_SECONDS !== undefined && env.ITDA_IDLE_SECONDS !== '') {
    const n = Number(env.ITDA_IDLE_SECONDS);
    out.idleSeconds = Number.isFinite(n) ? n : env.ITDA_IDLE_SECONDS;
  }
  return out;
}

function asObject(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function parseConfig(raw: unknown, file: string | null = null): KioskConfig {
  const parsed = configSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(root)';
    const value = valueAt(raw, issue.path);
    const got = value === undefined ? 'missing' : JSON.stringify(value);
    let allowed = issue.message;
    if (issue.code === 'unrecognized_keys') {
      return `${path === '(root)' ? '' : path + ': '}unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; remove or fix the spelling`;
    }
    return `field "${path}": got ${got}; allowed: ${allowed}`;
  });
  throw new ConfigError(file, problems);
}

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let cur: unknown = raw;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}
