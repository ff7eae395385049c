/**
 * `itda-host --check` (`npm run start:web -- --check`): can this host start?
 * Reads the config, opens the database (integrity check and migrations, as a
 * start would) and looks for the built screens. One line per check, exit 0
 * when all pass, 1 with the reason otherwise. Nothing else is written.
 */
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RuntimeOptions } from '../services/config/runtime-options';
import { ConfigError, loadConfig } from '../services/config/load-config';
import { openDatabase, DB_FILE } from '../services/storage/database';
import { diskFreeBytes } from '../services/ops/disk-guard';

export interface CheckLine {
  ok: boolean;
  what: string;
  detail: string;
}

export function checkHost(rt: RuntimeOptions, rendererDir: string, env: NodeJS.ProcessEnv = process.env): CheckLine[] {
  const lines: CheckLine[] = [];
  let minFreeMb = 512;
  try {
    const config = loadConfig({ file: rt.configFile, required: rt.configRequired, env });
    minFreeMb = config.ops.minFreeDiskMb;
    lines.push({ ok: true, what: 'config', detail: existsSync(rt.configFile) ? rt.configFile : `${rt.configFile} (absent: defaults, simulated devices)` });
  } catch (err) {
    const detail = err instanceof ConfigError ? err.problems.join('; ') : (err as Error).message;
    lines.push({ ok: false, what: 'config', detail: `${rt.configFile}: ${detail}` });
  }
  try {
    mkdirSync(rt.dataDir, { recursive: true });
    accessSync(rt.dataDir, constants.W_OK);
    lines.push({ ok: true, what: 'data dir', detail: rt.dataDir });
  } catch (err) {
    lines.push({ ok: false, what: 'data dir', detail: `${rt.dataDir} is not writable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` });
    return lines;
  }
  try {
    const db = openDatabase({ dataDir: rt.dataDir });
    const applied = db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get() as number;
    db.close();
    lines.push({ ok: true, what: 'database', detail: `${join(rt.dataDir, DB_FILE)}: integrity ok, ${applied} migrations applied` });
  } catch (err) {
    lines.push({ ok: false, what: 'database', detail: `${join(rt.dataDir, DB_FILE)}: ${(err as Error).message}` });
  }
  try {
    const freeMb = Math.round(diskFreeBytes(rt.dataDir) / 1_048_576);
    lines.push({ ok: freeMb >= minFreeMb / 4, what: 'disk', detail: `${freeMb} MB free (trimming starts below ${minFreeMb} MB)` });
  } catch {
    // statfs unavailable: not a reason to refuse.
  }
  const index = join(rendererDir, 'index.html');
  lines.push(existsSync(index) ? { ok: true, what: 'screens', detail: index } : { ok: false, what: 'screens', detail: `${index} is missing: run npm run build` });
  return lines;
}
