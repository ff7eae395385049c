/**
 * One chaos run: a fresh data dir and hardware, the kiosk host started as a
 * process, the plan's visits driven over its WebSocket with the plan's
 * faults fired at their moments (a SIGKILL restarts the host on the same
 * data dir, and the visitor's screen may send its request again), then
 * staff clear every fault, the kiosk settles and stops, and the invariants
 * are checked on what it left.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startChaosRig, type ChaosRig } from './chaos-rig';
import { runVisit, type VisitOutcome } from './chaos-visits';
import { injectFault } from './fault-injector';
import { planRun, type FaultKind, type PlanOptions, type RunPlan } from './fault-plan';
import { checkInvariants, type InvariantResult } from './invariants';
import { startKioskProcess, type KioskProcess } from './kiosk-process';

export interface RunResult {
  seed: number;
  plan: RunPlan;
  injected: Partial<Record<FaultKind, number>>;
  invariants: InvariantResult[];
  visits: VisitOutcome[];
  ms: number;
  /** Where the run's files were kept (only when an invariant broke, or `keep`). */
  keptDir: string | null;
  /** The host's last stderr lines when something broke. */
  hostLog: string;
}

export interface RunOptions extends PlanOptions {
  root: string;
  keep?: boolean;
  /** Longest wait for print jobs and vends to settle once faults are cleared. */
  settleMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runChaos(seed: number, opts: RunOptions): Promise<RunResult> {
  const t0 = Date.now();
  const plan = planRun(seed, opts);
  const dir = mkdtempSync(join(tmpdir(), `itda-chaos-${seed}-`));
  const injected: Partial<Record<FaultKind, number>> = {};
  const visits: VisitOutcome[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let rig: ChaosRig | null = null;
  let host: KioskProcess | null = null;
  let hostLog = '';
  let invariants: InvariantResult[] = [];
  const start = () => startKioskProcess({ root: opts.root, dataDir: rig!.dataDir, configFile: rig!.configFile });
  try {
    rig = await startChaosRig(dir);
    host = await start();
    for (let i = 0; i < plan.visits.length; i++) {
      const requestId = `chaos-${seed}-${i}-v`;
      const v0 = Date.now();
      let killed: Promise<void> | null = null;
      let resend = false;
      for (const f of plan.faults.filter((x) => x.visit === i)) {
        const t = setTimeout(() => {
          timers.delete(t);
          injected[f.kind] = (injected[f.kind] ?? 0) + 1;
          if (f.kind === 'sigkill') {
            resend = f.resend ?? false;
            const dying = host!;
            killed = (async () => {
              hostLog += dying.stderr();
              await dying.kill();
              host = await start();
            })();
            return;
          }
          const undo = injectFault(rig!, f);
          if (undo) {
            const u = setTimeout(() => {
              timers.delete(u);
              undo();
            }, f.forMs);
            timers.add(u);
          }
        }, Math.max(0, f.atMs - (Date.now() - v0)));
        timers.add(t);
      }
      let outcome = await runVisit(host.client, plan.visits[i], requestId, i);
      // A kill may be due after the visit's calls finished: let its moment pass, so every planned fault fires.
      const due = Math.max(0, ...plan.faults.filter((x) => x.visit === i && x.kind === 'sigkill').map((x) => x.atMs));
      while (Date.now() - v0 < due + 20 && plan.faults.some((x) => x.visit === i && x.kind === 'sigkill') && !killed) await sleep(20);
      if (killed) {
        await killed;
        // The screen reconnects and sends the same request again (the renderer's retry), or the visitor walks away.
        if (resend) outcome = await runVisit(host.client, plan.visits[i], requestId, i);
      }
      visits.push(outcome);
    }
    // Staff arrive: every fault cleared; waiting slips print and vends finish.
    for (const t of timers) clearTimeout(t);
    timers.clear();
    rig.clearAll();
    await settle(join(rig.dataDir, 'itda.db'), opts.settleMs ?? 45_000);
    const stopping = host;
    const clean = await stopping.stop();
    hostLog += stopping.stderr();
    host = null;
    invariants = checkInvariants({
      dbPath: join(rig.dataDir, 'itda.db'),
      paper: rig.paper,
      motorRuns: rig.board.motorRuns,
      visits,
      cleanStop: clean,
      stopDetail: clean ? undefined : `${stopping.stopDetail()}; the host's stderr ends: ${stopping.stderr().slice(-600).trim() || '(nothing)'}`,
    });
  } catch (err) {
    invariants = [{ name: 'run completes', held: false, detail: (err as Error).stack ?? String(err) }];
  } finally {
    for (const t of timers) clearTimeout(t);
    if (host) {
      hostLog += host.stderr();
      await host.kill();
    }
    await rig?.close();
  }
  const broken = invariants.some((x) => !x.held);
  const keep = broken || opts.keep;
  if (keep && rig) {
    // What the hardware saw, beside the kiosk's data dir, to replay a broken run by hand.
    writeFileSync(join(dir, 'paper.txt'), rig.paper.map((p) => `=== job ${p.seq} (${p.bytes} bytes)\n${p.text}`).join(''));
    writeFileSync(join(dir, 'printer-wire.txt'), rig.wire.join('\n') + '\n');
    writeFileSync(join(dir, 'motor-runs.json'), JSON.stringify(rig.board.motorRuns, null, 1));
    writeFileSync(join(dir, 'result.json'), JSON.stringify({ plan, injected, invariants, visits }, null, 1));
    writeFileSync(join(dir, 'host-stderr.txt'), hostLog);
  }
  if (!keep) rmSync(dir, { recursive: true, force: true });
  return { seed, plan, injected, invariants, visits, ms: Date.now() - t0, keptDir: keep ? dir : null, hostLog: broken ? hostLog.slice(-3000) : '' };
}

/** Waits (bounded) until no print job is waiting or printing and no vend is in flight. */
async function settle(dbPath: string, maxMs: number): Promise<void> {
  const end = Date.now() + maxMs;
  while (Date.now() < end) {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      const open = db
        .prepare(
          `SELECT (SELECT COUNT(*) FROM print_jobs WHERE state IN ('queued', 'printing'))
                + (SELECT COUNT(*) FROM vends WHERE state IN ('sending', 'accepted'))
                + (SELECT COUNT(*) FROM vend_requests WHERE state = 'pending')`,
        )
        .pluck()
        .get() as number;
      if (open === 0) return;
    } finally {
      db.close();
    }
    await sleep(250);
  }
}
