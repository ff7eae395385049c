/** A host that does not come up in time is killed, never left running. */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeTempDir } from '../../test/support/temp-dir';
import { startKioskProcess } from './kiosk-process';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('startKioskProcess', () => {
  it('kills a host that misses its start deadline', async () => {
    // A stand-in project whose "web host" writes its pid and never says it is ready.
    const dir = makeTempDir('itda-kp-');
    try {
      mkdirSync(join(dir.path, 'electron/chaos'), { recursive: true });
      symlinkSync(resolve(__dirname, '../../node_modules'), join(dir.path, 'node_modules'));
      writeFileSync(
        join(dir.path, 'electron/chaos/chaos-host.ts'),
        `import { writeFileSync } from 'node:fs';\nwriteFileSync(process.argv[process.argv.indexOf('--data') + 1] + '/pid', String(process.pid));\nsetInterval(() => {}, 1000);\n`,
      );
      const err = await startKioskProcess({ root: dir.path, dataDir: dir.path, configFile: join(dir.path, 'c.json'), timeoutMs: 20_000 }).catch((e) => e);
      expect(String(err)).toMatch(/did not start in time/);
      expect(existsSync(join(dir.path, 'pid'))).toBe(true);
      const pid = Number(readFileSync(join(dir.path, 'pid'), 'utf8'));
      await expect.poll(() => alive(pid), { timeout: 10_000 }).toBe(false);
    } finally {
      dir.remove();
    }
  }, 90_000);
});
