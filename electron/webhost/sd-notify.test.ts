import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSdNotifier, watchdogIntervalMs } from './sd-notify';
import { makeTempDir } from '../../test/support/temp-dir';

let dir: ReturnType<typeof makeTempDir>;
afterEach(() => dir?.remove());

/** A stand-in for systemd's notify socket: socat prints each datagram it receives on a line. */
async function notifySocket(): Promise<{ path: string; received: () => string; stop(): void }> {
  dir = makeTempDir('itda-notify-');
  const path = join(dir.path, 'notify');
  let out = '';
  const socat = spawn('socat', ['-u', `UNIX-RECV:${path}`, 'STDOUT'], { stdio: ['ignore', 'pipe', 'ignore'] });
  socat.stdout.on('data', (d: Buffer) => (out += d.toString() + '\n'));
  for (let i = 0; i < 100 && !existsSync(path); i++) await new Promise((r) => setTimeout(r, 50));
  return { path, received: () => out, stop: () => socat.kill() };
}

describe('sd-notify', () => {
  it('is a no-op outside systemd', async () => {
    const n = createSdNotifier({});
    expect(n.enabled).toBe(false);
    expect(await n.notify('READY=1')).toBe(false);
    n.startWatchdog()();
  });

  it('reads the watchdog interval systemd sets, pinging at half of it, and only for its own pid', () => {
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '30000000' }, 10)).toBe(15_000);
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '30000000', WATCHDOG_PID: '11' }, 10)).toBeNull();
    expect(watchdogIntervalMs({}, 10)).toBeNull();
  });

  for (const tool of ['socat', 'systemd-notify'] as const) {
    it.skipIf(!existsSync(`/usr/bin/${tool}`) || !existsSync('/usr/bin/socat'))(`sends READY=1 and WATCHDOG=1 to $NOTIFY_SOCKET through ${tool}`, async () => {
      const sock = await notifySocket();
      try {
        const n = createSdNotifier({ NOTIFY_SOCKET: sock.path, WATCHDOG_USEC: '1000000' }, { tool });
        expect(n.enabled).toBe(true);
        const ok = await n.notify('READY=1');
        // systemd-notify then waits for systemd to confirm (a barrier) that socat cannot give: only socat reports success here.
        if (tool === 'socat') expect(ok).toBe(true);
        const stop = n.startWatchdog();
        for (let i = 0; i < 100 && !sock.received().includes('WATCHDOG=1'); i++) await new Promise((r) => setTimeout(r, 100));
        stop();
        expect(sock.received()).toContain('READY=1');
        expect(sock.received()).toContain('WATCHDOG=1');
      } finally {
        sock.stop();
      }
    }, 30_000);
  }
});
