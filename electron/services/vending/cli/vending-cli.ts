/**
 * Technician CLI for the vending cabinet:
 *   npm run vending -- <command> [--port URI] [--json] [--data DIR] [--config FILE]
 * Commands: ping, status, slots, dispense SLOT, motor-test SLOT, clear-faults, result TXN, monitor.
 * `--port` defaults to the kiosk config's `vending.uri`. `dispense` and `motor-test` use the
 * app's transaction log (TXN counter, reconciliation), so stop the kiosk app first: the port is
 * exclusive. Exit codes: 0 ok, 1 the board reports a failure, 2 usage, 3 no link.
 */
import { parseFlags } from '../../config/runtime-options';
import { VendingController, VmcCommandError } from '../vending-controller';
import { VmcLinkDownError } from '../vmc-client';
import { cmdName, Outcome } from '../vmc-codes';
import { toHex } from '../vmc-frame';
import { VendingServiceImpl } from '../vending-service';
import type { VendRow } from '../vend-store';
import { loadCliConfig, openCliContext } from './cli-context';

const USAGE = `사용법 / usage: npm run vending -- <ping|status|slots|dispense SLOT|motor-test SLOT|clear-faults|result TXN|monitor> [--port URI] [--json] [--data DIR] [--config FILE]`;
const EXIT = { ok: 0, failure: 1, usage: 2, noLink: 3 } as const;

class UsageError extends Error {}

const OUTCOME_TEXT: Record<number, [string, string]> = {
  0: ['진행 중', 'running'],
  1: ['전달됨', 'delivered'],
  2: ['전달 안 됨 (비어 있음)', 'not delivered (empty)'],
  3: ['걸림', 'jammed'],
  4: ['알 수 없는 거래', 'unknown TXN'],
  5: ['모터 시험 통과', 'motor test passed'],
  6: ['전달 확인 불가', 'unconfirmed'],
};
const STATE_TEXT: Record<string, [string, string]> = {
  delivered: ['전달됨', 'delivered'],
  passed: ['모터 시험 통과', 'motor test passed'],
  not_delivered: ['전달 안 됨 (칸이 비었음)', 'not delivered (slot empty)'],
  jammed: ['걸림', 'jammed'],
  unconfirmed: ['전달 확인 불가: 직원 확인 필요', 'unconfirmed: staff must check'],
  refused: ['거절됨 (아무것도 작동하지 않음)', 'refused (nothing ran)'],
  unknown: ['결과 모름: 직원 확인 필요', 'unknown: staff must check'],
};

function say(json: boolean, value: unknown, ko: string, en: string): void {
  process.stdout.write(json ? JSON.stringify(value) + '\n' : `${ko} / ${en}\n`);
}

function slotArg(args: string[], what: string): number {
  const n = Number(args[0]);
  if (!Number.isInteger(n) || n < 1 || n > 255) throw new UsageError(`${what}: 1..255`);
  return n;
}

async function run(argv: string[]): Promise<number> {
  const flags = parseFlags(argv);
  const positional = argv.filter((a, i) => !a.startsWith('--') && !(i > 0 && argv[i - 1].startsWith('--') && !argv[i - 1].includes('=') && flags[argv[i - 1].slice(2)] === a));
  const [command, ...args] = positional;
  const json = flags.json === 'true';
  if (!command || flags.help) throw new UsageError('no command');
  const { config, dataDir } = loadCliConfig(flags);
  const uri = flags.port ?? config.vending.uri;
  const cfg = { ...config, vending: { ...config.vending, uri } };

  if (command === 'dispense' || command === 'motor-test') {
    const slot = slotArg(args, 'SLOT');
    const ctx = openCliContext(cfg, dataDir);
    const svc = new VendingServiceImpl(ctx, { monitor: false });
    try {
      await svc.start();
      if (!(await svc.whenReady())) {
        say(json, { ok: false, code: 'vending.no_link' }, '자판기가 응답하지 않습니다', 'the cabinet does not answer');
        return EXIT.noLink;
      }
      const v: VendRow = command === 'dispense' ? await svc.dispenseSlot(slot) : await svc.motorTest(slot);
      const [ko, en] = STATE_TEXT[v.state] ?? [v.state, v.state];
      say(json, { ok: v.state === 'delivered' || v.state === 'passed', ...v }, `TXN ${v.txn} 칸 ${slot}: ${ko}${v.errorCode ? ` (${v.errorCode})` : ''}`, `TXN ${v.txn} slot ${slot}: ${en}${v.errorCode ? ` (${v.errorCode})` : ''}`);
      if (v.state === 'delivered' || v.state === 'passed') return EXIT.ok;
      return v.errorCode === 'vending.no_link' ? EXIT.noLink : EXIT.failure;
    } finally {
      await svc.stop();
      ctx.close();
    }
  }

  const ctl = new VendingController({
    uri,
    simVendMs: config.vending.sim.vendMs,
    reopenMs: { first: 60_000, max: 60_000 },
    onFrame:
      command === 'monitor'
        ? (e) => {
            const name = e.frame ? cmdName(e.frame.cmd) : '?';
            const line = { dir: e.dir, hex: toHex(e.bytes), name, seq: e.frame?.seq ?? null, note: e.note ?? null };
            process.stdout.write(json ? JSON.stringify(line) + '\n' : `${e.dir === 'tx' ? '→' : '←'} ${line.hex.padEnd(50)} ${name}${e.frame ? ` seq=${e.frame.seq}` : ''}${e.note ? ` [${e.note}]` : ''}\n`);
          }
        : undefined,
  });
  await ctl.open();
  try {
    if (!ctl.linkUp && command !== 'monitor') {
      say(json, { ok: false, code: 'vending.no_link' }, '자판기가 응답하지 않습니다', 'the cabinet does not answer');
      return EXIT.noLink;
    }
    switch (command) {
      case 'ping':
        say(json, { ok: true, firmware: ctl.firmware }, `응답함: 펌웨어 ${ctl.firmware}`, `answered: firmware ${ctl.firmware}`);
        return EXIT.ok;
      case 'status':
      case 'clear-faults': {
        const s = command === 'status' ? await ctl.status() : await ctl.clearFaults();
        const on = Object.entries(s.flags).filter(([, v]) => v).map(([k]) => k);
        say(json, { ok: true, ...s }, `칸 ${s.slots}개, 상태: ${on.join(', ') || '정상'}`, `${s.slots} slots, flags: ${on.join(', ') || 'none'}`);
        return EXIT.ok;
      }
      case 'slots': {
        const s = await ctl.status();
        const slots = [];
        for (let i = 1; i <= s.slots; i++) slots.push({ slot: i, state: await ctl.slotInfo(i) });
        if (json) say(true, { ok: true, slots }, '', '');
        else for (const x of slots) process.stdout.write(`칸 / slot ${String(x.slot).padStart(3)}: ${x.state}\n`);
        return EXIT.ok;
      }
      case 'result': {
        const txn = Number(args[0]);
        if (!Number.isInteger(txn) || txn < 0 || txn > 0xffffffff) throw new UsageError('TXN: 0..4294967295');
        const o = await ctl.result(txn);
        const [ko, en] = OUTCOME_TEXT[o] ?? ['?', '?'];
        say(json, { ok: true, txn, outcome: o }, `TXN ${txn}: ${o} ${ko}`, `TXN ${txn}: ${o} ${en}`);
        return o === Outcome.DELIVERED || o === Outcome.MOTOR_TEST_PASSED || o === Outcome.RUNNING ? EXIT.ok : EXIT.failure;
      }
      case 'monitor': {
        process.stderr.write('프레임 기록 중, Ctrl+C로 끝 / logging frames, Ctrl+C to stop\n');
        let stop = false;
        for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => (stop = true));
        while (!stop) {
          await ctl.status().catch(() => undefined);
          await new Promise((r) => setTimeout(r, 1000));
        }
        return EXIT.ok;
      }
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } finally {
    await ctl.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n${USAGE}\n`);
      process.exit(EXIT.usage);
    }
    if (err instanceof VmcLinkDownError || (err as { code?: string }).code === 'vending.no_link') {
      process.stderr.write(`자판기 연결 끊김 / no link to the cabinet: ${(err as Error).message}\n`);
      process.exit(EXIT.noLink);
    }
    if (err instanceof VmcCommandError) {
      process.stderr.write(`자판기가 거절함 / the board refused: ${err.code}\n`);
      process.exit(EXIT.failure);
    }
    process.stderr.write(`오류 / error: ${(err as Error).message}\n`);
    process.exit(err instanceof TypeError || (err as { code?: string }).code === 'config.invalid' ? EXIT.usage : EXIT.failure);
  },
);
