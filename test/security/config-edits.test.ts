/**
 * Staff configuration edits as an attack. Before: a technician could point
 * the printer at `file:` any path and give the venue a name with new lines,
 * so every slip appended attacker lines to, say, a shell profile; `venue.url`
 * took `javascript:`. Each refusal names the field.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../electron/services/config/load-config';
import { planConfigChange, type ConfigPatch } from '../../electron/services/staff/config-editor';
import { makeTempDir } from '../support/temp-dir';

const temps: ReturnType<typeof makeTempDir>[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

function setup(onDisk: Record<string, unknown> = {}) {
  const t = makeTempDir('itda-cfg-');
  temps.push(t);
  const file = join(t.path, 'config.json');
  writeFileSync(file, JSON.stringify(onDisk));
  return { file, current: parseConfig(onDisk) };
}

function refusal(patch: ConfigPatch, onDisk: Record<string, unknown> = {}): string[] {
  const { file, current } = setup(onDisk);
  try {
    planConfigChange(file, current, patch);
  } catch (err) {
    expect((err as { code?: string }).code).toBe('staff.config_invalid');
    return (err as { details?: string[] }).details ?? [];
  }
  return [];
}

describe('printer addresses', () => {
  it('refuses file: printers outside device paths, and serial: outside /dev', () => {
    expect(refusal({ printer: { uri: 'file:/root/.profile' } })).toEqual([expect.stringMatching(/^printer\.uri: a file printer must be a device/)]);
    expect(refusal({ printer: { uri: 'file:/dev/usb/lp0/../../etc/passwd' } })[0]).toMatch(/^printer\.uri: .*without "\.\."/);
    expect(refusal({ printer: { uri: 'file:relative.txt' } })[0]).toMatch(/^printer\.uri: /);
    expect(refusal({ printer: { uri: 'serial:/tmp/fake' } })[0]).toMatch(/^printer\.uri: a serial printer must be a device under \/dev\//);
    expect(refusal({ printer: { uri: 'file:/dev/usb/lp0' } })).toEqual([]);
    expect(refusal({ printer: { uri: 'file:/dev/ttyUSB0?mode=text' } })).toEqual([]);
    expect(refusal({ printer: { uri: 'serial:/dev/ttyS0?baud=9600' } })).toEqual([]);
  });

  it('only the config file on disk can widen the file paths', () => {
    expect(refusal({ printer: { uri: 'file:/var/spool/itda/slips.bin' } }, { configEdits: { printerFilePaths: ['/var/spool/itda'] } })).toEqual([]);
    expect(refusal({ printer: { uri: 'file:/var/spool/itda-other/x' } }, { configEdits: { printerFilePaths: ['/var/spool/itda'] } })[0]).toMatch(/^printer\.uri:/);
  });

  it('keeps tcp:// printers inside the configured private networks, by IP address', () => {
    expect(refusal({ printer: { uri: 'tcp://192.168.0.50:9100' } })).toEqual([]);
    expect(refusal({ printer: { uri: 'tcp://8.8.8.8:9100' } })[0]).toMatch(/^printer\.uri: 8\.8\.8\.8 is outside the printer networks allowed/);
    expect(refusal({ printer: { uri: 'tcp://printer.example.com:9100' } })[0]).toMatch(/^printer\.uri: use the printer's IP address/);
    expect(refusal({ printer: { uri: 'tcp://192.168.0.50:9100' } }, { configEdits: { printerNetworks: ['10.1.0.0/16'] } })[0]).toMatch(/outside/);
  });
});

describe('text fields', () => {
  it('refuses new lines and other control characters in any text, naming the field', () => {
    expect(refusal({ venue: { name: { ko: '잇다\necho pwned >> ~/.profile', en: 'Itda' } } })).toEqual(['venue.name.ko: control characters (new lines, tabs, escapes) are not allowed']);
    expect(refusal({ venue: { hours: { ko: '10:00', en: 'ten\u001b[2Jo’clock' } } })).toEqual(['venue.hours.en: control characters (new lines, tabs, escapes) are not allowed']);
    expect(refusal({ vending: { slots: [{ slot: 1, category: 'tea', item: { ko: '차\t', en: 'Tea' }, capacity: 10 }] } })[0]).toMatch(/^vending\.slots\[0\]\.item\.ko: control characters/);
  });

  it('venue.url is https only', () => {
    for (const url of ['javascript:alert(1)', 'http://itda.example', 'file:///etc/passwd']) {
      const problems = refusal({ venue: { url } });
      expect(problems.some((p) => p.startsWith('venue.url') || p.includes('venue.url'))).toBe(true);
    }
    expect(refusal({ venue: { url: 'https://itda.seoul.go.kr/place' } })).toEqual([]);
  });

  it('a refused edit writes nothing', () => {
    const { file, current } = setup({ venue: { name: { ko: '서울잇다플레이스', en: 'Seoul Itda Place' } } });
    const before = readFileSync(file, 'utf8');
    expect(() => planConfigChange(file, current, { venue: { name: { ko: 'a\nb', en: 'x' } } })).toThrow();
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(existsSync(`${file}.tmp-${process.pid}`)).toBe(false);
  });
});
