/**
 * The one address grammar of the kiosk's devices:
 *   `sim`                          the built-in simulator
 *   `tcp://HOST:PORT`              a network device (raw port 9100 style)
 *   `serial:/dev/ttyUSB0?baud=N`   RS-232 or a USB-serial adapter
 *   `file:/dev/usb/lp0`            a write-only device file
 * each with `?key=value` options. A device says which kinds and options it
 * takes (the cabinet: `sim` and `serial` with `baud`; the printer: all four
 * with `mode`, `width`, `cut`, `baud`); anything else is a `DeviceUriError`
 * that names what is allowed, for a technician to fix.
 */

export type DeviceAddress =
  | { kind: 'sim' }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'serial'; path: string; baud: number }
  | { kind: 'file'; path: string };

export type DeviceKind = DeviceAddress['kind'];

export interface DeviceUriRules {
  /** For messages: `vending`, `printer`. */
  device: string;
  kinds: readonly DeviceKind[];
  /** Option names besides `baud` (which `serial` always takes). */
  options?: readonly string[];
  bauds: readonly number[];
  defaultBaud: number;
  /** When `tcp://HOST` has no port. */
  defaultTcpPort?: number;
}

export interface ParsedDeviceUri {
  address: DeviceAddress;
  /** The options named in `rules.options`, as written (the device parses their values). */
  options: Record<string, string>;
  /** The URI without options, for status and logs. */
  label: string;
}

const EXAMPLES: Record<DeviceKind, string> = {
  sim: 'sim',
  tcp: 'tcp://HOST:PORT',
  serial: 'serial:/dev/ttyUSB0?baud=9600',
  file: 'file:/dev/usb/lp0',
};

/** A device address a technician must fix; the message lists what is allowed. */
export class DeviceUriError extends TypeError {
  constructor(
    readonly device: string,
    readonly uri: string,
    readonly why: string,
    allowed: readonly DeviceKind[],
  ) {
    super(`${device} "${uri}": ${why}. Use ${allowed.map((k) => EXAMPLES[k]).join(', ')}`);
    this.name = 'DeviceUriError';
  }
}

export function parseDeviceUri(uri: string, rules: DeviceUriRules): ParsedDeviceUri {
  const fail = (why: string) => new DeviceUriError(rules.device, uri, why, rules.kinds);
  const q = uri.indexOf('?');
  const base = q >= 0 ? uri.slice(0, q) : uri;
  const params = new URLSearchParams(q >= 0 ? uri.slice(q + 1) : '');
  let address: DeviceAddress;
  if (base === 'sim') address = { kind: 'sim' };
  else if (base.startsWith('tcp://')) {
    const m = /^tcp:\/\/(\[[^\]]+\]|[^:/?]+)(?::(\d+))?\/?$/.exec(base);
    if (!m) throw fail('expected tcp://HOST:PORT');
    const port = m[2] === undefined ? rules.defaultTcpPort : Number(m[2]);
    if (port === undefined) throw fail('a port is needed (tcp://HOST:PORT)');
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw fail('port must be 1..65535');
    address = { kind: 'tcp', host: m[1].replace(/^\[|\]$/g, ''), port };
  } else if (base.startsWith('serial:')) {
    const path = base.slice('serial:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path) throw fail('expected serial:/dev/ttyUSB0');
    const text = params.get('baud');
    const baud = text === null ? rules.defaultBaud : Number(text);
    if (!rules.bauds.includes(baud)) throw fail(`baud must be one of ${rules.bauds.join(', ')}, got "${text}"`);
    address = { kind: 'serial', path, baud };
  } else if (base.startsWith('file:')) {
    const path = base.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path) throw fail('expected file:/dev/usb/lp0');
    address = { kind: 'file', path };
  } else throw fail(`unknown kind of ${rules.device} address`);
  if (!rules.kinds.includes(address.kind)) throw fail(`a ${rules.device} cannot be at a ${address.kind} address`);

  const allowed = new Set([...(rules.options ?? []), ...(address.kind === 'serial' ? ['baud'] : [])]);
  const options: Record<string, string> = {};
  for (const [k, v] of params) {
    if (!allowed.has(k)) throw fail(`unknown option "${k}"${allowed.size ? ` (${[...allowed].join(', ')})` : ''}`);
    if (k !== 'baud') options[k] = v;
  }
  return { address, options, label: base };
}
