/**
 * Heavy packages loaded on first use, not at start: the slip canvas
 * (`@napi-rs/canvas`, a native Skia), QR codes, serial ports and the CP949
 * codec take hundreds of milliseconds to load on a kiosk PC, and the host
 * must say "ready" (and show the attract screen) before any slip is drawn or
 * port opened. Each accessor loads its package once, synchronously (these
 * are CommonJS packages), so the code that uses them keeps its shape.
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

function once<T>(id: string): () => T {
  let m: T | undefined;
  return () => (m ??= load(id) as T);
}

export const canvasModule = once<typeof import('@napi-rs/canvas')>('@napi-rs/canvas');
export const qrcodeModule = once<typeof import('qrcode')>('qrcode');
export const serialportModule = once<typeof import('serialport')>('serialport');
export const iconvModule = once<typeof import('iconv-lite')>('iconv-lite');
