import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ChildSupervisor, type SupervisorClock, type SupervisorEvent } from './child-supervisor';
import { RestartPolicy } from './restart-policy';

/** A child process stand-in: exits when told to, or when killed (a kill it ignores when `stubborn`). */
class FakeChild extends EventEmitter {
  static nextPid = 100;
  readonly pid = FakeChild.nextPid++;
  alive = true;
  signals: string[] = [];
  constructor(private readonly stubborn = false) {
    super();
  }
  kill(signal: NodeJS.Signals = 'SIGTERM'): boolean {
    if (!this.alive) return false;
    this.signals.push(signal);
    if (!this.stubborn || signal === 'SIGKILL') this.exit(null, signal);
    return true;
  }
  exit(code: number | null, signal: string | null = null) {
    this.alive = false;
    this.emit('exit', code, signal);
  }
}

/** Manual time: `advance(ms)` runs what falls due, in order. */
function fakeClock(): SupervisorClock & { advance(ms: number): void; pending(): number } {
  let now = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = ++seq;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (h) => timers.delete(h as number),
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
    pending: () => timers.size,
  };
}

function setup(opts: { stubborn?: boolean; spawnFails?: number } = {}) {
  const clock = fakeClock();
  const children: FakeChild[] = [];
  const events: SupervisorEvent[] = [];
  let failures = opts.spawnFails ?? 0;
  const sup = new ChildSupervisor({
    name: 'browser',
    clock,
    graceMs: 5_000,
    policy: new RestartPolicy({ firstDelayMs: 1_000, burst: 2, windowMs: 60_000, maxDelayMs: 30_000, stableMs: 60_000 }),
    spawn: () => {
      if (failures > 0) {
        failures--;
        throw new Error('ENOENT chromium');
      }
      const c = new FakeChild(opts.stubborn);
      children.push(c);
      return c;
    },
    onEvent: (e) => events.push(e),
  });
  return { sup, clock, children, events };
}

describe('ChildSupervisor', () => {
  it('starts the child and starts it again a second after it crashes', () => {
    const { sup, clock, children, events } = setup();
    sup.start();
    expect(children).toHaveLength(1);
    clock.advance(10_000);
    children[0].exit(null, 'SIGKILL');
    expect(sup.current).toBeNull();
    clock.advance(999);
    expect(children).toHaveLength(1);
    clock.advance(1);
    expect(children).toHaveLength(2);
    expect(sup.current).toBe(children[1]);
    expect(sup.restarts).toBe(1);
    expect(events.map((e) => e.kind)).toEqual(['started', 'exited', 'started']);
  });

  it('backs off when the child keeps crashing and asks for an alert once', () => {
    const { sup, clock, children, events } = setup();
    sup.start();
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      children.at(-1)!.exit(1);
      const e = events.at(-1) as Extract<SupervisorEvent, { kind: 'exited' }>;
      delays.push(e.decision.delayMs);
      clock.advance(e.decision.delayMs);
    }
    expect(delays).toEqual([1_000, 1_000, 2_000, 4_000, 8_000]);
    const alerts = events.filter((e) => e.kind === 'exited' && e.decision.alert);
    expect(alerts).toHaveLength(1);
    expect(children).toHaveLength(6);
  });

  it('keeps trying when the program cannot be started at all', () => {
    const { sup, clock, children, events } = setup({ spawnFails: 2 });
    sup.start();
    expect(events[0]).toMatchObject({ kind: 'failed_to_start', error: 'ENOENT chromium' });
    clock.advance(1_000);
    clock.advance(1_000);
    expect(children).toHaveLength(1);
    expect(sup.current).toBe(children[0]);
  });

  it('treats a spawn error event (missing binary) like a failed start', () => {
    const { sup, clock, children, events } = setup();
    sup.start();
    children[0].emit('error', new Error('spawn chromium ENOENT'));
    expect(events.at(-1)).toMatchObject({ kind: 'failed_to_start', error: 'spawn chromium ENOENT' });
    clock.advance(1_000);
    expect(children).toHaveLength(2);
  });

  it('stops for good: SIGTERM, no restart afterwards', async () => {
    const { sup, clock, children, events } = setup();
    sup.start();
    await sup.stop();
    expect(children[0].signals).toEqual(['SIGTERM']);
    clock.advance(120_000);
    expect(children).toHaveLength(1);
    expect(events.at(-1)).toEqual({ kind: 'stopped', name: 'browser' });
  });

  it('kills a child that ignores SIGTERM after the grace period', async () => {
    const { sup, clock, children } = setup({ stubborn: true });
    sup.start();
    const stopped = sup.stop();
    expect(children[0].alive).toBe(true);
    clock.advance(5_000);
    await stopped;
    expect(children[0].signals).toEqual(['SIGTERM', 'SIGKILL']);
  });

  it('cancels a pending restart when stopped during the pause', async () => {
    const { sup, clock, children } = setup();
    sup.start();
    children[0].exit(1);
    await sup.stop();
    clock.advance(60_000);
    expect(children).toHaveLength(1);
    expect(clock.pending()).toBe(0);
  });
});
