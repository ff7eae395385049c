import { describe, expect, it } from 'vitest';
import { DeviceUriError, parseDeviceUri, type DeviceUriRules } from './device-uri';
import { PRINTER_URI_RULES } from '../printing/printer-uri';

const vending: DeviceUriRules = { device: 'vending', kinds: ['sim', 'serial'], bauds: [9600, 19200, 38400, 115200], defaultBaud: 9600 };
// The printer's own rules, as the printing stack reads its address with them.
const printer = PRINTER_URI_RULES;

describe('parseDeviceUri', () => {
  it('reads the four kinds of address', () => {
    expect(parseDeviceUri('sim', printer)).toEqual({ address: { kind: 'sim' }, options: {}, label: 'sim' });
    expect(parseDeviceUri('tcp://10.0.0.5:9101', printer).address).toEqual({ kind: 'tcp', host: '10.0.0.5', port: 9101 });
    expect(parseDeviceUri('tcp://printer.local', printer).address).toEqual({ kind: 'tcp', host: 'printer.local', port: 9100 });
    expect(parseDeviceUri('tcp://[::1]:9100', printer).address).toEqual({ kind: 'tcp', host: '::1', port: 9100 });
    expect(parseDeviceUri('serial:/dev/ttyUSB0?baud=38400', printer).address).toEqual({ kind: 'serial', path: '/dev/ttyUSB0', baud: 38400 });
    expect(parseDeviceUri('serial:///dev/ttyS1', printer).address).toEqual({ kind: 'serial', path: '/dev/ttyS1', baud: 19200 });
    expect(parseDeviceUri('file:/dev/usb/lp0', printer).address).toEqual({ kind: 'file', path: '/dev/usb/lp0' });
  });

  it("gives the device's own options back and keeps them off the label", () => {
    expect(parseDeviceUri('tcp://10.0.0.5:9100?mode=text&width=384', printer)).toEqual({
      address: { kind: 'tcp', host: '10.0.0.5', port: 9100 },
      options: { mode: 'text', width: '384' },
      label: 'tcp://10.0.0.5:9100',
    });
    expect(parseDeviceUri('serial:/dev/ttyUSB1?baud=9600', vending).options).toEqual({});
  });

  it('defaults the baud per device', () => {
    expect(parseDeviceUri('serial:/dev/ttyUSB1', vending).address).toEqual({ kind: 'serial', path: '/dev/ttyUSB1', baud: 9600 });
    expect(parseDeviceUri('serial:/dev/ttyUSB1', printer).address).toEqual({ kind: 'serial', path: '/dev/ttyUSB1', baud: 19200 });
  });

  it('refuses, with one error type that says what is allowed', () => {
    const bad: [string, DeviceUriRules, RegExp][] = [
      ['tcp://10.0.0.5:9100', vending, /cannot be at a tcp address.*Use sim, serial:/],
      ['serial:/dev/x?baud=57600', vending, /baud must be one of 9600, 19200, 38400, 115200/],
      ['serial:/dev/x?speed=9600', vending, /unknown option "speed" \(baud\)/],
      ['sim?mode=text', vending, /unknown option "mode"/],
      ['usb:0', printer, /unknown kind of printer address/],
      ['tcp://host:99999', printer, /port must be 1..65535/],
      ['tcp://host:9100?colour=red', printer, /unknown option "colour" \(mode, width, cut\)/],
      ['serial:', printer, /expected serial:/],
      ['file:', printer, /expected file:/],
    ];
    for (const [uri, rules, message] of bad) {
      let err: unknown;
      try {
        parseDeviceUri(uri, rules);
      } catch (e) {
        err = e;
      }
      expect(err, uri).toBeInstanceOf(DeviceUriError);
      expect(err, uri).toBeInstanceOf(TypeError);
      expect((err as Error).message, uri).toMatch(message);
      expect((err as DeviceUriError).device).toBe(rules.device);
    }
  });

  it('needs a port for tcp when the device has no default', () => {
    expect(() => parseDeviceUri('tcp://host', { ...printer, defaultTcpPort: undefined })).toThrow(/a port is needed/);
  });
});
