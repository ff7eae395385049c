/**
 * Reads an ESC/POS byte stream back into operations, as a printer would.
 * Incremental: TCP and serial deliver arbitrary chunks, so an incomplete
 * command waits for more bytes. Used by the simulator and by previews, so a
 * preview shows what the bytes (not the document) say.
 *
 * It must survive anything a client or a bad line sends: a command whose
 * size is impossible for the paper is skipped with a warning (the parser
 * resynchronises on the next byte), a command that waits for its rest
 * longer than the slowest line could take is dropped (`push(chunk, nowMs)`),
 * and nothing it holds grows beyond one bounded command.
 */
import { iconvModule } from '../app/lazy-module';
import { barcodeSystem } from './escpos-barcodes';
import { graphicsStore, MAX_IMAGE_ROWS, MAX_IMAGE_WIDTH_DOTS, parseBitImage, parseRasterGsv0 } from './escpos-images';
import type { MonoBitmap } from './mono-bitmap';
import type { Align } from './slip-document';

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
  /** ESC *: an image in the line, printed by the LF that follows (stripes abut at ESC 3 24). */
  | { op: 'bit-image'; bitmap: MonoBitmap }
  | { op: 'qr'; data: string; module: number }
  | { op: 'barcode'; system: string; data: string; height: number; module: number; hri: number }
  /** ESC - / FS -: 0 off, 1 thin, 2 thick. */
  | { op: 'underline'; n: number }
  /** GS B: white on black. */
  | { op: 'invert'; on: boolean }
  /** ESC $: absolute horizontal position in dots from the left margin. */
  | { op: 'position'; x: number }
  /** ESC \: relative horizontal position in dots (signed). */
  | { op: 'relative-position'; dx: number }
  /** ESC 3 n (dots) or ESC 2 (null: the default). */
  | { op: 'line-spacing'; dots: number | null }
  /** GS r n: transmit status, answered in sequence (after every byte before it is processed). */
  | { op: 'transmit-status'; n: number }
  /** GS ( H fn=48: process ID response, answered in sequence with the four id bytes. */
  | { op: 'process-id'; id: number[] }
  /** ESC v: paper sensor status (older printers). */
  | { op: 'paper-status' }
  /** GS I n: printer ID. */
  | { op: 'printer-id'; n: number }
  /** End of a job without a cut (the connection closed); the simulator inserts it, no byte makes it. */
  | { op: 'end-job' }
  | { op: 'ignored'; bytes: number[] };

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;

/** `{ op, len }` a parsed command; `need` bytes from its start still to come; `skip` an impossible one. */
type Parsed = { op: DecodedOp | null; len: number } | { need: number } | { skip: number; why: string };

/** ESC commands with one parameter byte that we only skip. */
const ESC_ONE_ARG = new Set([0x33, 0x3d, 0x47, 0x7b, 0x20, 0x56, 0x74, 0x55, 0x72, 0x63, 0x25, 0x21]);
const GS_ONE_ARG = new Set([0x66, 0x77, 0x61, 0x68, 0x48, 0x42, 0x49]);
/** The slowest line we serve (9600 baud) plus slack: a command not complete by then never will be. */
const STALE_BASE_MS = 3000;
const BYTES_PER_MS_SLOWEST = 0.96;
/** Bytes a single `GS ( …` or `GS 8 L` may carry: a full-size monochrome image and its header. */
const MAX_BLOCK_BYTES = (MAX_IMAGE_WIDTH_DOTS / 8) * MAX_IMAGE_ROWS + 16;

export interface EscPosDecoderOptions {
  /** Told about data skipped as impossible (a raster image wider than any head). */
  warn?(message: string): void;
}

export class EscPosDecoder {
  private pending: Buffer = Buffer.alloc(0);
  private pendingSince: number | null = null;
  private pendingNeed = 0;
  private doubleByte = false;
  private qr = { data: '', module: 3 };
  private bar = { height: 162, module: 3, hri: 0 };
  private graphics: MonoBitmap | null = null;

  constructor(private readonly opts: EscPosDecoderOptions = {}) {}

  /** Forgets a half-received command (the link closed). */
  reset(): void {
    this.pending = Buffer.alloc(0);
    this.pendingSince = null;
    this.doubleByte = false;
  }

  /** Bytes still waiting for the rest of their command. */
  get pendingBytes(): number {
    return this.pending.length;
  }

  /** `nowMs` (a clock reading) lets a command that never completes be dropped; previews omit it. */
  push(chunk: Buffer, nowMs?: number): DecodedOp[] {
    if (this.pending.length && nowMs !== undefined && this.pendingSince !== null) {
      const limit = STALE_BASE_MS + this.pendingNeed / BYTES_PER_MS_SLOWEST;
      if (nowMs - this.pendingSince > limit) {
        this.opts.warn?.(`dropped an incomplete command (0x${this.pending.subarray(0, 3).toString('hex')}…, ${this.pending.length} of ${this.pendingNeed} bytes) after ${Math.round(limit)} ms`);
        this.pending = Buffer.alloc(0);
        this.pendingSince = null;
      }
    }
    const buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const out: DecodedOp[] = [];
    let i = 0;
    while (i < buf.length) {
      const p = this.parseAt(buf, i);
      if ('need' in p) {
        this.pendingNeed = p.need;
        break;
      }
      if ('skip' in p) {
        this.opts.warn?.(`skipped ${p.skip} bytes: ${p.why}`);
        i += p.skip;
        continue;
      }
      if (p.op) out.push(p.op);
      i += p.len;
    }
    const rest = buf.subarray(i);
    if (rest.length === 0) this.pendingSince = null;
    else if (this.pending.length === 0 || i > 0) this.pendingSince = nowMs ?? null;
    // A copy, so a small remainder does not pin a large chunk in memory.
    this.pending = rest.length ? Buffer.from(rest) : Buffer.alloc(0);
    return out;
  }

  private parseAt(b: Buffer, i: number): Parsed {
    const c = b[i];
    const has = (n: number) => i + n <= b.length;
    const take = (op: DecodedOp | null, len: number): Parsed => (has(len) ? { op, len } : { need: len });
    if (c === DLE) {
      if (!has(2)) return { need: 3 };
      const f = b[i + 1];
      if (f === 0x04) return take(has(3) ? { op: 'status-request', n: b[i + 2] } : null, 3);
      if (f === 0x05) return take({ op: 'ignored', bytes: [...b.subarray(i, i + 3)] }, 3);
      if (f === 0x14) return take({ op: 'ignored', bytes: [...b.subarray(i, i + 5)] }, 5);
      return { op: { op: 'ignored', bytes: [c] }, len: 1 };
    }
    if (c === ESC) return this.parseEsc(b, i);
    if (c === GS) return this.parseGs(b, i);
    if (c === FS) {
      if (!has(2)) return { need: 2 };
      const f = b[i + 1];
      if (f === 0x26) {
        this.doubleByte = true;
        return { op: { op: 'double-byte', on: true }, len: 2 };
      }
      if (f === 0x2e) {
        this.doubleByte = false;
        return { op: { op: 'double-byte', on: false }, len: 2 };
      }
      if (f === 0x2d) return take(has(3) ? { op: 'underline', n: b[i + 2] % 48 } : null, 3);
      if (f === 0x53) return take({ op: 'ignored', bytes: [...b.subarray(i, i + 4)] }, 4);
      if (f === 0x21 || f === 0x43 || f === 0x57) return take({ op: 'ignored', bytes: [...b.subarray(i, i + 3)] }, 3);
      return { op: { op: 'ignored', bytes: [FS, f] }, len: 2 };
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
    if (j === i) return { need: 2 };
    const bytes = b.subarray(i, j);
    // Outside double-byte mode the printer shows its single-byte code page (PC437 by default):
    // UTF-8 or CP949 sent without `FS &` comes out as that garbage, and so does the preview.
    const iconv = iconvModule();
    const text = this.doubleByte ? iconv.decode(bytes, 'cp949') : iconv.decode(bytes, 'cp437');
    return { op: { op: 'text', text: text.replace(/\t/g, ' '), bytes: bytes.length }, len: j - i };
  }

  private parseEsc(b: Buffer, i: number): Parsed {
    if (i + 2 > b.length) return { need: 2 };
    const f = b[i + 1];
    const has1 = i + 3 <= b.length;
    const arg = b[i + 2];
    const one = (op: () => DecodedOp): Parsed => (has1 ? { op: op(), len: 3 } : { need: 3 });
    switch (f) {
      case 0x40:
        this.doubleByte = false;
        this.bar = { height: 162, module: 3, hri: 0 };
        return { op: { op: 'init' }, len: 2 };
      case 0x32:
        return { op: { op: 'line-spacing', dots: null }, len: 2 };
      case 0x33:
        return one(() => ({ op: 'line-spacing', dots: arg }));
      case 0x61:
        return one(() => ({ op: 'align', align: (['left', 'center', 'right'] as const)[arg % 48] ?? 'left' }));
      case 0x45:
        return one(() => ({ op: 'bold', on: (arg & 1) === 1 }));
      case 0x2d:
        return one(() => ({ op: 'underline', n: arg % 48 }));
      case 0x4d:
        return one(() => ({ op: 'font', font: arg % 48 === 1 ? 'B' : 'A' }));
      case 0x21:
        // ESC ! n: bit 0 font B, bit 3 emphasis, bit 4 double height, bit 5 double width, bit 7 underline.
        return one(() => ({ op: 'size', width: arg & 0x20 ? 2 : 1, height: arg & 0x10 ? 2 : 1 }));
      case 0x64:
        return one(() => ({ op: 'feed-lines', n: arg }));
      case 0x4a:
        return one(() => ({ op: 'feed-dots', n: arg }));
      case 0x52:
        return one(() => ({ op: 'international', n: arg }));
      case 0x76:
        return { op: { op: 'paper-status' }, len: 2 };
      case 0x70:
        return i + 5 <= b.length ? { op: { op: 'ignored', bytes: [...b.subarray(i, i + 5)] }, len: 5 } : { need: 5 };
      case 0x24:
        return i + 4 <= b.length ? { op: { op: 'position', x: b[i + 2] | (b[i + 3] << 8) }, len: 4 } : { need: 4 };
      case 0x5c: {
        if (i + 4 > b.length) return { need: 4 };
        const raw = b[i + 2] | (b[i + 3] << 8);
        return { op: { op: 'relative-position', dx: raw > 0x7fff ? raw - 0x10000 : raw }, len: 4 };
      }
      case 0x2a: {
        const p = parseBitImage(b, i);
        if (p.kind === 'need') return { need: p.need };
        if (p.kind === 'invalid') return { skip: p.len, why: p.why };
        return { op: { op: 'bit-image', bitmap: p.bitmap }, len: p.len };
      }
      default:
        if (ESC_ONE_ARG.has(f)) return has1 ? { op: { op: 'ignored', bytes: [...b.subarray(i, i + 3)] }, len: 3 } : { need: 3 };
        return { op: { op: 'ignored', bytes: [ESC, f] }, len: 2 };
    }
  }

  private parseGs(b: Buffer, i: number): Parsed {
    if (i + 2 > b.length) return { need: 2 };
    const f = b[i + 1];
    const has = (n: number) => i + n <= b.length;
    const arg = b[i + 2];
    switch (f) {
      case 0x21:
        return has(3) ? { op: { op: 'size', width: ((arg >> 4) & 7) + 1, height: (arg & 7) + 1 }, len: 3 } : { need: 3 };
      case 0x56: {
        if (!has(3)) return { need: 3 };
        const withFeed = [65, 66, 97, 98, 103, 104].includes(arg);
        if (withFeed && !has(4)) return { need: 4 };
        return { op: { op: 'cut', partial: [1, 49, 66, 98, 104].includes(arg) }, len: withFeed ? 4 : 3 };
      }
      case 0x76: {
        const p = parseRasterGsv0(b, i);
        if (p.kind === 'need') return { need: p.need };
        if (p.kind === 'invalid') return { skip: p.len, why: p.why };
        return { op: { op: 'raster', bitmap: p.bitmap }, len: p.len };
      }
      case 0x28: {
        if (!has(5)) return { need: 5 };
        const len = b[i + 3] | (b[i + 4] << 8);
        if (!has(5 + len)) return { need: 5 + len };
        return { op: this.block(b[i + 2], b.subarray(i + 5, i + 5 + len)), len: 5 + len };
      }
      case 0x38: {
        // GS 8 L p1 p2 p3 p4: graphics with a four-byte length.
        if (!has(7)) return { need: 7 };
        if (arg !== 0x4c) return { skip: 3, why: `GS 8 followed by 0x${arg.toString(16)}` };
        const len = b.readUInt32LE(i + 3);
        if (len > MAX_BLOCK_BYTES) return { skip: 7, why: `GS 8 L of ${len} bytes is impossible for the paper` };
        if (!has(7 + len)) return { need: 7 + len };
        return { op: this.block(0x4c, b.subarray(i + 7, i + 7 + len)), len: 7 + len };
      }
      case 0x6b:
        return this.barcode(b, i);
      case 0x72:
        return has(3) ? { op: { op: 'transmit-status', n: arg }, len: 3 } : { need: 3 };
      case 0x49:
        return has(3) ? { op: { op: 'printer-id', n: arg }, len: 3 } : { need: 3 };
      case 0x42:
        return has(3) ? { op: { op: 'invert', on: (arg & 1) === 1 }, len: 3 } : { need: 3 };
      case 0x68:
        if (!has(3)) return { need: 3 };
        this.bar.height = Math.max(1, arg);
        return { op: null, len: 3 };
      case 0x77:
        if (!has(3)) return { need: 3 };
        this.bar.module = Math.min(6, Math.max(1, arg));
        return { op: null, len: 3 };
      case 0x48:
        if (!has(3)) return { need: 3 };
        this.bar.hri = arg % 48;
        return { op: null, len: 3 };
      case 0x4c:
      case 0x57:
      case 0x24:
      case 0x5c:
        // Left margin, print area width, and page-mode vertical positions: two parameter bytes.
        return has(4) ? { op: { op: 'ignored', bytes: [...b.subarray(i, i + 4)] }, len: 4 } : { need: 4 };
      default:
        if (GS_ONE_ARG.has(f)) return has(3) ? { op: { op: 'ignored', bytes: [...b.subarray(i, i + 3)] }, len: 3 } : { need: 3 };
        return { op: { op: 'ignored', bytes: [GS, f] }, len: 2 };
    }
  }

  /** GS k m …: NUL-terminated (m 0-6) or length-prefixed (m 65-73) data; bounded at 255 bytes. */
  private barcode(b: Buffer, i: number): Parsed {
    if (i + 4 > b.length) return { need: 4 };
    const m = b[i + 2];
    let data: Buffer;
    let len: number;
    if (m <= 6) {
      const end = b.indexOf(0x00, i + 3);
      if (end < 0 || end - (i + 3) > 255) {
        return end >= 0 || b.length - (i + 3) > 255 ? { skip: 3, why: 'GS k data without its NUL in 255 bytes' } : { need: b.length - i + 1 };
      }
      data = b.subarray(i + 3, end);
      len = end + 1 - i;
    } else if (m >= 65 && m <= 73) {
      const n = b[i + 3];
      if (i + 4 + n > b.length) return { need: 4 + n };
      data = b.subarray(i + 4, i + 4 + n);
      len = 4 + n;
    } else return { skip: 3, why: `GS k system ${m}` };
    const { height, module, hri } = this.bar;
    return { op: { op: 'barcode', system: barcodeSystem(m), data: data.toString('latin1'), height, module, hri }, len };
  }

  /** GS ( x pL pH …: QR (k, cn 49), process ID (H), graphics (L). Others are consumed. */
  private block(kind: number, body: Buffer): DecodedOp | null {
    if (kind === 0x48 && body.length === 6 && body[0] === 0x30 && body[1] === 0x30) {
      return { op: 'process-id', id: [...body.subarray(2, 6)] };
    }
    if (kind === 0x4c) {
      const fn = body[1];
      if (fn === 0x32 || fn === 50 || fn === 2) {
        const g = this.graphics;
        return g ? { op: 'raster', bitmap: g } : null;
      }
      const stored = graphicsStore(body);
      if (stored && 'invalid' in stored) {
        this.opts.warn?.(`skipped graphics: ${stored.invalid}`);
        return null;
      }
      if (stored) this.graphics = stored.bitmap;
      return null;
    }
    if (kind !== 0x6b || body[0] !== 0x31) return { op: 'ignored', bytes: [GS, 0x28, kind] };
    const fn = body[1];
    if (fn === 0x43) this.qr.module = Math.min(16, Math.max(1, body[2] ?? 3));
    else if (fn === 0x50) this.qr.data = body.subarray(3).toString('utf8');
    else if (fn === 0x51) return { op: 'qr', data: this.qr.data, module: this.qr.module };
    return null;
  }
}
