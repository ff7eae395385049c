import { describe, expect, it } from 'vitest';
import { escpos, encodeCommands } from '../escpos-commands';
import { PrinterSimCore } from '../sim/printer-sim-core';
import { PrinterLink } from './printer-link';
import { SimTransport } from './sim-transport';
import { TransportError } from './transport';

const statusQuery = encodeCommands([escpos.statusRequest(1)]);
const nextReply = (link: PrinterLink) =>
  new Promise<Buffer>((resolve) => {
    const off = link.onData((b) => {
      off();
      resolve(b);
    });
  });

describe('PrinterLink: the printer on the devices layer', () => {
  it('the simulator on a memory pipe answers, drops part-way as a cut cable, and is opened anew on the next use', async () => {
    const core = new PrinterSimCore({});
    const link = new SimTransport(core);
    await link.open();
    const first = nextReply(link);
    await link.write(statusQuery);
    expect([...(await first)]).toEqual([0x12]);

    let closes = 0;
    link.onClose(() => closes++);
    core.setFaults({ dropAfterBytes: 10 });
    await link.write(Buffer.concat([Buffer.from([0x1b, 0x40]), Buffer.alloc(64, 0x41)]));
    await new Promise((r) => setTimeout(r, 0));
    expect(closes).toBe(1);
    await expect(link.write(statusQuery)).rejects.toMatchObject({ beforeSend: true });

    core.setFaults({ dropAfterBytes: null });
    await link.open();
    const again = nextReply(link);
    await link.write(statusQuery);
    expect([...(await again)]).toEqual([0x12]);
    await link.close();
    expect(closes).toBe(2);
  });

  it('an opener that fails says nothing was sent, with the devices\' TransportError', async () => {
    const link = new PrinterLink('tcp://127.0.0.1:1', true, () => Promise.reject(new TransportError('cannot reach', true, { disconnected: true })));
    const err = await link.open().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect(err).toMatchObject({ beforeSend: true, disconnected: true });
  });
});
