/**
 * A USB printer's device file, stood in for by a regular file: the driver
 * writes the whole job and, unable to read status back, counts it printed
 * once every byte is written.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paperText } from '../../electron/services/printing/paper-model';
import { profileFor } from '../../electron/services/printing/printer-profiles';
import { ReceiptPrinter } from '../../electron/services/printing/receipt-printer';
import { parseSlipDocument } from '../../electron/services/printing/slip-document';
import { encodeSlip } from '../../electron/services/printing/slip-encoder';
import { paperItemsFromBytes } from '../../electron/services/printing/slip-preview';
import { FileTransport } from '../../electron/services/printing/transports/file-transport';

const dir = mkdtempSync(join(tmpdir(), 'itda-print-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('file: printer (device file)', () => {
  it('writes every byte of the job and reports status as unknown, not ok', async () => {
    const path = join(dir, 'lp0');
    const printer = new ReceiptPrinter(new FileTransport(path), { statusTimeoutMs: 100, ack: 'transmit-status', printerTimeMs: 1000, baudRate: null });
    const bytes = encodeSlip(parseSlipDocument({ blocks: [{ type: 'text', text: '파일 프린터' }] }), { mode: 'text', profile: profileFor(384), partialCut: true }).bytes;
    expect(await printer.status()).toMatchObject({ state: 'unknown' });
    expect(await printer.print(bytes)).toMatchObject({ kind: 'printed' });
    await printer.close();
    const written = readFileSync(path);
    expect(written.equals(bytes)).toBe(true);
    expect(paperText(paperItemsFromBytes(written))).toContain('파일 프린터');
  });

  it('does not send when the device cannot be opened', async () => {
    const printer = new ReceiptPrinter(new FileTransport(join(dir, 'missing', 'lp0')), { statusTimeoutMs: 100, ack: 'transmit-status', printerTimeMs: 1000, baudRate: null });
    expect(await printer.print(Buffer.from([0x1b, 0x40]))).toMatchObject({ kind: 'not_sent' });
  });
});
