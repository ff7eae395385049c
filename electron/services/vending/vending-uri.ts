/**
 * Where the cabinet is: `sim` or `serial:/dev/ttyUSB1?baud=9600` (9600 when
 * absent), in the devices' one address grammar. A bad URI throws the
 * grammar's `DeviceUriError` (a `TypeError`) naming what is allowed.
 */
import { parseDeviceUri } from '../devices/device-uri';
import { SUPPORTED_BAUDS } from './vmc-codes';

export type VendingUri = { kind: 'sim' } | { kind: 'serial'; path: string; baud: number };

export function parseVendingUri(uri: string): VendingUri {
  const { address } = parseDeviceUri(uri, { device: 'vending', kinds: ['sim', 'serial'], bauds: SUPPORTED_BAUDS, defaultBaud: 9600 });
  return address as VendingUri;
}
