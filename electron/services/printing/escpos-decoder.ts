/**
 * Reads an ESC/POS byte stream back into operations, as a printer would.
 * Incremental: TCP and serial deliver arbitrary chunks, so an incomplete
 * command waits for more bytes. Used by the simulator and by previews, so a
 * preview shows what the bytes (not the document) say.
 */
import iconv from 'iconv-lite';
import type { Align } from './slip-document';
import { createMonoBitmap, type MonoBitmap } from './mono-bitmap';

export type DecodedOp =
  | { op: 'init' }
  | { op: 'status-request'; n: number }
  | { op: 'align'; align: Align }
  | { op: 'bold'; on: boolean }
  | { op: 'font'; font: 'A' | 'B' }
  | { op: 'size'; width: number; height: number }
  | { op: 'international'; n: number }
  | { op: 'double-byte'; on: boolean }
  | { op: 'text'; text: string; bytes: number }
  | { op: 'newline' }
  | { op: 'feed-lines'; n: number }
  | { op: 'feed-dots'; n: number }
  | { op: 'cut'; partial: boolean }
  | { op: 'raster'; bitmap: MonoBitmap }
  | { op: 'qr'; data: string; module: number }
  /** GS r n: transmit status, answered in sequence (after every byte before it is processed). */
  | { op: 'transmit-status'; n: number }
  /** GS ( H fn=48: process ID response, answered in sequence with the four id bytes. */
  | { op: 'process-id'; id: number[] }
  /** End of a job without a cut (the connection closed); the simulator inserts it, no byte makes it. */
  | { op: 'end-job' }
  | { op: 'ignored'; bytes: number[] };

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;

type Parsed = { op: DecodedOp | null; len: number } | null;

/** ESC commands with one parameter byte that we only skip. */
const ESC_ONE_ARG = new Set([0x2d, 0x33, 0x3d, 0x47, 0x7b, 0x20, 0x56, 0x74, 0x55, 0x72]);
const GS_ONE_ARG = new Set([0x42, 0x48, 0x66, 0x68, 0x77, 0x61, 0x49]);

export interface EscPosDecoderOptions {
  /** Told about data skipped as impossible (a raster image wider than any head). */
  warn?(message: string): void;
}

export class EscPosDecoder {
  private pending: Buffer = Buffer.alloc(0);
  private doubleByte = false;
  private qr = { data: '', module: 3 };

  constructor(private readonly opts: EscPosDecoderOptions = {}) {}

  /** Forgets a half-received command (the link closed). */
  reset(): void {
    this.pending = Buffer.alloc(0);
    this.doubleByte = false;
  }

  push(chunk: Buffer): DecodedOp[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const out: DecodedOp[] = [];
    let i = 0;
    while (i < this.pending.length) {
      const parsed = this.parseAt(this.pending, i);
      if (parsed === null) break;
      if (parsed.op) out.push(parsed.op);
      i += parsed.len;
    }
    this.pending = this.pending.subarray(i);
    return out;
  }

  /** Bytes still waiting for the rest of their command. */
  get pendingBytes(): number {
    return this.pending.length;
  }

  private parseAt(b: Buffer, i: number): Parsed {
    const c = b[i];
    const need = (n: number) => i + n <= b.length;
    if (c === DLE) {
      if (!need(3)) return null;
      if (b[i + 1] === 0x04) return { op: { op: 'status-request', n: b[i + 2] }, len: 3 };
      if (b[i + 1] === 0x05) return { op: { op: 'ignored', bytes: [...b.subarray(i, i + 3)] }, len: 3 };
      if (b[i + 1] === 0x14) return need(5) ? { op: { op: 'ignored', bytes: [...b.subarray(i, i + 5)] }, len: 5 } : null;
      return { op: { op: 'ignored', bytes: [c] }, len: 1 };
    }
    if (c === ESC) return this.parseEsc(b, i);
    if (c === GS) return this.parseGs(b, i);
    if (c === FS) {
      if (!need(2)) return null;
      const f = b[i + 1];
      if (f === 0x26) {
        this.doubleByte = true;
        return { op: { op: 'double-byte', on: true }, len: 2 };
      }
      if (f === 0x2e) {
        this.doubleByte = false;
        return { op: { op: 'double-byte', on: false }, len: 2 };
      }
      if (f === 0x53) return need(4) ? { op: { op: 'ignored', bytes: [...b.subarray(i, i + 4)] }, len: 4 } : null;
      return need(3) ? { op: { op: 'ignored', bytes: [...b.subarray(i, i + 3)] }, len: 3 } : null;
    }
    if (c === 0x0a) return { op: { op: 'newline' }, len: 1 };
    if (c < 0x20 && c !== 0x09) return { op: { op: 'ignored', bytes: [c] }, len: 1 };
    return this.parseText(b, i);
  }

  private parseText(b: Buffer, i: number): Parsed {
    let j = i;
    while (j < b.length) {
      const c = b[j];
      if (c < 0x20 && c !== 0x09) break;
      if (this.doubleByte && c >= 0x81 && c !== 0xff) {
        if (j + 1 >= b.length) break;
        j += 2;
      } else j += 1;
    }
    if (j === i) return null;
    const bytes = b.subarray(i, j);
    // Outside double-byte mode the printer shows its single-byte code page (PC437 by default):
    // UTF-8 or CP949 sent without `FS &` comes out as that garbage, and so does the preview.
    const text = this.doubleByte ? iconv.decode(bytes, 'cp949') : iconv.decode(bytes, 'cp437');
    return { op: { op: 'text', text: text.replace(/\t/g, ' '), bytes: bytes.length }, len: j - i };
  }

  private parseEsc(b: Buffer, i: number): Parsed {
    if (i + 2 > b.length) return null;
    const f = b[i + 1];
    const arg = b[i + 2];
    const has1 = i + 3 <= b.length;
    switch (f) {
      case 0x40:
        this.doubleByte = false;
        return { op: { op: 'init' }, len: 2 };
      case 0x32:
        return { op: { op: 'ignored', bytes: [ESC, f] }, len: 2 };
      case 0x61:
        return has1 ? { op: { op: 'align', align: (['left', 'center', 'right'] as const)[arg % 48] ?? 'left' }, len: 3 } : null;
      case 0x45:
        return has1 ? { op: { op: 'bold', on: (arg & 1) === 1 }, len: 3 } : null;
      case 0x4d:
        return has1 ? { op: { op: 'font', font: arg % 48 === 1 ? 'B' : 'A' }, len: 3 } : null;
      case 0x21:
        return has1 ? { op: { op: 'size', width: arg & 0x20 ? 2 : 1, height: arg & 0x10 ? 2 : 1 }, len: 3 } : null;
      case 0x64:
        return has1 ? { op: { op: 'feed-lines', n: arg }, len: 3 } : null;
      case 0x4a:
        return has1 ? { op: { op: 'feed-dots', n: arg }, len: 3 } : null;
      case 0x52:
        return has1 ? { op: { op: 'international', n: arg }, len: 3 } : null;
      case 0x70:
        return i + 5 <= b.length ? { op: { op: 'ignored', bytes: [...b.subarray(i, i + 5)] }, len: 5 } : null;
      case 0x24:
      case 0x5c:
        return i + 4 <= b.length ? { op: { op: 'ignored', bytes: [...b.subarray(i, i + 4)] }, len: 4 } : null;
      default:
        if (ESC_ONE_ARG.has(f)) return has1 ? { op: { op: 'ignored', bytes: [...b.subarray(i, i + 3)] }, len: 3 } : null;
        return { op: { op: 'ignored', bytes: [ESC, f] }, len: 2 };
    }
  }

  private parseGs(b: Buffer, i: number): Parsed {
    if (i + 2 > b.length) return null;
    const f = b[i + 1];
    if (f === 0x21) {
      if (i + 3 > b.length) return null;
      const n = b[i + 2];
      return { op: { op: 'size', width: ((n >> 4) & 7) + 1, height: (n & 7) + 1 }, len: 3 };
    }
    if (f === 0x56) {
      if (i + 3 > b.length) return null;
      const m = b[i + 2];
      const withFeed = m === 65 || m === 66 || m === 97 || m === 98 || m === 103 || m === 104;
      if (withFeed && i + 4 > b.length) return null;
      return { op: { op: 'cut', partial: m === 1 || m === 49 || m === 66 || m === 98 || m === 104 }, len: withFeed ? 4 : 3 };
    }
    if (f === 0x76) {
      if (i + 8 > b.length) return null;
      const xBytes = b[i + 4] | (b[i + 5] << 8);
      const rows = b[i + 6] | (b[i + 7] << 8);
      const size = xBytes * rows;
      if (i + 8 + size > b.length) return null;
      const bmp = createMonoBitmap(xBytes * 8, rows);
      bmp.data.set(b.subarray(i + 8, i + 8 + size));
      return { op: { op: 'raster', bitmap: bmp }, len: 8 + size };
    }
    if (f === 0x28) {
      if (i + 5 > b.length) return null;
      const len = b[i + 3] | (b[i + 4] << 8);
      if (i + 5 + len > b.length) return null;
      return { op: this.symbol(b[i + 2], b.subarray(i + 5, i + 5 + len)), len: 5 + len };
    }
    if (f === 0x72) {
      return i + 3 <= b.length ? { op: { op: 'transmit-status', n: b[i + 2] }, len: 3 } : null;
    }
    if (f === 0x4c || f === 0x57) {
      return i + 4 <= b.length ? { op: { op: 'ignored', bytes: [...b.subarray(i, i + 4)] }, len: 4 } : null;
    }
    if (GS_ONE_ARG.has(f)) return i + 3 <= b.length ? { op: { op: 'ignored', bytes: [...b.subarray(i, i + 3)] }, len: 3 } : null;
    return { op: { op: 'ignored', bytes: [GS, f] }, len: 2 };
  }

  /** GS ( k: the 2D-symbol function; only QR (cn 49) store, size and print matter here. */
  private symbol(kind: number, body: Buffer): DecodedOp | null {
    if (kind === 0x48 && body.length === 6 && body[0] === 0x30 && body[1] === 0x30) {
      return { op: 'process-id', id: [...body.subarray(2, 6)] };
    }
    if (kind !== 0x6b || body[0] !== 0x31) return { op: 'ignored', bytes: [GS, 0x28, kind] };
    const fn = body[1];
    if (fn === 0x43) this.qr.module = body[2];
    else if (fn === 0x50) this.qr.data = body.subarray(3).toString('utf8');
    else if (fn === 0x51) return { op: 'qr', data: this.qr.data, module: this.qr.module };
    return null;
  }
}
