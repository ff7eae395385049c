/**
 * VMC protocol v1.1 frames as pure functions: CRC-16/CCITT-FALSE, encoding,
 * and a streaming decoder that follows the spec's receiving rules 1–6.
 *
 *   STX(02) LEN SEQ CMD DATA… CRC_hi CRC_lo ETX(03), LEN = 2 + DATA length.
 *
 * Frames are found by LEN and CRC, never by scanning for ETX: LEN may be 02
 * and SEQ, DATA and CRC may hold 02 and 03.
 */
export const STX = 0x02;
export const ETX = 0x03;
export const MIN_LEN = 2;
export const MAX_LEN = 252;
/** Receiving rule 5. */
export const INTER_BYTE_TIMEOUT_MS = 100;

export interface VmcFrame {
  seq: number;
  cmd: number;
  data: Uint8Array;
}

/** CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, xorout 0. Check: "123456789" → 0x29B1. */
export function crc16(bytes: ArrayLike<number>, start = 0, end = bytes.length): number {
  let crc = 0xffff;
  for (let i = start; i < end; i++) {
    crc ^= bytes[i] << 8;
    for (let b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

export function encodeFrame(frame: VmcFrame): Uint8Array {
  const { seq, cmd, data } = frame;
  if (!Number.isInteger(seq) || seq < 0 || seq > 255) throw new TypeError(`SEQ must be 0..255, got ${seq}`);
  if (!Number.isInteger(cmd) || cmd < 0 || cmd > 255) throw new TypeError(`CMD must be 0..255, got ${cmd}`);
  const len = 2 + data.length;
  if (len > MAX_LEN) throw new TypeError(`DATA too long: ${data.length} bytes (at most ${MAX_LEN - 2})`);
  const out = new Uint8Array(len + 5);
  out[0] = STX;
  out[1] = len;
  out[2] = seq;
  out[3] = cmd;
  out.set(data, 4);
  const crc = crc16(out, 1, 4 + data.length);
  out[4 + data.length] = crc >> 8;
  out[5 + data.length] = crc & 0xff;
  out[6 + data.length] = ETX;
  return out;
}

export function framesEqual(a: VmcFrame, b: VmcFrame): boolean {
  if (a.seq !== b.seq || a.cmd !== b.cmd || a.data.length !== b.data.length) return false;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}

export function toHex(bytes: ArrayLike<number>): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
}

export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/[^0-9a-fA-F]/g, '');
  if (clean.length % 2) throw new TypeError(`odd number of hex digits: ${hex}`);
  return Uint8Array.from(clean.match(/../g) ?? [], (h) => parseInt(h, 16));
}

/** What the decoder found: a valid frame, or a candidate dropped for its CRC (rule 3: the VMC answers NAK). */
export type DecodeEvent = { kind: 'frame'; frame: VmcFrame; bytes: Uint8Array } | { kind: 'crc_error'; bytes: Uint8Array };

type Check = { kind: 'incomplete' } | { kind: 'drop' } | { kind: 'crc_error'; total: number } | { kind: 'frame'; total: number };

/** Rules 2 and 3 for a candidate starting at `i` (an STX). */
function checkCandidate(buf: Uint8Array, i: number, end: number): Check {
  if (i + 1 >= end) return { kind: 'incomplete' };
  const len = buf[i + 1];
  if (len < MIN_LEN || len > MAX_LEN) return { kind: 'drop' };
  const total = len + 5;
  if (i + total > end) return { kind: 'incomplete' };
  if (buf[i + total - 1] !== ETX) return { kind: 'drop' };
  const crc = crc16(buf, i + 1, i + total - 3);
  if (crc !== ((buf[i + total - 3] << 8) | buf[i + total - 2])) return { kind: 'crc_error', total };
  return { kind: 'frame', total };
}

/**
 * Streaming decoder. Feed it chunks as they arrive with the arrival time;
 * it returns what became complete. Only bytes that may still start a frame
 * are kept, so memory stays under one longest frame plus one chunk.
 */
export class FrameDecoder {
  private buf = new Uint8Array(0);
  private lastByteAt = -Infinity;

  /** Bytes held back as a possible incomplete frame (for the monitor and tests). */
  get pending(): number {
    return this.buf.length;
  }

  push(chunk: ArrayLike<number>, now: number): DecodeEvent[] {
    const out: DecodeEvent[] = [];
    // Rule 5: after 100 ms of silence, incomplete candidates are dropped and the held bytes searched again.
    if (this.buf.length > 0 && now - this.lastByteAt >= INTER_BYTE_TIMEOUT_MS) this.scan(true, out);
    if (chunk.length > 0) {
      const next = new Uint8Array(this.buf.length + chunk.length);
      next.set(this.buf, 0);
      next.set(chunk as ArrayLike<number>, this.buf.length);
      this.buf = next;
      this.lastByteAt = now;
    }
    this.scan(false, out);
    return out;
  }

  /** Applies the inter-byte timeout without new bytes (call from a timer, or never: the next push does it too). */
  expire(now: number): DecodeEvent[] {
    const out: DecodeEvent[] = [];
    if (this.buf.length > 0 && now - this.lastByteAt >= INTER_BYTE_TIMEOUT_MS) this.scan(true, out);
    return out;
  }

  reset(): void {
    this.buf = new Uint8Array(0);
    this.lastByteAt = -Infinity;
  }

  private scan(timedOut: boolean, out: DecodeEvent[]): void {
    const buf = this.buf;
    const end = buf.length;
    let i = 0;
    while (i < end) {
      if (buf[i] !== STX) {
        i++; // rule 1
        continue;
      }
      const c = checkCandidate(buf, i, end);
      if (c.kind === 'incomplete') {
        // Rule 5 (timed out) and rule 6 (a complete valid frame starts later): drop this STX only.
        if (timedOut || this.validFrameAfter(i + 1)) {
          i++;
          continue;
        }
        break;
      }
      if (c.kind === 'drop') {
        i++; // rule 4: resume at the next byte, not after the claimed length
        continue;
      }
      if (c.kind === 'crc_error') {
        out.push({ kind: 'crc_error', bytes: buf.slice(i, i + c.total) });
        i++;
        continue;
      }
      const bytes = buf.slice(i, i + c.total);
      out.push({ kind: 'frame', bytes, frame: { seq: bytes[2], cmd: bytes[3], data: bytes.slice(4, c.total - 3) } });
      i += c.total;
    }
    this.buf = buf.slice(i);
  }

  private validFrameAfter(from: number): boolean {
    for (let j = from; j < this.buf.length; j++) {
      if (this.buf[j] === STX && checkCandidate(this.buf, j, this.buf.length).kind === 'frame') return true;
    }
    return false;
  }
}
