/**
 * A host killed (SIGKILL) mid-vend and restarted must reconcile the vend in
 * flight and never run the motor twice, also when the visitor's request is
 * repeated. The host runs as a child process on the app's data dir; the
 * board sits in this process on the far end of a socat PTY.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { startPtySim, type PtySim } from '../../electron/services/vending/sim/pty-sim';
import { VmcBoard } from '../../electron/services/vending/sim/vmc-board';

const root = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'itda-vmc-restart-'));
let sim: PtySim;
let board: VmcBoard;
const children: ChildProcess[] = [];

// One process (node --import tsx, not the tsx launcher, whose child would outlive a SIGKILL).
// The child host: opens the app's data dir, asks for one gift, prints the summary as JSON.
const hostScript = join(dir, 'host.mts');
writeFileSync(
  hostScript,
  `
import { VendingServiceImpl } from ${JSON.stringify(join(root, 'electron/services/vending/vending-service.ts'))};
import { openCliContext } from ${JSON.stringify(join(root, 'electron/services/vending/cli/cli-context.ts'))};
import { parseConfig } from ${JSON.stringify(join(root, 'electron/services/config/load-config.ts'))};
const [uri, dataDir, requestId] = process.argv.slice(2);
const ctx = openCliContext(parseConfig({ vending: { uri, resultPollMs: 200 } }), dataDir);
const svc = new VendingServiceImpl(ctx, { monitor: false });
await svc.start();
const s = await svc.vendGift({ category: 'tea', reason: 'rx-restart', requestId });
process.stdout.write(JSON.stringify(s) + '\\n');
await svc.stop();
ctx.close();
`,
);

function startHost(requestId: string): { child: ChildProcess; done: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', hostScript, `serial:${sim.link}?baud=9600`, join(dir, 'data'), requestId], {
    cwd: root,
    env: { ...process.env, ITDA_LOG_ECHO: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<string>((res) => child.once('exit', () => res(out)));
  return { child, done };
}

const vendRows = () => {
  const db = new Database(join(dir, 'data', 'itda.db'), { readonly: true });
  try {
    return db.prepare('SELECT txn, state, slot FROM vends ORDER BY created_at').all() as { txn: number; state: string; slot: number }[];
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  board = new VmcBoard({ vendMs: 2500 });
  sim = await startPtySim({ link: join(dir, 'vmc'), board });
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('host killed mid-vend', () => {
  it('restarts, reconciles the vend in flight with RESULT, and never runs the motor a second time', async () => {
    const first = startHost('visitor-1');
    // Wait until the motor runs: the vend is accepted and in flight.
    for (let i = 0; i < 300 && board.motorRuns.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(board.motorRuns).toHaveLength(1);
    first.child.kill('SIGKILL');
    await first.done;
    const inFlight = vendRows();
    expect(inFlight).toHaveLength(1);
    expect(['sending', 'accepted']).toContain(inFlight[0].state);

    // The same visitor's request again, from a restarted host: it reconciles first and answers with the first vend.
    const second = startHost('visitor-1');
    const summary = JSON.parse((await second.done).trim().split('\n').pop()!);
    expect(summary).toMatchObject({ requestId: 'visitor-1', txn: inFlight[0].txn, state: 'delivered', repeated: true });
    expect(board.motorRuns).toHaveLength(1);
    expect(vendRows()).toEqual([{ txn: inFlight[0].txn, state: 'delivered', slot: inFlight[0].slot }]);

    // A new visitor gets a new TXN and one motor run.
    board.applyFaults({ vendMs: 0 });
    const third = startHost('visitor-2');
    const s3 = JSON.parse((await third.done).trim().split('\n').pop()!);
    expect(s3.state).toBe('delivered');
    expect(s3.txn).toBe((inFlight[0].txn + 1) % 2 ** 32);
    expect(board.motorRuns.map((r) => r.txn)).toEqual([inFlight[0].txn, s3.txn]);
  }, 60_000);
});
