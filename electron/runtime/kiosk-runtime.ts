/**
 * The browser kiosk runtime: the web host and a full-screen Chromium, each
 * kept running by a supervisor in this process. The host starts first; the
 * browser opens on the attract screen once the host says it is ready (or,
 * with an external host run by systemd, once it answers on its port). A
 * crashed browser or host comes back within seconds; a crash streak backs
 * off and raises a staff alert through the host. SIGTERM stops both and
 * releases the one-instance lock.
 */
import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChildSupervisor, type SupervisorEvent } from './child-supervisor';
import { acquireInstanceLock, type InstanceLock } from './instance-lock';
import { kioskBrowserArgs } from './browser-flags';
import { prepareBrowserProfile } from './browser-profile';
import { RestartPolicy } from './restart-policy';
import { isHostMessage, type RuntimeFaultMessage } from './runtime-messages';

export interface KioskRuntimeOptions {
  /** The built web host (out/node/webhost.js); unused with an external host. */
  hostEntry: string;
  /** Flags for the host (`--port`, `--data`, `--config`, `--listen`), passed through unchanged. */
  hostArgs: string[];
  dataDir: string;
  /** The host's URL when it runs elsewhere (systemd's itda-host.service); null: this runtime starts the host. */
  externalHostUrl: string | null;
  browser: string;
  noSandbox?: boolean;
  /** The screen to cover (see `kioskBrowserArgs`); null lets the display server decide. */
  screen?: { width: number; height: number } | null;
  /** Whether the machine has a GPU for the browser (see `kioskBrowserArgs`). */
  gpu?: boolean;
  env?: NodeJS.ProcessEnv;
  spawn?: (cmd: string, args: string[], opts: SpawnOptions) => ChildProcess;
  log?: (line: string) => void;
}

export interface KioskRuntime {
  /** Resolves once the browser has been started the first time. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/** Where the runtime writes its children's pids, for technicians (and the Xvfb test). */
export function runtimeStatusFile(dataDir: string): string {
  return join(dataDir, 'run', 'kiosk-runtime.json');
}

export interface RuntimeStatus {
  pid: number;
  hostPid: number | null;
  browserPid: number | null;
  url: string | null;
}

export function startKioskRuntime(opts: KioskRuntimeOptions): KioskRuntime {
  const spawn = opts.spawn ?? nodeSpawn;
  const env = opts.env ?? process.env;
  const log = opts.log ?? ((line: string) => process.stderr.write(`${new Date().toISOString()} [kiosk-runtime] ${line}\n`));
  const lock: InstanceLock = acquireInstanceLock(join(opts.dataDir, 'run', 'kiosk-runtime.lock'));
  const profileDir = join(opts.dataDir, 'browser-profile');
  const logsDir = join(opts.dataDir, 'logs');
  mkdirSync(logsDir, { recursive: true });
  killLeftoverBrowser(opts.dataDir, log);

  const status: RuntimeStatus = { pid: process.pid, hostPid: null, browserPid: null, url: opts.externalHostUrl };
  const writeStatus = () => {
    try {
      writeFileSync(runtimeStatusFile(opts.dataDir), JSON.stringify(status));
    } catch (err) {
      log(`cannot write the status file: ${(err as Error).message}`);
    }
  };

  let hostChild: ChildProcess | null = null;
  const faultsForHost: RuntimeFaultMessage[] = [];
  const tellHost = (msg: RuntimeFaultMessage) => {
    if (hostChild?.connected) hostChild.send(msg);
    // The host is down (it is the one crashing) or external: say it when it is back.
    else if (!opts.externalHostUrl) faultsForHost.push(msg);
    else log(`staff alert not delivered (external host): ${msg.process} crashed ${msg.streak} times`);
  };

  const describe = (e: SupervisorEvent) => {
    if (e.kind === 'started') log(`${e.name} started (pid ${e.pid}, run ${e.run})`);
    else if (e.kind === 'stopped') log(`${e.name} stopped`);
    else {
      const how = e.kind === 'exited' ? `exited (${e.signal ?? `code ${e.code}`})` : `could not start (${e.error})`;
      log(`${e.name} ${how}; restarting in ${Math.round(e.decision.delayMs / 100) / 10} s (crash ${e.decision.streak} in a row)`);
      if (e.decision.alert) tellHost({ type: 'itda.runtime-fault', process: e.name as 'browser' | 'host', streak: e.decision.streak, backoffMs: e.decision.delayMs });
    }
  };

  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));

  const browser = new ChildSupervisor({
    name: 'browser',
    policy: new RestartPolicy(),
    onEvent: (e) => {
      if (e.kind === 'started') {
        status.browserPid = e.pid ?? null;
        writeStatus();
        resolveReady();
      }
      describe(e);
    },
    spawn: () => {
      prepareBrowserProfile(profileDir);
      const out = openSync(join(logsDir, 'browser.log'), 'a');
      try {
        return spawn(opts.browser, kioskBrowserArgs({ url: status.url!, profileDir, noSandbox: opts.noSandbox, screen: opts.screen, gpu: opts.gpu }), {
          stdio: ['ignore', out, out],
          env,
        });
      } finally {
        closeSync(out);
      }
    },
  });

  const host = opts.externalHostUrl
    ? null
    : new ChildSupervisor({
        name: 'host',
        policy: new RestartPolicy(),
        onEvent: (e) => {
          if (e.kind === 'started') {
            status.hostPid = e.pid ?? null;
            writeStatus();
          }
          describe(e);
        },
        spawn: () => {
          const child = spawn(process.execPath, [opts.hostEntry, ...opts.hostArgs], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env });
          hostChild = child;
          child.on('message', (msg: unknown) => {
            if (!isHostMessage(msg) || msg.type !== 'itda.ready') return;
            status.url = msg.url.endsWith('/') ? msg.url : `${msg.url}/`;
            writeStatus();
            while (faultsForHost.length && child.connected) child.send(faultsForHost.shift()!);
            // The browser keeps its page across a host restart: the page reconnects by itself.
            browser.start();
          });
          return child;
        },
      });

  let stopped = false;
  let externalPoll: NodeJS.Timeout | null = null;
  if (host) host.start();
  else {
    const probe = async () => {
      if (stopped) return;
      try {
        await fetch(new URL('/healthz', status.url!), { signal: AbortSignal.timeout(2_000) });
        log(`host answers at ${status.url}`);
        browser.start();
      } catch {
        externalPoll = setTimeout(probe, 1_000);
      }
    };
    void probe();
  }

  return {
    ready,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (externalPoll) clearTimeout(externalPoll);
      await browser.stop();
      await host?.stop();
      status.browserPid = null;
      status.hostPid = null;
      try {
        rmSync(runtimeStatusFile(opts.dataDir), { force: true });
      } catch {
        // Nothing to clean.
      }
      lock.release();
    },
  };
}

/**
 * A runtime killed with SIGKILL (or a power cut) leaves its browser behind,
 * holding the profile: a new browser on that profile would hand its URL to
 * the old one and exit at once, over and over. Stop the leftover first.
 */
function killLeftoverBrowser(dataDir: string, log: (line: string) => void): void {
  let previous: RuntimeStatus;
  try {
    previous = JSON.parse(readFileSync(runtimeStatusFile(dataDir), 'utf8')) as RuntimeStatus;
  } catch {
    return;
  }
  for (const pid of [previous.browserPid, previous.hostPid]) {
    if (!pid || pid === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      // Only a process that is ours: its command line names this data dir.
      if (!cmdline.includes(dataDir)) continue;
      process.kill(pid, 'SIGKILL');
      log(`stopped a leftover process of an earlier run (pid ${pid})`);
    } catch {
      // Gone already, or not Linux (no /proc): nothing to stop.
    }
  }
}
