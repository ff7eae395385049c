/**
 * Printer addresses: `sim`, `tcp://HOST:PORT`, `serial:/dev/ttyUSB0?baud=19200`,
 * `file:/dev/usb/lp0`, each with optional `mode=raster|text`, `width=576|384`,
 * `cut=full|partial`. Options on the URI win over the config fields, so a
 * technician can try `--printer 'tcp://10.0.0.5:9100?mode=text'` at once.
 */
import { cutModeSchema, printModeSettingSchema, type CutMode, type PrinterConfig, type PrintMode, type PrintModeSetting, type PrintWidthDots } from './printer-config';
import { printerProfiles } from './printer-profiles';

export type PrinterAddress =
  | { kind: 'sim' }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'file'; path: string };

export interface PrinterTarget {
  address: PrinterAddress;
  /** The mode jobs are encoded in, `auto` already resolved. */
  mode: PrintMode;
  /** Whether the printer has a Korean font (config, else its profile). */
  koreanFont: boolean;
  width: PrintWidthDots;
  cut: CutMode;
  /** The URI without options, for status and logs. */
  label: string;
}

/** Thrown for a URI a technician must fix; the message says what is allowed. */
export class PrinterUriError extends TypeError {
  constructor(uri: string, why: string) {
    super(`printer "${uri}": ${why}. Use sim, tcp://HOST:PORT, serial:/dev/ttyUSB0?baud=19200 or file:/dev/usb/lp0`);
    this.name = 'PrinterUriError';
  }
}

/**
 * `auto` → a concrete mode. Raster is ≈50 KB a slip: nothing on TCP or USB, but 25 s at
 * 19200 baud, so serial lines up to 38400 baud get hybrid (≈2 KB). A printer without a
 * Korean font can only show Korean as an image: raster whatever the line, and an explicit
 * text or hybrid is turned to raster too (it would print garbage).
 */
export function resolvePrintMode(setting: PrintModeSetting, address: PrinterAddress, koreanFont: boolean): PrintMode {
  if (!koreanFont) return 'raster';
  if (setting !== 'auto') return setting;
  return address.kind === 'serial' && address.baudRate <= 38_400 ? 'hybrid' : 'raster';
}

export function parsePrinterUri(
  uri: string,
  defaults: Pick<PrinterConfig, 'mode' | 'width' | 'cut'> & { koreanFont?: boolean },
): PrinterTarget {
  const q = uri.indexOf('?');
  const base = q >= 0 ? uri.slice(0, q) : uri;
  const params = new URLSearchParams(q >= 0 ? uri.slice(q + 1) : '');
  const known = new Set(['mode', 'width', 'cut', 'baud']);
  for (const k of params.keys()) if (!known.has(k)) throw new PrinterUriError(uri, `unknown option "${k}" (mode, width, cut, baud)`);

  let address: PrinterAddress;
  if (base === 'sim') address = { kind: 'sim' };
  else if (base.startsWith('tcp://')) {
    const m = /^tcp:\/\/(\[[^\]]+\]|[^:/]+)(?::(\d+))?\/?$/.exec(base);
    if (!m) throw new PrinterUriError(uri, 'expected tcp://HOST:PORT');
    const port = m[2] === undefined ? 9100 : Number(m[2]);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new PrinterUriError(uri, 'port must be 1..65535');
    address = { kind: 'tcp', host: m[1].replace(/^\[|\]$/g, ''), port };
  } else if (base.startsWith('serial:')) {
    const path = base.slice('serial:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path) throw new PrinterUriError(uri, 'expected serial:/dev/ttyUSB0');
    const baudText = params.get('baud') ?? '19200';
    const baudRate = Number(baudText);
    if (![9600, 19200, 38400, 57600, 115200].includes(baudRate)) throw new PrinterUriError(uri, `baud must be 9600, 19200, 38400, 57600 or 115200, got ${baudText}`);
    address = { kind: 'serial', path, baudRate };
  } else if (base.startsWith('file:')) {
    const path = base.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path) throw new PrinterUriError(uri, 'expected file:/dev/usb/lp0');
    address = { kind: 'file', path };
  } else throw new PrinterUriError(uri, 'unknown kind of printer');

  const modeText = params.get('mode');
  const setting = modeText === null ? defaults.mode : printModeSettingSchema.safeParse(modeText).data;
  if (!setting) throw new PrinterUriError(uri, `mode must be auto, raster, text or hybrid, got ${modeText}`);
  const widthText = params.get('width');
  const width = widthText === null ? defaults.width : Number(widthText);
  if (width !== 576 && width !== 384) throw new PrinterUriError(uri, `width must be 576 (80 mm) or 384 (58 mm), got ${widthText}`);
  const cutText = params.get('cut');
  const cut = cutText === null ? defaults.cut : cutModeSchema.safeParse(cutText).data;
  if (!cut) throw new PrinterUriError(uri, `cut must be full or partial, got ${cutText}`);

  const label =
    address.kind === 'serial' ? `serial:${address.path}?baud=${address.baudRate}` : base;
  const koreanFont = defaults.koreanFont ?? printerProfiles[width].koreanFont;
  const mode = resolvePrintMode(setting, address, koreanFont);
  return { address, mode, koreanFont, width, cut, label };
}
