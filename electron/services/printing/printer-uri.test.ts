import { describe, expect, it } from 'vitest';
import { parsePrinterUri, resolvePrintMode } from './printer-uri';

const defaults = { mode: 'raster' as const, width: 576 as const, cut: 'partial' as const };

describe('printer URIs', () => {
  it.each([
    ['sim', { kind: 'sim' }],
    ['tcp://10.0.0.5:9100', { kind: 'tcp', host: '10.0.0.5', port: 9100 }],
    ['tcp://printer.local', { kind: 'tcp', host: 'printer.local', port: 9100 }],
    ['serial:/dev/ttyUSB0?baud=19200', { kind: 'serial', path: '/dev/ttyUSB0', baud: 19200 }],
    ['serial:/dev/ttyS0', { kind: 'serial', path: '/dev/ttyS0', baud: 19200 }],
    ['file:/dev/usb/lp0', { kind: 'file', path: '/dev/usb/lp0' }],
  ])('%s', (uri, address) => {
    expect(parsePrinterUri(uri, defaults)).toMatchObject({ address, ...defaults });
  });

  it('lets URI options win over the config', () => {
    expect(parsePrinterUri('tcp://h:9100?mode=text&width=384&cut=full', defaults)).toMatchObject({ mode: 'text', width: 384, cut: 'full', label: 'tcp://h:9100' });
  });

  it.each([
    ['lpt1', /unknown kind of printer/],
    ['tcp://h:99999', /port must be/],
    ['serial:/dev/ttyUSB0?baud=1234', /baud must be/],
    ['sim?mode=fancy', /mode must be auto, raster, text or hybrid/],
    ['sim?width=500', /width must be 576/],
    ['sim?speed=9', /unknown option "speed"/],
  ])('rejects %s with a message that says what is allowed', (uri, message) => {
    expect(() => parsePrinterUri(uri, defaults)).toThrow(message);
  });

  it('auto picks raster on TCP, USB and the simulator, hybrid on serial lines up to 38400 baud', () => {
    const auto = { ...defaults, mode: 'auto' as const };
    expect(parsePrinterUri('tcp://h:9100', auto).mode).toBe('raster');
    expect(parsePrinterUri('file:/dev/usb/lp0', auto).mode).toBe('raster');
    expect(parsePrinterUri('sim', auto).mode).toBe('raster');
    expect(parsePrinterUri('serial:/dev/ttyS0?baud=9600', auto).mode).toBe('hybrid');
    expect(parsePrinterUri('serial:/dev/ttyS0?baud=38400', auto).mode).toBe('hybrid');
    expect(parsePrinterUri('serial:/dev/ttyS0?baud=115200', auto).mode).toBe('raster');
  });

  it('prints raster whatever the line or setting when the printer has no Korean font', () => {
    expect(parsePrinterUri('serial:/dev/ttyS0?baud=19200', { ...defaults, mode: 'auto', koreanFont: false })).toMatchObject({ mode: 'raster', koreanFont: false });
    expect(resolvePrintMode('hybrid', { kind: 'serial', path: '/dev/ttyS0', baud: 9600 }, false)).toBe('raster');
    expect(resolvePrintMode('text', { kind: 'tcp', host: 'h', port: 9100 }, true)).toBe('text');
  });
});
