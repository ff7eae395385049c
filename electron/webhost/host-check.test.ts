import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkHost } from './host-check';
import { resolveRuntimeOptions } from '../services/config/runtime-options';
import { makeTempDir } from '../../test/support/temp-dir';

let dir: ReturnType<typeof makeTempDir>;
afterEach(() => dir?.remove());

function setup(config: string | null, withScreens = true) {
  dir = makeTempDir('itda-check-');
  const configFile = join(dir.path, 'config.json');
  if (config !== null) writeFileSync(configFile, config);
  const renderer = join(dir.path, 'renderer');
  if (withScreens) {
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<div id="root"></div>');
  }
  const rt = resolveRuntimeOptions({ data: join(dir.path, 'data'), config: configFile }, {}, { dataDir: '/unused' });
  return { rt, renderer };
}

describe('checkHost (itda-host --check)', () => {
  it('passes config, data dir, database, disk and screens on a fresh install', () => {
    const { rt, renderer } = setup('{}');
    const lines = checkHost(rt, renderer, {});
    expect(lines.map((l) => [l.what, l.ok])).toEqual([
      ['config', true],
      ['data dir', true],
      ['database', true],
      ['disk', true],
      ['screens', true],
    ]);
    expect(lines.find((l) => l.what === 'database')!.detail).toMatch(/integrity ok, \d+ migrations applied/);
  });

  it('names the bad config field and the missing build, and still checks the rest', () => {
    const { rt, renderer } = setup('{ "idleSeconds": "soon" }', false);
    const lines = checkHost(rt, renderer, {});
    const config = lines.find((l) => l.what === 'config')!;
    expect(config.ok).toBe(false);
    expect(config.detail).toContain('idleSeconds');
    expect(lines.find((l) => l.what === 'database')!.ok).toBe(true);
    expect(lines.find((l) => l.what === 'screens')).toMatchObject({ ok: false, detail: expect.stringContaining('npm run build') });
  });

  it('says so when a named config file is missing', () => {
    const { rt, renderer } = setup(null);
    expect(checkHost(rt, renderer, {}).find((l) => l.what === 'config')).toMatchObject({ ok: false, detail: expect.stringContaining('does not exist') });
  });

  it('reports a database that is not SQLite as failed, without changing it', () => {
    const { rt, renderer } = setup('{}');
    mkdirSync(rt.dataDir, { recursive: true });
    const junk = 'this is not a database, just text long enough to be read as a header....';
    writeFileSync(join(rt.dataDir, 'itda.db'), junk);
    const db = checkHost(rt, renderer, {}).find((l) => l.what === 'database')!;
    expect(db.ok).toBe(false);
    expect(readFileSync(join(rt.dataDir, 'itda.db'), 'utf8')).toBe(junk);
  });
});
