import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dateClock } from '../devices/device-clock';
import { VmcClient, VmcLinkDownError, type FrameLogEntry } from './vmc-client';
import { Cmd, Reply } from './vmc-codes';
import { encodeFrame, FrameDecoder, toHex, type VmcFrame } from './vmc-frame';
import { createMemoryPipe } from '../devices/memory-pipe';
import type { ByteTransport } from '../devices/byte-transport';

/** A scripted board end: records what the host sent, answers with a function of the frame. */
function setup(baud = 9600, answer: (f: VmcFrame, n: number) => Uint8Array[] | null = (f) => [encodeFrame({ seq: f.seq, cmd: f.cmd | 0x80, data: new Uint8Array() })]) {
  const [host, board] = createMemoryPipe();
  const received: VmcFrame[] = [];
  const raw: string[] = [];
  const decoder = new FrameDecoder();
  const log: FrameLogEntry[] = [];
  const ctl = { answer };
  board.onData((chunk) => {
    for (const ev of decoder.push(chunk, Date.now())) {
      if (ev.kind !== 'frame') continue;
      received.push(ev.frame);
      raw.push(toHex(ev.bytes));
      for (const r of ctl.answer(ev.frame, received.length) ?? []) void board.write(r);
    }
  });
  const client = new VmcClient(host, { baud, clock: dateClock, initialSeq: 6, onFrame: (e) => log.push(e) });
  return { client, received, raw, ctl, board: board as ByteTransport, log };
}
const pong = (seq: number) => encodeFrame({ seq, cmd: Reply.PONG, data: new TextEncoder().encode('T-1') });
const nak = (seq = 0) => encodeFrame({ seq, cmd: Reply.NAK, data: new Uint8Array() });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('VmcClient', () => {
  it('numbers each new command with the next SEQ, wrapping 255 to 0', async () => {
    const s = setup();
    expect(s.client.linkUp).toBe(false);
    const a = await s.client.request(Cmd.PING);
    const b = await s.client.request(Cmd.STATUS);
    expect([a.seq, b.seq]).toEqual([7, 8]);
    expect(s.received.map((f) => f.seq)).toEqual([7, 8]);
    const w = setup(9600);
    (w.client as unknown as { seq: number }).seq = 254;
    expect((await w.client.request(Cmd.PING)).seq).toBe(255);
    expect((await w.client.request(Cmd.PING)).seq).toBe(0);
  });

  it('marks the link up when PING is answered', async () => {
    const s = setup();
    const ups: boolean[] = [];
    s.client.onLinkChange((u) => ups.push(u));
    await s.client.request(Cmd.PING);
    expect(s.client.linkUp).toBe(true);
    expect(ups).toEqual([true]);
  });

  it('resends the identical frame after the 500 ms timeout at 9600 baud, and takes a late reply to any send', async () => {
    const s = setup(9600, (f, n) => (n < 3 ? null : [pong(f.seq)]));
    const p = s.client.request(Cmd.PING);
    await vi.advanceTimersByTimeAsync(499);
    expect(s.received).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.received).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(500);
    const ex = await p;
    expect(ex.sends).toBe(3);
    expect(new Set(s.raw).size).toBe(1); // identical bytes, same SEQ
  });

  it.each([
    [19200, 300],
    [38400, 200],
    [115200, 200],
  ])('times out after the spec value at %i baud (%i ms)', async (baud, ms) => {
    const s = setup(baud, () => null);
    const p = s.client.request(Cmd.PING).catch((e) => e);
    await vi.advanceTimersByTimeAsync(ms - 1);
    expect(s.received).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.received).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(ms * 4);
    expect(await p).toBeInstanceOf(VmcLinkDownError);
  });

  it('gives up after 4 sends: link down, and DISPENSE is refused without a byte until PING is answered', async () => {
    const s = setup(9600, () => null);
    const first = s.client.request(Cmd.PING).catch((e) => e);
    const p = s.client.request(Cmd.STATUS).catch((e) => e);
    await vi.advanceTimersByTimeAsync(4000);
    expect(await first).toBeInstanceOf(VmcLinkDownError);
    const err = await p;
    expect(err).toBeInstanceOf(VmcLinkDownError);
    expect(err.sent).toBe(true);
    expect(s.received).toHaveLength(4 + 4);
    expect(s.client.linkUp).toBe(false);
    const d = await s.client.request(Cmd.DISPENSE, Uint8Array.of(0, 0, 0, 1, 1)).catch((e) => e);
    expect(d).toBeInstanceOf(VmcLinkDownError);
    expect(d.sent).toBe(false);
    expect(s.received.filter((f) => f.cmd === Cmd.DISPENSE)).toHaveLength(0);
    s.ctl.answer = (f) => [pong(f.seq)];
    await s.client.request(Cmd.PING);
    expect(s.client.linkUp).toBe(true);
    s.ctl.answer = (f) => [encodeFrame({ seq: f.seq, cmd: Reply.ACCEPTED, data: f.data.slice(0, 4) })];
    expect((await s.client.request(Cmd.DISPENSE, Uint8Array.of(0, 0, 0, 1, 1))).reply.cmd).toBe(Reply.ACCEPTED);
  });

  it('a NAK of any SEQ makes it resend at once, counted among the 4 sends', async () => {
    const s = setup(9600, (f, n) => (n === 1 ? [nak(0)] : n === 2 ? [nak(77)] : [pong(f.seq)]));
    const ex = await s.client.request(Cmd.PING);
    expect(ex.sends).toBe(3);
    const s2 = setup(9600, () => [nak()]);
    const err = await s2.client.request(Cmd.PING).catch((e) => e);
    expect(err).toBeInstanceOf(VmcLinkDownError);
    expect(s2.received).toHaveLength(4);
  });

  it('ignores a NAK while no command is outstanding', async () => {
    const s = setup();
    void s.board.write(nak());
    await vi.advanceTimersByTimeAsync(10);
    expect(s.received).toHaveLength(0);
    expect(s.log.map((e) => e.note)).toEqual(['nak']);
  });

  it('discards stale replies (other SEQ, or a reply code the command does not expect) and keeps waiting', async () => {
    const s = setup(9600, (f) => [
      pong(f.seq - 1),
      encodeFrame({ seq: f.seq, cmd: Reply.ACCEPTED, data: Uint8Array.of(0, 0, 0, 1) }),
      encodeFrame({ seq: f.seq, cmd: Reply.STATUS, data: Uint8Array.of(0, 10) }),
    ]);
    const ex = await s.client.request(Cmd.STATUS);
    expect(ex.reply.cmd).toBe(Reply.STATUS);
    expect(ex.sends).toBe(1);
    expect(s.log.filter((e) => e.note === 'stale')).toHaveLength(2);
  });

  it('accepts ERROR as the reply and drops a damaged reply without NAK, then resends on timeout', async () => {
    const s = setup(9600, (f, n) => {
      const r = encodeFrame({ seq: f.seq, cmd: Reply.ERROR, data: Uint8Array.of(5) });
      if (n === 1) r[r.length - 2] ^= 1;
      return [r];
    });
    const p = s.client.request(Cmd.DISPENSE, Uint8Array.of(0, 0, 0, 9, 1)).catch((e) => e);
    // DISPENSE needs the link up first.
    expect(await p).toBeInstanceOf(VmcLinkDownError);
    s.ctl.answer = (f, n) => {
      if (f.cmd === Cmd.PING) return [pong(f.seq)];
      const r = encodeFrame({ seq: f.seq, cmd: Reply.ERROR, data: Uint8Array.of(5) });
      if (n === 2) r[r.length - 2] ^= 1;
      return [r];
    };
    await s.client.request(Cmd.PING);
    const q = s.client.request(Cmd.DISPENSE, Uint8Array.of(0, 0, 0, 9, 1));
    await vi.advanceTimersByTimeAsync(600);
    const ex = await q;
    expect(ex.reply.cmd).toBe(Reply.ERROR);
    expect(ex.sends).toBe(2);
    expect(s.received.some((f) => f.cmd === Reply.NAK)).toBe(false);
  });

  it('keeps one command outstanding: the second goes out only after the first is answered', async () => {
    const s = setup(9600, (f) => (f.cmd === Cmd.PING ? null : [encodeFrame({ seq: f.seq, cmd: Reply.STATUS, data: Uint8Array.of(0, 1) })]));
    const a = s.client.request(Cmd.PING).catch((e) => e);
    const b = s.client.request(Cmd.STATUS);
    await vi.advanceTimersByTimeAsync(100);
    expect(s.received.map((f) => f.cmd)).toEqual([Cmd.PING]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(await a).toBeInstanceOf(VmcLinkDownError);
    expect((await b).reply.cmd).toBe(Reply.STATUS);
    expect(s.received.map((f) => f.cmd)).toEqual([Cmd.PING, Cmd.PING, Cmd.PING, Cmd.PING, Cmd.STATUS]);
    expect(s.received[4].seq).toBe((s.received[0].seq + 1) & 0xff);
  });

  it('fails the outstanding command as link down when the port closes', async () => {
    const s = setup(9600, () => null);
    const p = s.client.request(Cmd.PING).catch((e) => e);
    await vi.advanceTimersByTimeAsync(10);
    await s.board.close();
    const err = await p;
    expect(err).toBeInstanceOf(VmcLinkDownError);
    expect(s.client.isClosed).toBe(true);
  });
});
