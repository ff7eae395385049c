/**
 * The printer over real TCP: the simulator CLI on a loopback port (port 0),
 * the technician CLI and the kiosk's services as clients. Jobs are read back
 * from the simulator's output folder, and a raster slip is OCR'd for
 * legibility when tesseract is installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices, type Services } from '../../electron/services/compose';
import { parseConfig } from '../../electron/services/config/load-config';
import { createLogger } from '../../electron/services/app/logger';
import type { PrintingService } from '../../electron/services/printing';
import { printingDomainModule } from '../../electron/services/printing/printing-domain';
import { ocrCompact, tesseractAvailable } from '../support/ocr';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const SIM_CLI = 'electron/services/printing/sim/printer-sim-cli.ts';
const PRINTER_CLI = 'electron/services/printing/cli/printer-cli.ts';
const hasTesseract = tesseractAvailable();

let root: string;
let out: string;
let stateFile: string;
let sim: ChildProcess;
let port: number;

function jobFiles(ext: string): string[] {
  try {
    return readdirSync(out).filter((f) => f.endsWith(ext)).sort();
  } catch {
    return [];
  }
}

function runCli(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(TSX, [PRINTER_CLI, ...args, '--data', join(root, 'cli-data')], { encoding: 'utf8', env: { ...process.env, ITDA_LOG_ECHO: '0' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const p = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return p;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'itda-print-tcp-'));
  out = join(root, 'out');
  stateFile = join(root, 'state.json');
  writeFileSync(stateFile, '{}');
  sim = spawn(TSX, [SIM_CLI, '--port', '0', '--out', out, '--state', stateFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  port = await new Promise<number>((resolve, reject) => {
    let buf = '';
    sim.stdout!.on('data', (d) => {
      buf += d;
      const m = /listening on tcp:\/\/127\.0\.0\.1:(\d+)/.exec(buf);
      if (m) resolve(Number(m[1]));
    });
    sim.once('exit', (code) => reject(new Error(`simulator exited ${code}`)));
  });
});

afterAll(async () => {
  if (sim && sim.exitCode === null) {
    const exited = new Promise((r) => sim.once('exit', r));
    sim.kill('SIGTERM');
    await exited;
  }
  rmSync(root, { recursive: true, force: true });
});

const setFaults = (f: Record<string, boolean>) => writeFileSync(stateFile, JSON.stringify(f));

describe('technician CLI over TCP', () => {
  it('reports ok (exit 0), paper out (exit 1) and an unreachable printer (exit 3)', async () => {
    const uri = `tcp://127.0.0.1:${port}`;
    let r = runCli(['status', '--printer', uri]);
    expect(r.stdout).toContain('OK: ready to print');
    expect(r.code).toBe(0);

    setFaults({ paperOut: true });
    r = runCli(['status', '--printer', uri]);
    expect(r.stdout).toContain('용지가 없습니다 — 용지를 넣어 주세요 / Paper out: load paper');
    expect(r.code).toBe(1);
    setFaults({});

    r = runCli(['status', '--printer', `tcp://127.0.0.1:${await closedPort()}`, '--timeout', '500']);
    expect(r.stdout).toContain('Not responding');
    expect(r.code).toBe(3);

    r = runCli(['status', '--printer', 'lpt1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown kind of printer');
  }, 180_000);

  it('prints a JSON slip in text mode: the printer receives Korean it can decode', () => {
    const file = join(root, 'slip.json');
    writeFileSync(file, JSON.stringify({ blocks: [{ type: 'title', text: '체크인 완료' }, { type: 'pair', left: '번호', right: 'A-017' }] }));
    const before = jobFiles('.txt').length;
    const r = runCli(['print', file, '--printer', `tcp://127.0.0.1:${port}?mode=text`]);
    expect(r.code).toBe(0);
    const txts = jobFiles('.txt');
    expect(txts.length).toBe(before + 1);
    const text = readFileSync(join(out, txts.at(-1)!), 'utf8');
    expect(text).toContain('체크인 완료');
    expect(text).toMatch(/번호 +A-017/);
  }, 60_000);
});

describe('kiosk services printing to a TCP printer', () => {
  let services: Services;
  let printing: PrintingService;
  const pushes: { name: string; payload: any }[] = [];

  beforeAll(async () => {
    services = await composeServices({
      dataDir: join(root, 'kiosk'),
      config: parseConfig({ printer: { uri: `tcp://127.0.0.1:${port}`, statusPollMs: 200, afterPrintCheckMs: 20 } }),
      host: 'web',
      version: 'test',
      logger: createLogger({ dir: null, echo: false }),
      modules: [printingDomainModule],
    });
    services.onPush((e) => pushes.push(e));
    printing = services.domains.get('printing')!.service as PrintingService;
  });
  afterAll(async () => {
    await services?.close();
  });

  it('holds a slip through a paper-out and prints it exactly once after paper is loaded', async () => {
    setFaults({ paperOut: true });
    const status = await services.dispatch('printer.status', { refresh: true });
    expect(status).toMatchObject({ ok: true, value: { state: 'fault', faults: ['printer.paper_out'] } });
    expect(pushes.some((p) => p.name === 'device.status' && p.payload.status.paperOut === true)).toBe(true);
    expect(pushes.some((p) => p.name === 'staff.alert')).toBe(true);

    const before = jobFiles('.png').length;
    const job = printing.submit({ blocks: [{ type: 'text', text: '용지 없음 시험' }] }, { kind: 'test' });
    expect(await printing.waitForJob(job.jobId, 5000)).toMatchObject({ state: 'queued', waitingOn: 'printer.paper_out' });
    expect(jobFiles('.png').length).toBe(before);

    setFaults({});
    await printing.refreshStatus();
    expect(await printing.waitForJob(job.jobId, 10_000)).toMatchObject({ state: 'printed', attempts: 1 });
    await new Promise((r) => setTimeout(r, 600)); // a few poll ticks: nothing more may print
    expect(jobFiles('.png').length).toBe(before + 1);
    const jobs = await services.dispatch('printer.jobs', { limit: 5 });
    expect(jobs).toMatchObject({ ok: true, value: { jobs: [expect.objectContaining({ jobId: job.jobId, state: 'printed' })] } });
  });

  it('refuses simulator faults when the printer is not the in-process simulator', async () => {
    // Through the contract this is a technician's method (see access.ts); the service answers the same to anyone.
    await expect(printing.setSimFaults({ paperOut: true })).rejects.toMatchObject({ code: 'printer.not_simulator', messageKey: 'errors.printer.not_simulator', retryable: false });
  });

  it.skipIf(!hasTesseract)('prints a raster slip the simulator decodes into legible Korean (tesseract kor)', async () => {
    const job = printing.submit(
      {
        blocks: [
          { type: 'title', text: '마음 처방전' },
          { type: 'text', text: '오늘 하루도 정말 수고 많았어요' },
          { type: 'pair', left: '복용 방법', right: '하루 세 번' },
        ],
        cut: true,
      },
      { kind: 'prescription', ref: 'rx-ocr' },
    );
    expect(await printing.waitForJob(job.jobId, 10_000)).toMatchObject({ state: 'printed' });
    const png = join(out, jobFiles('.png').at(-1)!);
    const ocr = await ocrCompact(png, 6);
    expect(ocr).toContain('마음처방전');
    expect(ocr).toContain('오늘하루도정말수고많았어요');
    expect(ocr).toContain('하루세번');
  });
});
