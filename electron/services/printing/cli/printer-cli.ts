/**
 * `npm run printer -- <status|test|print FILE> [--printer URI] [--mode raster|text] [--json] [--preview out.png]`
 *
 * The technician's tool. It reads the kiosk's config and data dir
 * (`--data`, `--config`, ITDA_*), so `--printer` defaults to the printer the
 * kiosk uses. It talks to the printer directly (not through the app's
 * queue). `--preview out.png` writes what would print and sends nothing.
 *
 * Exit status: 0 all went well, 1 the printer reports a fault, 2 usage or
 * config error, 3 the printer cannot be reached.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../../config/load-config';
import { parseFlags, resolveRuntimeOptions } from '../../config/runtime-options';
import { createLogger } from '../../app/logger';
import { projectRoot } from '../../app/project-paths';
import { join } from 'node:path';
import { connectPrinter } from '../printer-connection';
import { profileFor, profileOverrides } from '../printer-profiles';
import { describeStatus, type PrinterStatus } from '../printer-status';
import { parsePrinterUri } from '../printer-uri';
import { ReceiptPrinter } from '../receipt-printer';
import { slipDocumentSchema, type SlipDocument } from '../slip-document';
import { encodeSlip } from '../slip-encoder';
import { previewSlip } from '../slip-preview';
import { testPageDocument } from '../test-page';
import { exitCodeForStatus, ExitCode, UsageError } from './cli-exit';

const USAGE = `사용법 / usage: npm run printer -- <status | test | print FILE> [--printer URI] [--mode auto|raster|text|hybrid] [--json] [--preview out.png]
  URI: sim | tcp://HOST:PORT | serial:/dev/ttyUSB0?baud=19200 | file:/dev/usb/lp0   (options: ?mode=&width=576|384&cut=full|partial)`;
const MODES = ['auto', 'raster', 'text', 'hybrid'] as const;

async function main(argv: string[]): Promise<number> {
  const positional = argv.filter((a, i) => !a.startsWith('--') && (i === 0 || !argv[i - 1].startsWith('--') || argv[i - 1].includes('=')));
  const flags = parseFlags(argv);
  const json = flags.json === 'true';
  const say = (text: string, obj: Record<string, unknown>) => process.stdout.write(json ? JSON.stringify(obj) + '\n' : text + '\n');
  const [command, file] = positional;
  if (!command || flags.help) throw new UsageError('명령을 주세요 / give a command');
  if (!['status', 'test', 'print'].includes(command)) throw new UsageError(`알 수 없는 명령 / unknown command "${command}"`);
  if (command === 'print' && !file) throw new UsageError('인쇄할 JSON 파일을 주세요 / print needs a FILE');

  const rt = resolveRuntimeOptions(flags, process.env, { dataDir: join(projectRoot(), 'data') });
  const config = loadConfig({ file: rt.configFile, required: rt.configRequired });
  const uri = flags.printer ?? config.printer.uri;
  const modeFlag = flags.mode as (typeof MODES)[number] | undefined;
  if (modeFlag && !MODES.includes(modeFlag)) throw new UsageError(`--mode must be auto, raster, text or hybrid, got ${flags.mode}`);
  // --mode wins over a mode in the URI, which wins over the config.
  const uriNoMode = modeFlag ? stripMode(uri) : uri;
  const target = parsePrinterUri(uriNoMode, { ...config.printer, mode: modeFlag ?? config.printer.mode });
  const profile = profileFor(target.width, profileOverrides(config.printer));

  let doc: SlipDocument | null = null;
  if (command === 'test') doc = testPageDocument(profile, { mode: target.mode, uri: target.label });
  if (command === 'print') doc = readSlip(file!);

  if (flags.preview && doc) {
    writeFileSync(flags.preview, previewSlip(doc, { mode: target.mode, profile, partialCut: target.cut === 'partial' }));
    say(`미리보기를 저장했습니다 / Preview written: ${flags.preview}`, { preview: flags.preview, mode: target.mode, width: target.width });
    return ExitCode.ok;
  }

  const logger = createLogger({ dir: join(rt.dataDir, 'logs'), component: 'printer-cli', echo: false });
  const conn = connectPrinter(target, rt.dataDir, logger);
  const printer = new ReceiptPrinter(conn.transport, {
    statusTimeoutMs: Number(flags.timeout ?? config.printer.statusTimeoutMs),
    ack: profile.ack,
    printerTimeMs: profile.printerTimeMs,
    baudRate: target.address.kind === 'serial' ? target.address.baud : null,
  });
  try {
    if (!doc) {
      const status = await printer.status();
      report(status, say);
      return exitCodeForStatus(status);
    }
    const bytes = encodeSlip(doc, { mode: target.mode, profile, partialCut: target.cut === 'partial' }).bytes;
    const outcome = await printer.print(bytes);
    logger.info('technician print', { printer: target.label, command, outcome: outcome.kind, bytes: bytes.length });
    if (outcome.kind === 'printed') {
      const how = outcome.confirmed ? '프린터 확인 / acknowledged by the printer' : '확인 불가 장치 / write-only device, not acknowledged';
      say(`인쇄했습니다 / Printed (${bytes.length} bytes, ${target.mode}, ${target.label}, ${(outcome.ms / 1000).toFixed(1)} s; ${how})`, {
        outcome: 'printed',
        confirmed: outcome.confirmed,
        bytes: bytes.length,
        mode: target.mode,
        ms: Math.round(outcome.ms),
        status: outcome.status,
      });
      if (!json && outcome.status.warnings.length) process.stdout.write(describeStatus(outcome.status).slice(1).join('\n') + '\n');
      return ExitCode.ok;
    }
    if (outcome.kind === 'not_sent') {
      say(`인쇄하지 않았습니다 / Not printed:`, { outcome: 'not_sent', error: outcome.error, status: outcome.status });
    } else {
      const why = {
        'printer.write_failed': '전송 중 오류 / the write failed',
        'printer.connection_lost': '전송 중 연결이 끊겼습니다 / the connection dropped during the job',
        'printer.no_ack': `${(outcome.budgetMs / 1000).toFixed(1)}초 안에 완료 응답이 없었습니다 / no acknowledgement within ${(outcome.budgetMs / 1000).toFixed(1)} s`,
      }[outcome.error];
      say(`인쇄 결과를 알 수 없습니다 — 용지를 확인하세요 / Print result unknown: check the paper (${why})`, {
        outcome: 'unknown',
        error: outcome.error,
        bytes: bytes.length,
        ms: Math.round(outcome.ms),
        budgetMs: Math.round(outcome.budgetMs),
        status: outcome.status,
      });
    }
    if (!json) for (const l of describeStatus(outcome.status)) process.stdout.write(`  ${l}\n`);
    // Not printed or unknown is never success (exit 0), even when the printer looks fine now.
    return exitCodeForStatus(outcome.status, ExitCode.fault);
  } finally {
    await printer.close();
  }
}

function report(status: PrinterStatus, say: (t: string, o: Record<string, unknown>) => void): void {
  say(describeStatus(status).join('\n'), { status });
}

function stripMode(uri: string): string {
  const q = uri.indexOf('?');
  if (q < 0) return uri;
  const params = new URLSearchParams(uri.slice(q + 1));
  params.delete('mode');
  const rest = params.toString();
  return rest ? `${uri.slice(0, q)}?${rest}` : uri.slice(0, q);
}

function readSlip(file: string): SlipDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`${file}: 읽을 수 없는 JSON / cannot read JSON: ${(err as Error).message}`);
  }
  const parsed = slipDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError(`${file}: 슬립 형식 오류 / not a slip document:\n` + parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n'));
  }
  return parsed.data;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof UsageError || (err as Error)?.name === 'ConfigError' || (err as Error)?.name === 'DeviceUriError') {
      process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
      process.exit(ExitCode.usage);
    }
    process.stderr.write(`printer: ${(err as Error)?.stack ?? err}\n`);
    process.exit(ExitCode.unreachable);
  },
);
