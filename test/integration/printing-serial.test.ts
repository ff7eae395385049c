/**
 * The printer over a real serial line: a socat PTY pair, the simulator on
 * one end (serialport) and the kiosk's serial transport and driver on the
 * other. Skips, saying why, when socat is not installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paperText } from '../../electron/services/printing/paper-model';
import { profileFor } from '../../electron/services/printing/printer-profiles';
import { ReceiptPrinter } from '../../electron/services/printing/receipt-printer';
import { parseSlipDocument } from '../../electron/services/printing/slip-document';
import { encodeSlip } from '../../electron/services/printing/slip-encoder';
import { PrinterSimCore, type SimJob } from '../../electron/services/printing/sim/printer-sim-core';
import { attachSimSerial } from '../../electron/services/printing/sim/printer-sim-server';
import { SerialTransport } from '../../electron/services/printing/transports/serial-transport';

const hasSocat = spawnSync('socat', ['-V']).status === 0;
const doc = parseSlipDocument({
  blocks: [
    { type: 'title', text: '서울잇다플레이스' },
    { type: 'text', text: '체크인되었습니다. 편하게 쉬다 가세요.' },
    { type: 'qr', data: 'https://itda.seoul.go.kr/c/42' },
  ],
});

describe.skipIf(!hasSocat)('printer over a socat PTY pair (serialport on both ends)', () => {
  let dir: string;
  let socat: ChildProcess;
  let simPort: { close(): Promise<void> };
  let printer: ReceiptPrinter;
  const jobs: SimJob[] = [];
  const core = new PrinterSimCore({ onJob: (j) => jobs.push(j) });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'itda-print-pty-'));
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    socat = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
    for (let i = 0; i < 100 && !(existsSync(a) && existsSync(b)); i++) await new Promise((r) => setTimeout(r, 50));
    simPort = await attachSimSerial(core, a, 19200);
    printer = new ReceiptPrinter(new SerialTransport(b, 19200), { statusTimeoutMs: 1000, ack: 'transmit-status', printerTimeMs: 3000, baudRate: 19200 });
  });

  afterAll(async () => {
    await printer?.close();
    await simPort?.close();
    if (socat && socat.exitCode === null) {
      const exited = new Promise((r) => socat.once('exit', r));
      socat.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers DLE EOT over the line: ok, then cover open', async () => {
    expect(await printer.status()).toMatchObject({ state: 'ok', online: true });
    core.setFaults({ coverOpen: true });
    expect(await printer.status()).toMatchObject({ state: 'fault', faults: ['printer.cover_open'] });
    core.setFaults({ coverOpen: false });
  });

  it('prints a text-mode slip the printer decodes as Korean, once', async () => {
    const bytes = encodeSlip(doc, { mode: 'text', profile: profileFor(576), partialCut: true }).bytes;
    const before = jobs.length;
    expect(await printer.print(bytes)).toMatchObject({ kind: 'printed' });
    expect(jobs.length).toBe(before + 1);
    const text = paperText(jobs.at(-1)!.items);
    expect(text).toContain('서울잇다플레이스');
    expect(text).toContain('체크인되었습니다. 편하게 쉬다 가세요.');
    expect(text).toContain('[QR https://itda.seoul.go.kr/c/42]');
  });

  it('sends a 58 mm raster slip in bands the printer reassembles to full height', async () => {
    const enc = encodeSlip(doc, { mode: 'raster', profile: profileFor(384), partialCut: true });
    const rows = enc.commands.filter((c) => c.type === 'raster').reduce((n, c) => n + (c.value as { rows: number }).rows, 0);
    expect(await printer.print(enc.bytes)).toMatchObject({ kind: 'printed' });
    const rasters = jobs.at(-1)!.items.filter((i) => i.kind === 'raster');
    expect(rasters.reduce((n, r) => n + (r.kind === 'raster' ? r.bitmap.height : 0), 0)).toBe(rows);
    expect(rasters.every((r) => r.kind === 'raster' && r.bitmap.width === 384)).toBe(true);
  });

  it('does not send a job while paper is out', async () => {
    core.setFaults({ paperOut: true });
    const before = jobs.length;
    const out = await printer.print(encodeSlip(doc, { mode: 'text', profile: profileFor(576), partialCut: true }).bytes);
    expect(out).toMatchObject({ kind: 'not_sent', error: 'printer.paper_out' });
    core.setFaults({ paperOut: false });
    expect(jobs.length).toBe(before);
  });
});
