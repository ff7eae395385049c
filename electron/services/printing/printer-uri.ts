/**
 * Printer addresses: `sim`, `tcp://HOST:PORT`, `serial:/dev/ttyUSB0?baud=19200`,
 * `file:/dev/usb/lp0`, each with optional `mode=raster|text`, `width=576|384`,
 * `cut=full|partial`. Options on the URI win over the config fields, so a
 * technician can try `--printer 'tcp://10.0.0.5:9100?mode=text'` at once.
 * The address itself is the devices' one grammar; a bad URI is its
 * `DeviceUriError`, whatever part is wrong.
 */
import { cutModeSchema, printModeSettingSchema, type CutMode, type PrinterConfig, type PrintMode, type PrintModeSetting, type PrintWidthDots } from './printer-config';
import { printerProfiles } from './printer-profiles';
import { DeviceUriError, parseDeviceUri, type DeviceAddress, type DeviceUriRules } from '../devices/device-uri';

/** A printer's address in the devices' one grammar (`devices/device-uri.ts`). */
export type PrinterAddress = DeviceAddress;

/** What a printer address may be: any kind, the baud rates ESC/POS printers take, port 9100 by default. */
export const PRINTER_URI_RULES: DeviceUriRules = {
  device: 'printer',
  kinds: ['sim', 'tcp', 'serial', 'file'],
  options: ['mode', 'width', 'cut'],
  bauds: [9600, 19200, 38400, 57600, 115200],
  defaultBaud: 19200,
  defaultTcpPort: 9100,
};

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

/**
 * `auto` → a concrete mode. Raster is ≈50 KB a slip: nothing on TCP or USB, but 25 s at
 * 19200 baud, so serial lines up to 38400 baud get hybrid (≈2 KB). A printer without a
 * Korean font can only show Korean as an image: raster whatever the line, and an explicit
 * text or hybrid is turned to raster too (it would print garbage).
 */
export function resolvePrintMode(setting: PrintModeSetting, address: PrinterAddress, koreanFont: boolean): PrintMode {
  if (!koreanFont) return 'raster';
  if (setting !== 'auto') return setting;
  return address.kind === 'serial' && address.baud <= 38_400 ? 'hybrid' : 'raster';
}

export function parsePrinterUri(
  uri: string,
  defaults: Pick<PrinterConfig, 'mode' | 'width' | 'cut'> & { koreanFont?: boolean },
): PrinterTarget {
  // The address and its options in the one grammar; a bad one is a DeviceUriError naming what is allowed.
  const { address, options, label: base } = parseDeviceUri(uri, PRINTER_URI_RULES);
  const fail = (why: string) => new DeviceUriError(PRINTER_URI_RULES.device, uri, why, PRINTER_URI_RULES.kinds);
  const modeText = options.mode ?? null;
  const setting = modeText === null ? defaults.mode : printModeSettingSchema.safeParse(modeText).data;
  if (!setting) throw fail(`mode must be auto, raster, text or hybrid, got ${modeText}`);
  const widthText = options.width ?? null;
  const width = widthText === null ? defaults.width : Number(widthText);
  if (width !== 576 && width !== 384) throw fail(`width must be 576 (80 mm) or 384 (58 mm), got ${widthText}`);
  const cutText = options.cut ?? null;
  const cut = cutText === null ? defaults.cut : cutModeSchema.safeParse(cutText).data;
  if (!cut) throw fail(`cut must be full or partial, got ${cutText}`);

  const label = address.kind === 'serial' ? `${base}?baud=${address.baud}` : base;
  const koreanFont = defaults.koreanFont ?? printerProfiles[width].koreanFont;
  const mode = resolvePrintMode(setting, address, koreanFont);
  return { address, mode, koreanFont, width, cut, label };
}
