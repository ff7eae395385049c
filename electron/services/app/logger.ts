/**
 * A small structured logger: one JSON line per entry in `<dataDir>/logs/itda.log`,
 * and a readable line on stderr. Shared by the app and the technician CLIs.
 * Logging never throws: a full disk must not turn a fault into a crash.
 *
 * Rotated by size (default 5 files of 10 MB: itda.log, itda.log.1 … .4) so a
 * fault that logs in a loop cannot fill the disk. Files are private (0600):
 * logs name peers and devices.
 */
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(component: string): Logger;
}

export interface LoggerOptions {
  /** Directory for itda.log; null logs to stderr only. */
  dir: string | null;
  component?: string;
  /** Echo to stderr (default true; tests turn it off). */
  echo?: boolean;
  minLevel?: LogLevel;
  /** Rotate when itda.log would pass this size (default 10 MB). */
  maxBytes?: number;
  /** Files kept, the current one included (default 5). */
  maxFiles?: number;
}

export const LOG_MAX_BYTES = 10 * 1024 * 1024;
export const LOG_MAX_FILES = 5;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(opts: LoggerOptions): Logger {
  const file = opts.dir ? join(opts.dir, 'itda.log') : null;
  const maxBytes = opts.maxBytes ?? LOG_MAX_BYTES;
  const maxFiles = Math.max(1, opts.maxFiles ?? LOG_MAX_FILES);
  let size = 0;
  if (opts.dir) {
    try {
      mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
      size = statSync(file!).size;
    } catch {
      // No file yet, or reported on first write below.
    }
  }
  const rotate = () => {
    // itda.log.3 → .4, …, itda.log → .1; the oldest falls off.
    try {
      rmSync(`${file}.${maxFiles - 1}`, { force: true });
      for (let i = maxFiles - 2; i >= 1; i--) {
        try {
          renameSync(`${file}.${i}`, `${file}.${i + 1}`);
        } catch {
          // That generation does not exist yet.
        }
      }
      if (maxFiles > 1) renameSync(file!, `${file}.1`);
      else rmSync(file!, { force: true });
    } catch {
      // Cannot rotate (read-only, vanished): keep appending; stderr still has every line.
    }
    size = 0;
  };
  const min = ORDER[opts.minLevel ?? (process.env.ITDA_LOG_LEVEL as LogLevel) ?? 'info'] ?? ORDER.info;
  const echo = opts.echo ?? process.env.ITDA_LOG_ECHO !== '0';
  const make = (component: string): Logger => {
    const write = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => {
      if (ORDER[level] < min) return;
      const at = new Date().toISOString();
      const entry = { at, level, component, msg, ...fields };
      if (file) {
        try {
          const line = JSON.stringify(entry, errorReplacer) + '\n';
          const bytes = Buffer.byteLength(line);
          if (size > 0 && size + bytes > maxBytes) rotate();
          appendFileSync(file, line, { mode: 0o600 });
          size += bytes;
        } catch {
          // Disk full or read-only: the stderr line below is all we can do.
        }
      }
      if (echo) {
        const extra = fields && Object.keys(fields).length ? ' ' + JSON.stringify(fields, errorReplacer) : '';
        process.stderr.write(`${at} ${level.toUpperCase()} [${component}] ${msg}${extra}\n`);
      }
    };
    return {
      debug: (m, f) => write('debug', m, f),
      info: (m, f) => write('info', m, f),
      warn: (m, f) => write('warn', m, f),
      error: (m, f) => write('error', m, f),
      child: (c) => make(`${component}.${c}`),
    };
  };
  return make(opts.component ?? 'itda');
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, code: (value as { code?: unknown }).code };
  return value;
}
