/**
 * How bytes reach a printer and come back, after serialport's
 * bindings-interface: open, write, data, close. Each transport is small; the
 * ESC/POS client above it does not know which one it talks to.
 */
export interface PrinterTransport {
  /** For logs and status: `tcp://10.0.0.5:9100`, `serial:/dev/ttyUSB0`, `sim`. */
  readonly label: string;
  /** Whether the printer can answer (`DLE EOT`); a write-only device file cannot. */
  readonly canRead: boolean;
  /** Opens (or reopens after a drop); idempotent while open. Rejects with `TransportError`. */
  open(): Promise<void>;
  /** Resolves once the bytes are handed to the OS (or the simulator). Rejects with `TransportError`. */
  write(data: Buffer): Promise<void>;
  onData(listener: (chunk: Buffer) => void): () => void;
  /**
   * The connection ended (the peer closed it, the cable went, the simulator dropped it).
   * A job's acknowledgement must arrive on the connection that carried the job, so the
   * driver listens for this while it waits.
   */
  onClose(listener: () => void): () => void;
  /** Safe to call twice. */
  close(): Promise<void>;
}

/** A transport failure. `beforeSend` says no byte of the failing write can have reached the printer. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly beforeSend: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TransportError';
  }
}

/** Listener set shared by the transports. */
export class DataListeners {
  private readonly set = new Set<(chunk: Buffer) => void>();
  add(l: (chunk: Buffer) => void): () => void {
    this.set.add(l);
    return () => this.set.delete(l);
  }
  emit(chunk: Buffer): void {
    for (const l of this.set) l(chunk);
  }
}

/** Close listeners shared by the transports. */
export class CloseListeners {
  private readonly set = new Set<() => void>();
  add(l: () => void): () => void {
    this.set.add(l);
    return () => this.set.delete(l);
  }
  emit(): void {
    for (const l of this.set) l();
  }
}
