/**
 * Opens whatever a parsed device address names, except `sim`: the
 * simulator is each device's own (a board or a printer core on a memory
 * pipe), so the device's driver wires it.
 */
import type { ByteTransport } from './byte-transport';
import type { DeviceAddress } from './device-uri';
import { openDeviceFile } from './file-opener';
import { openSerial } from './serial-opener';
import { openTcp } from './tcp-opener';

export type HardwareAddress = Exclude<DeviceAddress, { kind: 'sim' }>;

export function openDevice(address: HardwareAddress, opts: { connectTimeoutMs?: number } = {}): Promise<ByteTransport> {
  switch (address.kind) {
    case 'serial':
      return openSerial({ path: address.path, baud: address.baud });
    case 'tcp':
      return openTcp({ host: address.host, port: address.port, connectTimeoutMs: opts.connectTimeoutMs });
    case 'file':
      return openDeviceFile(address.path);
  }
}
