/** On a real serial line: a socat PTY pair, both ends opened through `openSerial`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../../../test/support/temp-dir';
import { openSerial } from './serial-opener';
import { TransportError } from './byte-transport';

const dir = makeTempDir('itda-serial-');
const a = join(dir.path, 'a');
const b = join(dir.path, 'b');
let socat: ChildProcess;

beforeAll(async () => {
  socat = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  for (let i = 0; i < 250 && !(existsSync(a) && existsSync(b)); i++) await new Promise((r) => setTimeout(r, 20));
});
afterAll(() => {
  socat?.kill('SIGKILL');
  dir.remove();
});

describe('openSerial', () => {
  it('writes, drains and reads across a PTY pair, and reports a close once', async () => {
    const host = await openSerial({ path: a, baud: 9600 });
    const device = await openSerial({ path: b, baud: 9600 });
    expect(host.label).toBe(`serial:${a}?baud=9600`);
    const got: number[] = [];
    const arrived = new Promise<void>((resolve) =>
      device.onData((c) => {
        got.push(...c);
        if (got.length >= 300) resolve();
      }),
    );
    await host.write(Uint8Array.from({ length: 300 }, (_, i) => i & 0xff));
    await arrived;
    expect(got).toEqual(Array.from({ length: 300 }, (_, i) => i & 0xff));
    let closes = 0;
    host.onClose(() => closes++);
    await host.close();
    await host.close();
    expect(closes).toBe(1);
    await expect(host.write(Uint8Array.of(1))).rejects.toBeInstanceOf(TransportError);
    await device.close();
  });

  it('rejects a missing port with a TransportError that says nothing was sent', async () => {
    await expect(openSerial({ path: join(dir.path, 'nope'), baud: 9600 })).rejects.toMatchObject({ name: 'TransportError', beforeSend: true, disconnected: true });
  });
});
