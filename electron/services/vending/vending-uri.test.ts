import { describe, expect, it } from 'vitest';
import { DeviceUriError } from '../devices/device-uri';
import { parseVendingUri } from './vending-uri';

describe('parseVendingUri', () => {
  it('reads sim and serial ports with a baud', () => {
    expect(parseVendingUri('sim')).toEqual({ kind: 'sim' });
    expect(parseVendingUri('serial:/dev/ttyUSB1')).toEqual({ kind: 'serial', path: '/dev/ttyUSB1', baud: 9600 });
    expect(parseVendingUri('serial:/dev/ttyUSB1?baud=115200')).toEqual({ kind: 'serial', path: '/dev/ttyUSB1', baud: 115200 });
  });

  it('refuses what the cabinet cannot use, with the devices’ one error type', () => {
    for (const uri of ['serial:/dev/x?baud=57600', 'tcp://x:1', 'serial:/dev/x?speed=9600', 'file:/dev/lp0', 'bluetooth']) {
      expect(() => parseVendingUri(uri), uri).toThrow(DeviceUriError);
      expect(() => parseVendingUri(uri), uri).toThrow(TypeError);
    }
  });
});
