/**
 * The live frame monitor: the vending link's frames (hex with decoded
 * names) in a ring buffer the maintenance screen reads once
 * (`vending.staffFrames`) and then follows as they come (`vending.frames`
 * pushes, see `frame-stream.ts`). The vending domain owns one per service,
 * so two kiosks in one test process never mix frames.
 */
import type { FrameLogEntry } from './vmc-client';
import { cmdName } from './vmc-codes';

export interface FrameEntry {
  seq: number;
  at: number;
  dir: 'tx' | 'rx';
  hex: string;
  name: string;
  note: string | null;
}

const KEEP = 300;

export class FrameRing {
  private readonly ring: FrameEntry[] = [];
  private readonly listeners = new Set<(f: FrameEntry) => void>();
  private seq = 0;

  /** Calls `fn` with each new frame; returns the unsubscribe. */
  subscribe(fn: (f: FrameEntry) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  readonly push = (e: FrameLogEntry): void => {
    const hex = Array.from(e.bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const name = e.frame ? `${cmdName(e.frame.cmd)} seq=${e.frame.seq}${e.frame.data.length ? ` data=${e.frame.data.length}B` : ''}` : '(not a frame)';
    const entry: FrameEntry = { seq: ++this.seq, at: e.at, dir: e.dir, hex, name, note: e.note ?? null };
    this.ring.push(entry);
    if (this.ring.length > KEEP) this.ring.splice(0, this.ring.length - KEEP);
    for (const fn of this.listeners) fn(entry);
  };

  /** Frames after `afterSeq`, oldest first (at most the last 300). */
  since(afterSeq = 0): FrameEntry[] {
    return this.ring.filter((f) => f.seq > afterSeq);
  }
}
