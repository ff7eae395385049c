/**
 * What a staff edit of the configuration may set, beyond the schema. A
 * technician's PIN must not turn the kiosk into a tool against its own
 * machine: before, `printer.uri = file:~/.profile` plus a venue name with new
 * lines appended attacker lines to a shell profile on every slip, and
 * `venue.url` took `javascript:`.
 *
 * - `file:` printers only on device paths (`/dev/usb/lp*`, `/dev/tty*`) or
 *   under a prefix in `configEdits.printerFilePaths`; `serial:` only on
 *   `/dev/`;
 * - `tcp://` printers only at an IP address inside `configEdits.printerNetworks`
 *   (private ranges by default);
 * - no control characters (new lines, tabs, escapes) in any text;
 * - `venue.url` https only.
 *
 * `configEdits` is read from the config as it is (the file on disk) and
 * cannot itself be edited from the console: only someone with the machine
 * can widen it. Each problem names its field.
 */
import { BlockList, isIP } from 'node:net';
import { normalize } from 'node:path';
import type { KioskConfig } from '../config/config-schema';
import type { ConfigPatch } from './config-editor';

const DEVICE_FILE = [/^\/dev\/usb\/lp\d+$/, /^\/dev\/tty[A-Za-z0-9]+$/];
// C0 and C1 controls, DEL, and the line/paragraph separators a slip or a log would break on.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

export function configEditProblems(patch: ConfigPatch, next: KioskConfig, onDisk: KioskConfig): string[] {
  const problems: string[] = [];
  walkText(patch, '', (field, text) => {
    if (CONTROL.test(text)) problems.push(`${field}: control characters (new lines, tabs, escapes) are not allowed`);
  });
  if (patch.venue && 'url' in patch.venue) {
    let protocol = '';
    try {
      protocol = new URL(String(next.venue.url)).protocol;
    } catch {
      // The schema names a malformed URL.
    }
    if (protocol !== 'https:') problems.push('venue.url: must be an https:// address');
  }
  if (patch.printer && 'uri' in patch.printer) {
    const problem = printerUriProblem(next.printer.uri, onDisk);
    if (problem) problems.push(`printer.uri: ${problem}`);
  }
  return problems;
}

function printerUriProblem(uri: string, policy: KioskConfig): string | null {
  const base = uri.split('?')[0] ?? '';
  if (base === 'sim') return null;
  if (base.startsWith('file:') || base.startsWith('serial:')) {
    const raw = base.slice(base.indexOf(':') + 1).replace(/^\/\/(?=\/)/, '');
    const path = normalize(raw);
    if (path !== raw || !path.startsWith('/')) return `"${raw}" must be an absolute device path without "..", like /dev/usb/lp0`;
    if (base.startsWith('serial:')) return path.startsWith('/dev/') ? null : `a serial printer must be a device under /dev/, not ${path}`;
    if (DEVICE_FILE.some((re) => re.test(path))) return null;
    if (policy.configEdits.printerFilePaths.some((prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`))) return null;
    return `a file printer must be a device (/dev/usb/lp0, /dev/ttyUSB0); other paths only if configEdits.printerFilePaths in the config file on the kiosk lists them`;
  }
  if (base.startsWith('tcp://')) {
    const host = /^tcp:\/\/(\[[^\]]+\]|[^:/]+)/.exec(base)?.[1]?.replace(/^\[|\]$/g, '') ?? '';
    const family = isIP(host);
    if (!family) return `use the printer's IP address, not a name ("${host}")`;
    if (!inNetworks(host, family === 6 ? 'ipv6' : 'ipv4', policy.configEdits.printerNetworks)) {
      return `${host} is outside the printer networks allowed (${policy.configEdits.printerNetworks.join(', ')}); configEdits.printerNetworks in the config file widens them`;
    }
    return null;
  }
  return null;
}

function inNetworks(host: string, family: 'ipv4' | 'ipv6', networks: readonly string[]): boolean {
  const list = new BlockList();
  for (const cidr of networks) {
    const [net, bits] = cidr.split('/');
    const fam = isIP(net ?? '') === 6 ? 'ipv6' : 'ipv4';
    list.addSubnet(net!, Number(bits ?? (fam === 'ipv6' ? 128 : 32)), fam);
  }
  return list.check(host, family);
}

function walkText(value: unknown, path: string, visit: (field: string, text: string) => void): void {
  if (typeof value === 'string') visit(path || '(value)', value);
  else if (Array.isArray(value)) value.forEach((v, i) => walkText(v, `${path}[${i}]`, visit));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walkText(v, path ? `${path}.${k}` : k, visit);
}
