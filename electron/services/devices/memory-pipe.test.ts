import { describe, expect, it } from 'vitest';
import { createMemoryPipe } from './memory-pipe';
import { TransportError } from './byte-transport';

describe('createMemoryPipe', () => {
  it('carries bytes each way asynchronously, as a copy', async () => {
    const [host, device] = createMemoryPipe();
    const atDevice: number[][] = [];
    const atHost: number[][] = [];
    device.onData((c) => atDevice.push([...c]));
    host.onData((c) => atHost.push([...c]));
    const sent = Uint8Array.of(1, 2, 3);
    const written = host.write(sent);
    sent[0] = 9;
    expect(atDevice).toEqual([]); // not synchronously: a real line is not
    await written;
    expect(atDevice).toEqual([[1, 2, 3]]);
    await device.write(Uint8Array.of(4));
    expect(atHost).toEqual([[4]]);
    expect(host.label).toBe('memory:host');
  });

  it('closes both ends once, and refuses writes after', async () => {
    const [host, device] = createMemoryPipe(['a', 'b']);
    let closes = 0;
    host.onClose(() => closes++);
    device.onClose(() => closes++);
    await device.close();
    await host.close();
    expect(closes).toBe(2);
    await expect(host.write(Uint8Array.of(1))).rejects.toBeInstanceOf(TransportError);
    await expect(host.write(Uint8Array.of(1))).rejects.toMatchObject({ beforeSend: true, disconnected: true });
  });

  it('stops delivering to an unsubscribed listener', async () => {
    const [host, device] = createMemoryPipe();
    const got: number[] = [];
    const off = device.onData((c) => got.push(...c));
    await host.write(Uint8Array.of(1));
    off();
    await host.write(Uint8Array.of(2));
    expect(got).toEqual([1]);
  });
});
