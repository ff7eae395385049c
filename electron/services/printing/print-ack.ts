/**
 * The end-of-job acknowledgement. A job counts as printed only when the
 * printer says it processed the job's last byte, so after the job the
 * driver appends a command the printer answers *in sequence* (after every
 * byte before it), on the same connection, and waits for that answer:
 *
 * - `GS r 1` (transmit paper sensor status): one byte with bits 4 and 7
 *   clear, which tells it apart from a `DLE EOT` reply (bit 4 set).
 * - `GS ( H` fn 48 (process ID response): the printer returns
 *   `37 22 d1 d2 d3 d4 00` with the four id bytes we sent, so an answer
 *   that belongs to an earlier job can never be taken for this one.
 *
 * Which one a printer speaks is data in its profile. Pure: bytes in, yes/no out.
 */
export type AckKind = 'transmit-status' | 'process-id';

/** The bytes appended to a job. `id` (0..9999) only matters for the process ID form. */
export function ackCommand(kind: AckKind, id: number): Buffer {
  if (kind === 'transmit-status') return Buffer.from([0x1d, 0x72, 0x01]);
  return Buffer.from([0x1d, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30, ...processIdDigits(id)]);
}

/** The four id bytes: ASCII digits, the only values the command allows (48..57). */
export function processIdDigits(id: number): number[] {
  const n = ((Math.trunc(id) % 10_000) + 10_000) % 10_000;
  return [...String(n).padStart(4, '0')].map((c) => c.charCodeAt(0));
}

/** Watches the bytes coming back for this job's acknowledgement; chunks may split it anywhere. */
export class AckMatcher {
  private readonly want: number[] | null;
  private matched = 0;
  /** The `GS r 1` reply byte, once seen (paper near-end and end bits). */
  sensor: number | null = null;

  constructor(
    readonly kind: AckKind,
    id: number,
  ) {
    this.want = kind === 'process-id' ? [0x37, 0x22, ...processIdDigits(id), 0x00] : null;
  }

  /** Feeds received bytes; true once the acknowledgement is complete. */
  feed(chunk: Uint8Array): boolean {
    for (const b of chunk) {
      if (this.want === null) {
        // A DLE EOT reply has bit 4 set; a GS r reply has bits 4 and 7 clear.
        if ((b & 0x90) === 0) {
          this.sensor = b;
          return true;
        }
        continue;
      }
      if (b === this.want[this.matched]) this.matched++;
      else this.matched = b === this.want[0] ? 1 : 0;
      if (this.matched === this.want.length) return true;
    }
    return false;
  }
}

/**
 * How long to wait for the acknowledgement, from the first byte written:
 * the job's time on the wire (10 bits a byte: start, 8 data, stop) plus the
 * printer's own time to print and cut. A network or USB link has no baud
 * rate worth counting, so only the printer's time applies. A 54 KB raster
 * slip at 19200 baud is 28 s on the wire: the budget must say so, or a slow
 * line is taken for a dead one.
 */
export function ackBudgetMs(jobBytes: number, link: { baudRate: number | null }, printerTimeMs: number): number {
  const wireMs = link.baudRate ? Math.ceil((jobBytes * 10 * 1000) / link.baudRate) : 0;
  return wireMs + printerTimeMs;
}
