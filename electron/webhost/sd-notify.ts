/**
 * systemd's notify protocol without a native module: `READY=1` once the host
 * serves, and `WATCHDOG=1` pings while its event loop runs, so systemd
 * restarts a host that hangs (`WatchdogSec=` in itda-host.service). Node
 * cannot send unix datagrams itself, so each message goes through
 * `systemd-notify` (present wherever systemd is; it waits until systemd has
 * read the message, so the message is credited to this service) or, failing
 * that, `socat`. The unit sets `NotifyAccess=all`: the sender is a child
 * process. Outside systemd (`NOTIFY_SOCKET` unset) everything is a no-op.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export type NotifyTool = 'systemd-notify' | 'socat';

export interface SdNotifier {
  readonly enabled: boolean;
  notify(state: string): Promise<boolean>;
  /** Starts `WATCHDOG=1` pings at half the watchdog interval systemd set (none when unset). Returns a stopper. */
  startWatchdog(): () => void;
}

function which(tool: string): string | null {
  for (const dir of ['/usr/bin', '/bin', '/usr/local/bin', '/usr/sbin']) if (existsSync(`${dir}/${tool}`)) return `${dir}/${tool}`;
  return null;
}

/** How the watchdog interval reaches us: WATCHDOG_USEC (and WATCHDOG_PID, which must be ours when set). */
export function watchdogIntervalMs(env: NodeJS.ProcessEnv, pid = process.pid): number | null {
  const usec = Number(env.WATCHDOG_USEC);
  if (!Number.isFinite(usec) || usec <= 0) return null;
  if (env.WATCHDOG_PID && Number(env.WATCHDOG_PID) !== pid) return null;
  return Math.max(500, Math.floor(usec / 1000 / 2));
}

export function createSdNotifier(env: NodeJS.ProcessEnv = process.env, opts: { tool?: NotifyTool } = {}): SdNotifier {
  const socket = env.NOTIFY_SOCKET;
  const tool = opts.tool ?? (which('systemd-notify') ? 'systemd-notify' : which('socat') ? 'socat' : null);
  const enabled = Boolean(socket && tool);
  const send = (state: string): Promise<boolean> => {
    if (!socket || !tool) return Promise.resolve(false);
    // An abstract socket is written `@name`; socat spells it ABSTRACT-SENDTO.
    const args =
      tool === 'systemd-notify'
        ? [state]
        : ['-u', '-', socket.startsWith('@') ? `ABSTRACT-SENDTO:${socket.slice(1)}` : `UNIX-SENDTO:${socket}`];
    return new Promise((resolve) => {
      const child = spawn(tool, args, { stdio: [tool === 'socat' ? 'pipe' : 'ignore', 'ignore', 'ignore'], env: { ...process.env, NOTIFY_SOCKET: socket } });
      child.on('error', () => resolve(false));
      child.on('close', (code) => resolve(code === 0));
      if (tool === 'socat') child.stdin!.end(state);
    });
  };
  return {
    enabled,
    notify: send,
    startWatchdog() {
      const every = enabled ? watchdogIntervalMs(env) : null;
      if (!every) return () => {};
      // A ping only goes out when the event loop gets to run the timer: a hung host stops pinging.
      const timer = setInterval(() => void send('WATCHDOG=1'), every);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
