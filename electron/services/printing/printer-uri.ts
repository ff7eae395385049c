/**
 * Printer addresses: `sim`, `tcp://HOST:PORT`, `serial:/dev/ttyUSB0?baud=19200`,
 * `file:/dev/usb/lp0`, each with optional `mode=raster|text`, `width=576|384`,
 * `cut=full|partial`. Options on the URI win over the config fields, so a
 * technician can try `--printer 'tcp://10.0.0.5:9100?mode=text'` at once.
 */
import { cutModeSchema, printModeSchema, type CutMode, type PrinterConfig, type PrintMode, type PrintWidthDots } from './printer-config';

export type PrinterAddress =
  | { kind: 'sim' }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'file'; path: string };

export interface PrinterTarget {
  address: PrinterAddress;
  mode: PrintMode;
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

export function parsePrinterUri(uri: string, defaults: Pick<PrinterConfig, 'mode' | 'width' | 'cut'>): PrinterTarget {
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
  const mode = modeText === null ? defaults.mode : printModeSchema.safeParse(modeText).data;
  if (!mode) throw new PrinterUriError(uri, `mode must be raster or text, got ${modeText}`);
  const widthText = params.get('width');
  const width = widthText === null ? defaults.width : Number(widthText);
  if (width !== 576 && width !== 384) throw new PrinterUriError(uri, `width must be 576 (80 mm) or 384 (58 mm), got ${widthText}`);
  const cutText = params.get('cut');
  const cut = cutText === null ? defaults.cut : cutModeSchema.safeParse(cutText).data;
  if (!cut) throw new PrinterUriError(uri, `cut must be full or partial, got ${cutText}`);

  const label =
    address.kind === 'serial' ? `serial:${address.path}?baud=${address.baudRate}` : base;
  return { address, mode, width, cut, label };
}
