/**
 * A small structured logger: one JSON line per entry in `<dataDir>/logs/itda.log`,
 * and a readable line on stderr. Shared by the app and the technician CLIs.
 * Logging never throws: a full disk must not turn a fault into a crash.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
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
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(opts: LoggerOptions): Logger {
  const file = opts.dir ? join(opts.dir, 'itda.log') : null;
  if (opts.dir) {
    try {
      mkdirSync(opts.dir, { recursive: true });
    } catch {
      // Reported on first write below.
    }
  }
  const min = ORDER[opts.minLevel ?? (process.env.ITDA_LOG_LEVEL as LogLevel) ?? 'info'] ?? ORDER.info;
  const echo = opts.echo ?? process.env.ITDA_LOG_ECHO !== '0';
  const make = (component: string): Logger => {
    const write = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => {
      if (ORDER[level] < min) return;
      const at = new Date().toISOString();
      const entry = { at, level, component, msg, ...fields };
      if (file) {
        try {
          appendFileSync(file, JSON.stringify(entry, errorReplacer) + '\n');
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
