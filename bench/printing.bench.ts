/**
 * Printing: time to lay out and rasterize a typical 80 mm slip (target: median
 * under 30 ms), bytes per slip in each mode, and jobs per minute through the
 * durable queue to the in-process simulator (which decodes each job and
 * writes its text and PNG, as the kiosk's default printer does).
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
import { median, type BenchModule, type BenchRow } from './bench-table';

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
    const bytes = (mode: 'raster' | 'text', profile = p80) => encodeSlip(doc, { mode, profile, partialCut: true }).bytes.length;

    const rows: BenchRow[] = [
      { area: 'printing', metric: 'layout + rasterize + encode, 80 mm slip (median)', value: median(times), unit: 'ms', target: 'median < 30 ms' },
      { area: 'printing', metric: 'text-mode encode, 80 mm slip (median)', value: median(textTimes), unit: 'ms' },
      { area: 'printing', metric: 'bytes per slip, raster 80 mm', value: bytes('raster'), unit: 'B' },
      { area: 'printing', metric: 'bytes per slip, raster 58 mm', value: bytes('raster', p58), unit: 'B' },
      { area: 'printing', metric: 'bytes per slip, text 80 mm', value: bytes('text'), unit: 'B' },
    ];
    for (const mode of ['raster', 'text'] as const) rows.push(await queueThroughput(doc, mode));
    return rows;
  },
};

async function queueThroughput(doc: SlipDocument, mode: 'raster' | 'text'): Promise<BenchRow> {
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
