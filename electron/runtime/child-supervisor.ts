/**
 * Keeps one child process running: starts it, and when it exits (crash,
 * kill, or a clean exit: a kiosk process is never meant to stop by itself)
 * starts it again after the restart policy's pause. Stopping is explicit and
 * final: `stop()` sends SIGTERM, then SIGKILL after a grace period.
 *
 * The spawner and the clock are injected, so the policy is tested with fake
 * children and fake time; the runtime passes `child_process.spawn` and
 * `performance.now()` (monotonic: a wall-clock jump changes nothing here).
 */
import { RestartPolicy, type RestartDecision } from './restart-policy';

/** What the supervisor needs of a child process (a `ChildProcess` has all of it). */
export interface SupervisedChild {
  readonly pid?: number;
  kill(signal?: NodeJS.Signals): boolean;
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
  once(event: 'error', listener: (err: Error) => void): unknown;
}

export interface SupervisorClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: SupervisorClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export type SupervisorEvent =
  | { kind: 'started'; name: string; pid: number | undefined; run: number }
  | { kind: 'exited'; name: string; code: number | null; signal: string | null; decision: RestartDecision }
  | { kind: 'failed_to_start'; name: string; error: string; decision: RestartDecision }
  | { kind: 'stopped'; name: string };

export interface ChildSupervisorOptions {
  name: string;
  spawn(): SupervisedChild;
  policy?: RestartPolicy;
  clock?: SupervisorClock;
  /** Between SIGTERM and SIGKILL on stop (ms). Default 8000. */
  graceMs?: number;
  onEvent?(e: SupervisorEvent): void;
}

export class ChildSupervisor {
  private child: SupervisedChild | null = null;
  private startedAt = 0;
  private runs = 0;
  private stopping = false;
  private pending: unknown = null;
  private readonly policy: RestartPolicy;
  private readonly clock: SupervisorClock;

  constructor(private readonly opts: ChildSupervisorOptions) {
    this.policy = opts.policy ?? new RestartPolicy();
    this.clock = opts.clock ?? systemClock;
  }

  /** The running child, if any (tests and the Xvfb check kill it to see it come back). */
  get current(): SupervisedChild | null {
    return this.child;
  }

  get restarts(): number {
    return Math.max(0, this.runs - 1);
  }

  start(): void {
    if (this.stopping || this.child || this.pending) return;
    this.launch();
  }

  private launch(): void {
    this.pending = null;
    if (this.stopping) return;
    let child: SupervisedChild;
    this.startedAt = this.clock.now();
    try {
      child = this.opts.spawn();
    } catch (err) {
      this.scheduleAfter({ kind: 'failed_to_start', error: (err as Error).message });
      return;
    }
    this.child = child;
    this.runs++;
    let settled = false;
    const onGone = (code: number | null, signal: NodeJS.Signals | null, error?: Error) => {
      if (settled) return;
      settled = true;
      if (this.child === child) this.child = null;
      if (this.stopping) return;
      if (error) this.scheduleAfter({ kind: 'failed_to_start', error: error.message });
      else this.scheduleAfter({ kind: 'exited', code, signal });
    };
    child.once('exit', (code, signal) => onGone(code, signal));
    // `spawn` reports a missing binary as an 'error' without an 'exit'.
    child.once('error', (err) => onGone(null, null, err));
    this.opts.onEvent?.({ kind: 'started', name: this.opts.name, pid: child.pid, run: this.runs });
  }

  private scheduleAfter(what: { kind: 'exited'; code: number | null; signal: NodeJS.Signals | null } | { kind: 'failed_to_start'; error: string }) {
    const decision = this.policy.onExit(this.startedAt, this.clock.now());
    if (what.kind === 'exited') this.opts.onEvent?.({ kind: 'exited', name: this.opts.name, code: what.code, signal: what.signal, decision });
    else this.opts.onEvent?.({ kind: 'failed_to_start', name: this.opts.name, error: what.error, decision });
    this.pending = this.clock.setTimeout(() => this.launch(), decision.delayMs);
  }

  /** Stops the child for good: SIGTERM, SIGKILL after the grace period. Resolves when it is gone. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.pending) {
      this.clock.clearTimeout(this.pending);
      this.pending = null;
    }
    const child = this.child;
    if (child) {
      await new Promise<void>((resolve) => {
        const killer = this.clock.setTimeout(() => {
          child.kill('SIGKILL');
        }, this.opts.graceMs ?? 8_000);
        child.once('exit', () => {
          this.clock.clearTimeout(killer);
          resolve();
        });
        if (!child.kill('SIGTERM')) {
          // Already gone: no exit event will come.
          this.clock.clearTimeout(killer);
          resolve();
        }
      });
      this.child = null;
    }
    this.opts.onEvent?.({ kind: 'stopped', name: this.opts.name });
  }
}
