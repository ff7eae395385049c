/**
 * What the ESC/POS driver holds: one printer connection it can open (and
 * open again after a drop), write, read and close. Its one implementation is
 * `PrinterLink`, over the devices layer's `ByteTransport` openers; the
 * driver does not know whether a socket, a serial port, a device file or a
 * memory pipe to the simulator is underneath.
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

/** The devices' one transport failure (`beforeSend`, `disconnected`): what the openers throw is what the driver checks. */
export { TransportError } from '../../devices/byte-transport';
