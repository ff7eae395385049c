/**
 * Where the app keeps its data and config, and which port the web host uses,
 * from command-line flags, then environment, then defaults. Shared by the
 * Electron main process, the web host and the technician CLIs, so all of them
 * see the same database, config and logs.
 */
import { join, resolve } from 'node:path';

export interface RuntimeOptions {
  dataDir: string;
  /** The config file; `required` when it was named explicitly (flag or env). */
  configFile: string;
  configRequired: boolean;
  port: number;
  host: string;
}

export interface RuntimeDefaults {
  dataDir: string;
  port?: number;
}

export const DEFAULT_WEB_PORT = 5180;

/** Reads `--data DIR`, `--config FILE`, `--port N`, `--listen ADDR` (also `--flag=value`). */
export function parseFlags(argv: string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const eq = a.indexOf('=');
    if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) flags[a.slice(2)] = argv[++i];
    else flags[a.slice(2)] = 'true';
  }
  return flags;
}

export function resolveRuntimeOptions(
  flags: Record<string, string>,
  env: NodeJS.ProcessEnv,
  defaults: RuntimeDefaults,
): RuntimeOptions {
  const dataDir = resolve(flags.data ?? env.ITDA_DATA_DIR ?? defaults.dataDir);
  const named = flags.config ?? env.ITDA_CONFIG;
  const portText = flags.port ?? env.ITDA_PORT;
  let port = defaults.port ?? DEFAULT_WEB_PORT;
  if (portText !== undefined) {
    const n = Number(portText);
    if (!Number.isInteger(n) || n < 0 || n > 65535) {
      throw new TypeError(`port must be a whole number from 0 to 65535, got "${portText}"`);
    }
    port = n;
  }
  return {
    dataDir,
    configFile: named ? resolve(named) : join(dataDir, 'config.json'),
    configRequired: Boolean(named),
    port,
    host: flags.listen ?? '127.0.0.1',
  };
}
