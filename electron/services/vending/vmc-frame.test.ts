import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc16, encodeFrame, FrameDecoder, fromHex, toHex, type DecodeEvent, type VmcFrame } from './vmc-frame';

const frames = (evs: DecodeEvent[]) => evs.filter((e) => e.kind === 'frame').map((e) => (e as { bytes: Uint8Array }).bytes);
const hexes = (evs: DecodeEvent[]) => frames(evs).map(toHex);

describe('CRC-16/CCITT-FALSE', () => {
  it('has the check value 0x29B1 for "123456789"', () => {
    expect(crc16(new TextEncoder().encode('123456789'))).toBe(0x29b1);
  });
});

describe('spec worked examples', () => {
  const cases: [string, VmcFrame, string][] = [
    ['PING, SEQ 7', { seq: 7, cmd: 0x01, data: new Uint8Array() }, '02 02 07 01 2B 4A 03'],
    ['PONG VMC-1.4', { seq: 7, cmd: 0x81, data: new TextEncoder().encode('VMC-1.4') }, '02 09 07 81 56 4D 43 2D 31 2E 34 F0 F6 03'],
    ['DISPENSE TXN 1 slot 3', { seq: 8, cmd: 0x10, data: fromHex('00 00 00 01 03') }, '02 07 08 10 00 00 00 01 03 7C 5D 03'],
    ['ACCEPTED TXN 1', { seq: 8, cmd: 0x90, data: fromHex('00 00 00 01') }, '02 06 08 90 00 00 00 01 6B 02 03'],
    ['NAK', { seq: 0, cmd: 0x15, data: new Uint8Array() }, '02 02 00 15 E0 68 03'],
  ];
  it.each(cases)('%s encodes to the spec bytes and decodes back', (_name, frame, hex) => {
    expect(toHex(encodeFrame(frame))).toBe(hex);
    const evs = new FrameDecoder().push(fromHex(hex), 0);
    expect(evs).toHaveLength(1);
    expect(evs[0].kind).toBe('frame');
    const got = (evs[0] as { frame: VmcFrame }).frame;
    expect([got.seq, got.cmd, toHex(got.data)]).toEqual([frame.seq, frame.cmd, toHex(frame.data)]);
  });
});

describe('receiving rules', () => {
  const ping = '02 02 07 01 2B 4A 03';
  it('rule 1: drops bytes outside a frame', () => {
    expect(hexes(new FrameDecoder().push(fromHex('FF 03 00 ' + ping + ' 55'), 0))).toEqual([ping]);
  });
  it('rule 2: a LEN outside 2..252 drops only the STX', () => {
    expect(hexes(new FrameDecoder().push(fromHex('02 01 ' + ping), 0))).toEqual([ping]);
    expect(hexes(new FrameDecoder().push(fromHex('02 FD ' + ping), 0))).toEqual([ping]);
  });
  it('rule 3: a missing ETX drops the candidate silently; a bad CRC reports crc_error (the VMC NAKs)', () => {
    const noEtx = new FrameDecoder().push(fromHex('02 02 07 01 2B 4A 00'), 0);
    expect(noEtx).toEqual([]);
    const badCrc = new FrameDecoder().push(fromHex('02 02 07 01 2B 4B 03'), 0);
    expect(badCrc.map((e) => e.kind)).toEqual(['crc_error']);
  });
  it('rule 4: after a drop the search resumes at the next byte, not after the claimed length', () => {
    // The bad candidate claims 5 bytes that hold the start of a good frame.
    expect(hexes(new FrameDecoder().push(fromHex('02 02 ' + ping), 0))).toEqual([ping]);
  });
  it('LEN 02 equal to STX, and 02/03 inside SEQ, DATA and CRC, never confuse it', () => {
    const f = encodeFrame({ seq: 2, cmd: 0x11, data: fromHex('02 03 02 03') });
    expect(hexes(new FrameDecoder().push(f, 0))).toEqual([toHex(f)]);
    const seq3 = encodeFrame({ seq: 3, cmd: 0x01, data: new Uint8Array() });
    expect(hexes(new FrameDecoder().push(seq3, 0))).toEqual([toHex(seq3)]);
  });
  it('rule 5: after 100 ms without a byte an incomplete candidate is dropped and held bytes searched again', () => {
    const d = new FrameDecoder();
    // A candidate claiming 252 bytes hides a complete frame only the timeout can free... unless rule 6 finds it.
    expect(d.push(fromHex('02 30 11'), 0)).toEqual([]);
    expect(d.pending).toBe(3);
    expect(d.expire(99)).toEqual([]);
    expect(d.expire(100)).toEqual([]);
    expect(d.pending).toBe(0);
    expect(hexes(d.push(fromHex(ping), 150))).toEqual([ping]);
  });
  it('rule 5: a frame split with a pause of 100 ms is dropped', () => {
    const d = new FrameDecoder();
    const bytes = fromHex(ping);
    expect(d.push(bytes.slice(0, 3), 0)).toEqual([]);
    expect(d.push(bytes.slice(3), 100)).toEqual([]);
    expect(hexes(d.push(bytes, 120))).toEqual([ping]);
  });
  it('a frame split with short pauses is found', () => {
    const d = new FrameDecoder();
    const bytes = fromHex(ping);
    let out: string[] = [];
    for (let i = 0; i < bytes.length; i++) out = out.concat(hexes(d.push(bytes.slice(i, i + 1), i * 50)));
    expect(out).toEqual([ping]);
  });
  it('rule 6: an incomplete candidate is dropped at once when a valid frame follows in the bytes', () => {
    expect(hexes(new FrameDecoder().push(fromHex('02 40 ' + ping), 0))).toEqual([ping]);
  });
});

describe('property: noise, split chunks and garbage', () => {
  const frameArb = fc.record({
    seq: fc.integer({ min: 0, max: 255 }),
    cmd: fc.integer({ min: 0, max: 255 }),
    data: fc.uint8Array({ maxLength: 40 }),
  });
  // Noise rich in STX/ETX and small LENs, the bytes most likely to confuse a receiver.
  const noiseArb = fc.array(fc.oneof(fc.constantFrom(0x02, 0x03, 0x04, 0x07), fc.integer({ min: 0, max: 255 })), { maxLength: 12 });

  it('never yields a frame that was not sent, and loses none when pauses separate noise from frames', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(noiseArb, frameArb), { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 10 }), (parts, cuts) => {
        const sent = parts.map(([, f]) => toHex(encodeFrame(f)));
        const d = new FrameDecoder();
        const got: string[] = [];
        let t = 0;
        for (const [noise, f] of parts) {
          // Noise, then a pause, as on a real line where garbage precedes a sender's burst.
          got.push(...hexes(d.push(Uint8Array.from(noise), t)));
          t += 150;
          const bytes = encodeFrame(f);
          let i = 0;
          let c = 0;
          while (i < bytes.length) {
            const n = cuts[c++ % cuts.length];
            got.push(...hexes(d.push(bytes.slice(i, i + n), t)));
            i += n;
            t += 1;
          }
        }
        got.push(...hexes(d.expire(t + 200)));
        expect(got).toEqual(sent);
      }),
      { numRuns: 300 },
    );
  });

  it('back-to-back garbage and frames with no pauses: every frame found is one that was sent, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(noiseArb, frameArb), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 9 }), (parts, chunk) => {
        const all = parts.flatMap(([n, f]) => [...n, ...encodeFrame(f)]);
        const sent = parts.map(([, f]) => toHex(encodeFrame(f)));
        const d = new FrameDecoder();
        const got: string[] = [];
        for (let i = 0; i < all.length; i += chunk) got.push(...hexes(d.push(Uint8Array.from(all.slice(i, i + chunk)), 0)));
        got.push(...hexes(d.expire(1000)));
        // A subsequence of what was sent: nothing invented, nothing out of order.
        let j = 0;
        for (const g of got) {
          while (j < sent.length && sent[j] !== g) j++;
          expect(j).toBeLessThan(sent.length);
          j++;
        }
        // The last frame always survives: nothing after it can hide it.
        expect(got[got.length - 1]).toBe(sent[sent.length - 1]);
      }),
      { numRuns: 300 },
    );
  });
});
