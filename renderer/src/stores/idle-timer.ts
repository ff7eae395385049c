/**
 * The idle reset clock: after `idleMs` without input it prompts "Are you
 * still there?" and counts down `countdownSeconds`; at zero it expires (the
 * session is cleared). Any activity before the prompt restarts the wait;
 * during the prompt only the explicit continue button does, so a passer-by
 * brushing the screen cannot keep the last visitor's data on display.
 * Timers are injected so tests run on fake time.
 */
export interface IdleTimerOptions {
  idleMs: number;
  countdownSeconds: number;
  onPrompt(remaining: number): void;
  onTick(remaining: number): void;
  onExpire(): void;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

export class IdleTimer {
  private handle: unknown = null;
  private remaining: number | null = null;
  private running = false;
  private readonly set: (fn: () => void, ms: number) => unknown;
  private readonly clear: (handle: unknown) => void;

  constructor(private opts: IdleTimerOptions) {
    this.set = opts.setTimeout ?? ((fn, ms) => globalThis.setTimeout(fn, ms));
    this.clear = opts.clearTimeout ?? ((h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  get prompting(): boolean {
    return this.remaining !== null;
  }

  /** Starts (or restarts) the idle wait. */
  start(): void {
    this.running = true;
    this.remaining = null;
    this.schedule(this.opts.idleMs, () => this.prompt());
  }

  stop(): void {
    this.running = false;
    this.remaining = null;
    if (this.handle !== null) this.clear(this.handle);
    this.handle = null;
  }

  /** Visitor input. Ignored while the prompt shows (see class comment). */
  activity(): void {
    if (!this.running || this.prompting) return;
    this.start();
  }

  /** The visitor pressed "continue" on the prompt. */
  continue(): void {
    if (!this.running) return;
    this.start();
  }

  /** Changes timing (config reload, accessibility "more time"). */
  configure(idleMs: number, countdownSeconds: number): void {
    this.opts = { ...this.opts, idleMs, countdownSeconds };
    if (this.running && !this.prompting) this.start();
  }

  private prompt(): void {
    this.remaining = this.opts.countdownSeconds;
    this.opts.onPrompt(this.remaining);
    this.schedule(1000, () => this.tick());
  }

  private tick(): void {
    if (this.remaining === null) return;
    this.remaining -= 1;
    if (this.remaining <= 0) {
      this.stop();
      this.opts.onExpire();
      return;
    }
    this.opts.onTick(this.remaining);
    this.schedule(1000, () => this.tick());
  }

  private schedule(ms: number, fn: () => void): void {
    if (this.handle !== null) this.clear(this.handle);
    this.handle = this.set(() => {
      this.handle = null;
      fn();
    }, ms);
  }
}
