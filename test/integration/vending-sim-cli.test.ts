/** The PTY simulator CLI (`npm run sim:vending`) and the technician CLI (`npm run vending`) end to end, with faults from the JSON state file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'itda-vmc-cli-'));
const link = join(dir, 'vmcA');
const state = join(dir, 'state.json');
let sim: ChildProcess;
let simOut = '';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'electron/services/vending/cli/vending-cli.ts'), ...args, '--port', `serial:${link}?baud=9600`, '--data', join(dir, 'data')], {
    cwd: root,
    env: { ...process.env, ITDA_LOG_ECHO: '0' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  writeFileSync(state, '{}');
  sim = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron/services/vending/sim/vending-sim-cli.ts'), '--link', link, '--slots', '10', '--state', state, '--vend-ms', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  sim.stdout!.on('data', (d: Buffer) => (simOut += d.toString()));
  for (let i = 0; i < 200 && !simOut.includes('READY'); i++) await new Promise((r) => setTimeout(r, 50));
  expect(simOut).toContain(`READY ${link}`);
});
afterAll(async () => {
  if (sim && sim.exitCode === null) {
    sim.kill('SIGTERM');
    await new Promise((r) => sim.once('exit', r));
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('vending CLIs against the PTY simulator', () => {
  it('ping, dispense (one motor run, logged in the app database) and result', async () => {
    expect(cli('ping').out).toContain('ITDA-SIM-1.1');
    const d = cli('dispense', '3', '--json');
    expect(d.code).toBe(0);
    const v = JSON.parse(d.out.trim());
    expect(v).toMatchObject({ ok: true, slot: 3, state: 'delivered' });
    for (let i = 0; i < 40 && !simOut.includes('"motor"'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(simOut.match(/"event":"motor"/g)).toHaveLength(1);
    const r = cli('result', String(v.txn));
    expect(r.code).toBe(0);
    expect(r.out).toContain('전달됨 / ');
  });

  it('a door opened in the state file: dispense exits 1 and says why in Korean and English', () => {
    writeFileSync(state, JSON.stringify({ doorOpen: true }));
    const d = cli('dispense', '4');
    expect(d.code).toBe(1);
    expect(d.out).toMatch(/거절됨.*vending\.door_open.* \/ .*refused/);
    writeFileSync(state, JSON.stringify({ doorOpen: false }));
    expect(cli('status').code).toBe(0);
  });

  it('a silent board: exit 3, no link; bad usage: exit 2', () => {
    writeFileSync(state, JSON.stringify({ silent: true }));
    expect(cli('status').code).toBe(3);
    writeFileSync(state, JSON.stringify({ silent: false }));
    expect(cli('dispense').code).toBe(2);
    expect(cli('status').code).toBe(0);
  });
});
