import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../../../test/support/temp-dir';
import { openDeviceFile } from './file-opener';

const dir = makeTempDir('itda-devfile-');
afterAll(() => dir.remove());

describe('openDeviceFile', () => {
  it('writes every byte, cannot read, and closes once', async () => {
    const path = join(dir.path, 'lp0');
    const t = await openDeviceFile(path);
    expect(t.canRead).toBe(false);
    expect(t.label).toBe(`file:${path}`);
    await t.write(Uint8Array.from({ length: 5000 }, (_, i) => i & 0xff));
    let closes = 0;
    t.onClose(() => closes++);
    await t.close();
    await t.close();
    expect(closes).toBe(1);
    expect([...readFileSync(path)]).toEqual(Array.from({ length: 5000 }, (_, i) => i & 0xff));
    await expect(t.write(Uint8Array.of(1))).rejects.toMatchObject({ name: 'TransportError', beforeSend: true });
  });

  it('rejects a path that cannot be opened', async () => {
    await expect(openDeviceFile(join(dir.path, 'no', 'such', 'dir', 'lp0'))).rejects.toMatchObject({ name: 'TransportError', disconnected: true });
  });
});
