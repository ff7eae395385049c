import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { startKioskRuntime, runtimeStatusFile } from './kiosk-runtime';
import { makeTempDir } from '../../test/support/temp-dir';

/** A browser or host stand-in: records how it was started, exits when killed. */
class FakeProcess extends EventEmitter {
  static next = 50_000;
  readonly pid = FakeProcess.next++;
  connected = false;
  exitCode: number | null = null;
  sent: unknown[] = [];
  constructor(
    readonly cmd: string,
    readonly args: string[],
  ) {
    super();
  }
  kill() {
    if (this.exitCode !== null) return false;
    this.exitCode = 0;
    setImmediate(() => this.emit('exit', null, 'SIGTERM'));
    return true;
  }
  send(msg: unknown) {
    this.sent.push(msg);
    return true;
  }
}

async function until(probe: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !probe(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(probe()).toBe(true);
}

let dir: ReturnType<typeof makeTempDir>;
let server: Server | null = null;
afterEach(async () => {
  dir?.remove();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
});

describe('startKioskRuntime', () => {
  it('with an external host (itda-host.service), opens the browser once /healthz answers; stop releases everything', async () => {
    dir = makeTempDir('itda-runtime-');
    server = createServer((req, res) => res.writeHead(req.url === '/healthz' ? 200 : 404).end('{}'));
    const port = await new Promise<number>((r) => server!.listen(0, '127.0.0.1', () => r((server!.address() as { port: number }).port)));
    const spawned: FakeProcess[] = [];
    const runtime = startKioskRuntime({
      hostEntry: '/unused/webhost.js',
      hostArgs: [],
      dataDir: dir.path,
      externalHostUrl: `http://127.0.0.1:${port}/`,
      browser: '/usr/bin/chromium',
      spawn: (cmd, args) => {
        const p = new FakeProcess(cmd, args);
        spawned.push(p);
        return p as unknown as ChildProcess;
      },
      log: () => {},
    });
    await runtime.ready;
    expect(spawned).toHaveLength(1);
    expect(spawned[0]!.cmd).toBe('/usr/bin/chromium');
    expect(spawned[0]!.args.at(-1)).toBe(`http://127.0.0.1:${port}/`);
    expect(spawned[0]!.args).toContain(`--user-data-dir=${join(dir.path, 'browser-profile')}`);
    const status = JSON.parse(readFileSync(runtimeStatusFile(dir.path), 'utf8'));
    expect(status).toMatchObject({ pid: process.pid, hostPid: null, browserPid: spawned[0]!.pid });
    expect(readFileSync(join(dir.path, 'run', 'kiosk-runtime.lock'), 'utf8').trim()).toBe(String(process.pid));
    await runtime.stop();
    expect(spawned[0]!.exitCode).toBe(0);
    expect(existsSync(join(dir.path, 'run', 'kiosk-runtime.lock'))).toBe(false);
    expect(existsSync(runtimeStatusFile(dir.path))).toBe(false);
  }, 30_000);

  it('starts the browser only once the host it started says ready, and passes crash reports to that host', async () => {
    dir = makeTempDir('itda-runtime-');
    const spawned: FakeProcess[] = [];
    const runtime = startKioskRuntime({
      hostEntry: '/app/out/node/webhost.js',
      hostArgs: ['--data', dir.path],
      dataDir: dir.path,
      externalHostUrl: null,
      browser: '/usr/bin/chromium',
      spawn: (cmd, args) => {
        const p = new FakeProcess(cmd, args);
        spawned.push(p);
        return p as unknown as ChildProcess;
      },
      log: () => {},
    });
    expect(spawned.map((p) => p.args[0])).toEqual(['/app/out/node/webhost.js']);
    const host = spawned[0]!;
    host.connected = true;
    host.emit('message', { type: 'itda.ready', url: 'http://127.0.0.1:5180' });
    await runtime.ready;
    expect(spawned).toHaveLength(2);
    expect(spawned[1]!.args.at(-1)).toBe('http://127.0.0.1:5180/');
    // Something that is not the host's ready message is ignored.
    host.emit('message', { type: 'other' });
    expect(spawned).toHaveLength(2);
    // The browser crashes four times in a row: the fourth starts the back-off and the host hears of it.
    for (let crash = 1; crash <= 4; crash++) {
      const count = spawned.length;
      const browser = spawned.at(-1)!;
      browser.exitCode = 1;
      browser.emit('exit', 1, null);
      if (crash < 4) await until(() => spawned.length > count);
    }
    expect(host.sent).toEqual([{ type: 'itda.runtime-fault', process: 'browser', streak: 4, backoffMs: 2_000 }]);
    await runtime.stop();
    expect(host.exitCode).toBe(0);
  }, 30_000);
});
