import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices, type Services } from './compose';
import { parseConfig } from './config/load-config';
import { createLogger } from './app/logger';
import { makeTempDir } from '../../test/support/temp-dir';

let services: Services | null = null;
let dir: ReturnType<typeof makeTempDir>;
afterEach(async () => {
  await services?.close();
  services = null;
  dir.remove();
});

const secretBox = {
  isEncryptionAvailable: () => true,
  encryptString: (plain: string) => Buffer.from('sealed:' + Buffer.from(plain).toString('hex')),
  decryptString: (sealed: Buffer) => Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'hex').toString(),
};

async function checkIn(s: Services) {
  const requestId = 'visit-key-test-1';
  expect(await s.dispatch('store.start', { requestId, consent: true })).toMatchObject({ ok: true });
  expect(await s.dispatch('store.identify', { requestId, nickname: '해바라기', phone: '010-1234-5678' })).toMatchObject({ ok: true });
}

describe('shipped domains', () => {
  it('seal the visitor-data key with the platform keychain when the host offers one', async () => {
    dir = makeTempDir();
    services = await composeServices({
      dataDir: dir.path,
      config: parseConfig({}),
      host: 'electron',
      version: 't',
      logger: createLogger({ dir: null, echo: false }),
      platform: { secretBox },
    });
    await checkIn(services);
    expect(existsSync(join(dir.path, 'keys', 'visitor.key'))).toBe(false);
    expect(readFileSync(join(dir.path, 'keys', 'visitor.key.sealed'), 'utf8')).toMatch(/^sealed:/);
  });

  it('keep an owner-only key file where the host has no keychain (web host, CLIs)', async () => {
    dir = makeTempDir();
    services = await composeServices({ dataDir: dir.path, config: parseConfig({}), host: 'web', version: 't', logger: createLogger({ dir: null, echo: false }) });
    await checkIn(services);
    const key = join(dir.path, 'keys', 'visitor.key');
    expect(existsSync(key)).toBe(true);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dir.path, 'keys', 'visitor.key.sealed'))).toBe(false);
  });
});
