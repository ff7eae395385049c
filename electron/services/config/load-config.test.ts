import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, parseConfig } from './load-config';
import { resolveRuntimeOptions, parseFlags } from './runtime-options';
import { makeTempDir } from '../../../test/support/temp-dir';

let dirs: { remove(): void }[] = [];
afterEach(() => {
  dirs.forEach((d) => d.remove());
  dirs = [];
});
function file(content: string) {
  const d = makeTempDir();
  dirs.push(d);
  const f = join(d.path, 'config.json');
  writeFileSync(f, content);
  return f;
}
function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('kiosk config', () => {
  it('runs a fresh install on defaults: simulators, 60 s idle, Korean first', () => {
    const c = parseConfig({});
    expect(c.printer.uri).toBe('sim');
    expect(c.vending.uri).toBe('sim');
    expect(c.idleSeconds).toBe(60);
    expect(c.idleCountdownSeconds).toBe(15);
    expect(c.languages).toEqual(['ko', 'en']);
    expect(c.defaultLanguage).toBe('ko');
    expect(c.venue.name.ko).toBe('서울잇다플레이스');
  });

  it('names the field, the bad value and what is allowed', () => {
    const problems = problemsOf(() => parseConfig({ idleSeconds: 'soon' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('field "idleSeconds"');
    expect(problems[0]).toContain('got "soon"');
    expect(problems[0]).toMatch(/number/);
  });

  it('reports nested fields by their path and all problems at once', () => {
    const problems = problemsOf(() => parseConfig({ venue: { url: 'not a url' }, idleSeconds: 1, kioskId: 'Kiosk 1' }));
    expect(problems.some((p) => p.includes('"venue.url"') && p.includes('"not a url"'))).toBe(true);
    expect(problems.some((p) => p.includes('"idleSeconds"') && p.includes('got 1'))).toBe(true);
    expect(problems.some((p) => p.includes('"kioskId"') && p.includes('lowercase letters'))).toBe(true);
  });

  it('refuses unknown fields so a typo is never silently ignored', () => {
    const problems = problemsOf(() => parseConfig({ idleSecond: 30 }));
    expect(problems[0]).toContain('"idleSecond"');
  });

  it('refuses a default language the kiosk does not offer', () => {
    const problems = problemsOf(() => parseConfig({ languages: ['en'], defaultLanguage: 'ko' }));
    expect(problems[0]).toContain('defaultLanguage');
  });

  it('says which file is not JSON, and refuses a missing file that was named explicitly', () => {
    const f = file('{ "idleSeconds": 30, }');
    expect(problemsOf(() => loadConfig({ file: f, required: true, env: {} }))[0]).toMatch(/not valid JSON/);
    expect(problemsOf(() => loadConfig({ file: f + '.missing', required: true, env: {} }))[0]).toMatch(/does not exist/);
    expect(loadConfig({ file: f + '.missing', required: false, env: {} }).idleSeconds).toBe(60);
  });

  it('lets ITDA_PRINTER, ITDA_VENDING and ITDA_IDLE_SECONDS win over the file, validated the same way', () => {
    const f = file(JSON.stringify({ idleSeconds: 90, printer: { uri: 'sim' } }));
    const c = loadConfig({
      file: f,
      required: true,
      env: { ITDA_PRINTER: 'tcp://127.0.0.1:9100', ITDA_VENDING: 'serial:/dev/ttyUSB1?baud=9600', ITDA_IDLE_SECONDS: '5' },
    });
    expect(c.printer.uri).toBe('tcp://127.0.0.1:9100');
    expect(c.vending.uri).toBe('serial:/dev/ttyUSB1?baud=9600');
    expect(c.idleSeconds).toBe(5);
    expect(problemsOf(() => loadConfig({ file: f, required: true, env: { ITDA_IDLE_SECONDS: 'abc' } }))[0]).toContain('"abc"');
  });
});

describe('runtime options', () => {
  it('takes flags over environment over defaults', () => {
    const env = { ITDA_DATA_DIR: '/srv/itda', ITDA_PORT: '6000', ITDA_CONFIG: '/etc/itda.json' };
    const fromEnv = resolveRuntimeOptions({}, env, { dataDir: '/default' });
    expect(fromEnv).toMatchObject({ dataDir: '/srv/itda', port: 6000, configFile: '/etc/itda.json', configRequired: true, host: '127.0.0.1' });
    const fromFlags = resolveRuntimeOptions(parseFlags(['--data', '/x', '--port=7000', '--config', '/c.json']), env, { dataDir: '/default' });
    expect(fromFlags).toMatchObject({ dataDir: '/x', port: 7000, configFile: '/c.json' });
    const defaults = resolveRuntimeOptions({}, {}, { dataDir: '/default' });
    expect(defaults).toMatchObject({ dataDir: '/default', port: 5180, configFile: '/default/config.json', configRequired: false });
  });

  it('refuses a port that is not a port', () => {
    expect(() => resolveRuntimeOptions({ port: 'eighty' }, {}, { dataDir: '/d' })).toThrow(/port must be a whole number/);
  });
});
