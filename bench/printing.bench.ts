/**
 * Printing: time to lay out and rasterize a typical 80 mm slip (target: median
 * under 30 ms), side by side with node-thermal-printer's image path (the slip
 * rendered to PNG, then `printImageBuffer`); bytes per slip and seconds on a
 * 19200-baud line in each mode (computed from bytes, and measured once
 * through a baud-limited relay between socat PTYs, acknowledgement
 * included); and jobs per minute through the durable queue to the
 * in-process simulator (which decodes each job and writes its text and PNG,
 * as the kiosk's default printer does). Figures, never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../electron/services/storage/database';
import { createLogger } from '../electron/services/app/logger';
import { printerConfigSchema } from '../electron/services/printing/printer-config';
import { profileFor } from '../electron/services/printing/printer-profiles';
import { parsePrinterUri } from '../electron/services/printing/printer-uri';
import { createPrintingRuntime } from '../electron/services/printing/printing-service';
import { parseSlipDocument, type SlipDocument } from '../electron/services/printing/slip-document';
import { encodeSlip, encodeRasterSlip } from '../electron/services/printing/slip-encoder';
import { renderSlipBitmap } from '../electron/services/printing/slip-raster';
import { spawnSync } from 'node:child_process';
import ntp from 'node-thermal-printer';
import { monoToPng } from '../electron/services/printing/mono-bitmap';
import type { PrintMode } from '../electron/services/printing/printer-config';
import { ReceiptPrinter } from '../electron/services/printing/receipt-printer';
import { PrinterSimCore } from '../electron/services/printing/sim/printer-sim-core';
import { attachSimSerial } from '../electron/services/printing/sim/printer-sim-server';
import { SerialTransport } from '../electron/services/printing/transports/serial-transport';
import { startPacedLine } from '../test/support/paced-relay';
import { median, type BenchModule, type BenchRow } from './bench-table';

const { ThermalPrinter, PrinterTypes } = ntp as unknown as { ThermalPrinter: any; PrinterTypes: Record<string, string> };
const BAUD = 19_200;

/** A Mind Pharmacy prescription: the kiosk's most common slip. */
export function typicalSlip(): SlipDocument {
  return parseSlipDocument({
    blocks: [
      { type: 'title', text: '마음 처방전' },
      { type: 'text', text: 'Mind Prescription', align: 'center' },
      { type: 'rule' },
      { type: 'pair', left: '처방 번호 / No.', right: 'RX-2026-0417' },
      { type: 'pair', left: '증상 / Symptom', right: '잠이 오지 않아요' },
      { type: 'pair', left: '처방 / Remedy', right: '따뜻한 차 한 잔' },
      { type: 'rule', style: 'dashed' },
      { type: 'text', text: '오늘 하루도 정말 수고 많았어요. 잠들기 전, 좋아하는 노래 한 곡을 들어 보세요.' },
      { type: 'text', text: 'You did well today. Before sleep, listen to a song you love.', size: 'small' },
      { type: 'text', text: '복용법: 하루 세 번, 천천히', bold: true },
      { type: 'qr', data: 'https://itda.seoul.go.kr/rx/01HX7Q', module: 5, caption: '다시 보기 / View again' },
    ],
    footer: ['서울잇다플레이스 · Seoul Itda Place', '평일 10:00–20:00, 주말 10:00–18:00'],
  });
}

export const printingBench: BenchModule = {
  area: 'printing',
  async run(): Promise<BenchRow[]> {
    const doc = typicalSlip();
    const p80 = profileFor(576);
    const p58 = profileFor(384);
    for (let i = 0; i < 5; i++) renderSlipBitmap(doc, p80); // font load and JIT warm-up
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      encodeRasterSlip(renderSlipBitmap(doc, p80), p80, { cut: true, partialCut: true });
      times.push(performance.now() - t);
    }
    const textTimes: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      encodeSlip(doc, { mode: 'text', profile: p80, partialCut: true });
      textTimes.push(performance.now() - t);
    }
    const bytes = (mode: PrintMode, profile = p80) => encodeSlip(doc, { mode, profile, partialCut: true }).bytes.length;
    const peer = await nodeThermalPrinterImagePath(doc);

    const rows: BenchRow[] = [
      {
        area: 'printing',
        metric: 'layout + rasterize + encode, 80 mm slip (median)',
        value: median(times),
        unit: 'ms',
        target: 'median < 30 ms',
        peer: { name: 'node-thermal-printer PNG+printImageBuffer', value: peer.ms },
      },
      { area: 'printing', metric: 'text-mode encode, 80 mm slip (median)', value: median(textTimes), unit: 'ms' },
      { area: 'printing', metric: 'bytes per slip, raster 80 mm', value: bytes('raster'), unit: 'B', peer: { name: 'node-thermal-printer image', value: peer.bytes } },
      { area: 'printing', metric: 'bytes per slip, raster 58 mm', value: bytes('raster', p58), unit: 'B' },
      { area: 'printing', metric: 'bytes per slip, text 80 mm', value: bytes('text'), unit: 'B' },
      { area: 'printing', metric: 'bytes per slip, hybrid 80 mm', value: bytes('hybrid'), unit: 'B', target: '< 3 KB' },
    ];
    for (const mode of ['raster', 'text', 'hybrid'] as const) {
      // 10 bits a byte on the wire (start, 8 data, stop).
      rows.push({ area: 'printing', metric: `seconds at ${BAUD} baud, ${mode} 80 mm (from bytes)`, value: (bytes(mode) * 10) / BAUD, unit: 's', target: mode === 'hybrid' ? '< 2 s' : undefined });
    }
    const measured = await throughPacedLine(encodeSlip(doc, { mode: 'hybrid', profile: p80, partialCut: true }).bytes);
    if (measured) rows.push(measured);
    for (const mode of ['raster', 'text', 'hybrid'] as const) rows.push(await queueThroughput(doc, mode));
    return rows;
  },
};

/** node-thermal-printer's way: the same slip rendered to a PNG, then `printImageBuffer` (one tall GS v 0). */
async function nodeThermalPrinterImagePath(doc: SlipDocument): Promise<{ ms: number; bytes: number }> {
  const p80 = profileFor(576);
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    const png = monoToPng(renderSlipBitmap(doc, p80));
    const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, width: 48 });
    await printer.printImageBuffer(png);
    printer.partialCut();
    size = printer.getBuffer().length;
    times.push(performance.now() - t);
  }
  return { ms: median(times.slice(5)), bytes: size };
}

/** The hybrid slip sent once over a real-speed 19200-baud line (socat PTYs + a pacing relay), until acknowledged. */
async function throughPacedLine(bytes: Buffer): Promise<BenchRow | null> {
  if (spawnSync('socat', ['-V']).status !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'itda-bench-line-'));
  const line = await startPacedLine(dir, BAUD);
  const core = new PrinterSimCore({ widthDots: 576 });
  const sim = await attachSimSerial(core, line.printerPath, BAUD);
  const printer = new ReceiptPrinter(new SerialTransport(line.clientPath, BAUD), { statusTimeoutMs: 2000, ack: 'transmit-status', printerTimeMs: 2000, baudRate: BAUD });
  try {
    await printer.status();
    const t = performance.now();
    const outcome = await printer.print(bytes);
    const s = (performance.now() - t) / 1000;
    return {
      area: 'printing',
      metric: `seconds at ${BAUD} baud, hybrid 80 mm, measured through a paced relay (${outcome.kind})`,
      value: s,
      unit: 's',
      target: '< 2 s',
    };
  } finally {
    await printer.close();
    await sim.close();
    await line.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function queueThroughput(doc: SlipDocument, mode: PrintMode): Promise<BenchRow> {
  const dir = mkdtempSync(join(tmpdir(), 'itda-bench-print-'));
  const db = openDatabase({ dataDir: dir });
  const config = printerConfigSchema.parse({ statusPollMs: 60_000 });
  const rt = createPrintingRuntime({
    db,
    config,
    target: parsePrinterUri(`sim?mode=${mode}`, config),
    dataDir: dir,
    logger: createLogger({ dir: null, echo: false }),
    record: () => {},
    alert: () => {},
    pushStatus: () => {},
  });
  try {
    rt.start();
    const n = 40;
    const t = performance.now();
    const ids = Array.from({ length: n }, (_, i) => rt.service.submit(doc, { kind: 'bench', ref: `b-${i}` }).jobId);
    for (const id of ids) {
      const j = await rt.service.waitForJob(id, 60_000);
      if (j.state !== 'printed') throw new Error(`bench job ${id} ended ${j.state}`);
    }
    const perMinute = n / ((performance.now() - t) / 60_000);
    return { area: 'printing', metric: `jobs/min through the queue to the simulator, ${mode}`, value: perMinute, unit: 'jobs/min' };
  } finally {
    await rt.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
