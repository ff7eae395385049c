/**
 * One open byte pipe to a device, after serialport's bindings-interface
 * (`BindingPortInterface`: an opened port you write to, read from and
 * close). The protocol layers above (ESC/POS, the VMC client) do not know
 * whether it is a serial port, a socket or an in-memory pipe to a simulator.
 * Opening is the opener's job (`openSerial`, `createMemoryPipe`); a dropped
 * device is a new open, never a reused object.
 */
export interface ByteTransport {
  /** For logs and status: `serial:/dev/ttyUSB0?baud=9600`, `memory:host`. */
  readonly label: string;
  /** Whether the device can answer (a write-only device file cannot). */
  readonly canRead: boolean;
  /**
   * Writes one burst. Resolves once the bytes have left the OS buffer
   * (drained), so what is read next is about them. Rejects with a
   * `TransportError` whose `beforeSend` says whether none of them can have
   * reached the device.
   */
  write(bytes: Uint8Array): Promise<void>;
  /** Incoming bytes; returns the unsubscribe. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** The pipe went away (unplugged, closed, failed), once; `err` says why when known. */
  onClose(listener: (err?: Error) => void): () => void;
  /** Safe to call twice. */
  close(): Promise<void>;
}

/**
 * A transport failure. `beforeSend`: no byte of the failing write can have
 * reached the device (safe to say "not sent"). `disconnected`: the pipe is
 * gone and must be opened again (after serialport's `DisconnectedError`).
 */
export class TransportError extends Error {
  readonly disconnected: boolean;
  constructor(
    message: string,
    readonly beforeSend: boolean,
    options?: { cause?: unknown; disconnected?: boolean },
  ) {
    super(message, options);
    this.name = 'TransportError';
    this.disconnected = options?.disconnected ?? false;
  }
}

/** Listeners of one kind, with unsubscribe, for transports to share. */
export class Listeners<A extends unknown[]> {
  private readonly set = new Set<(...args: A) => void>();
  add(l: (...args: A) => void): () => void {
    this.set.add(l);
    return () => this.set.delete(l);
  }
  emit(...args: A): void {
    for (const l of [...this.set]) l(...args);
  }
}
