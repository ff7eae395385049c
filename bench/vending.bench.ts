/** Vending: STATUS round trip over a socat PTY at 9600 and 115200 baud, and DISPENSE → final outcome with the simulator's vend time 0. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPtySim } from '../electron/services/vending/sim/pty-sim';
import { VmcBoard } from '../electron/services/vending/sim/vmc-board';
import { VendingController } from '../electron/services/vending/vending-controller';
import { VendingServiceImpl } from '../electron/services/vending/vending-service';
import { makeTestContext } from '../electron/services/vending/vending-test-kit';
import { percentile, type BenchRow, type BenchModule } from './bench-table';

export const vendingBench: BenchModule = {
  area: 'vending',
  async run(): Promise<BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), 'itda-bench-vmc-'));
    const rows: BenchRow[] = [];
    const sim = await startPtySim({ link: join(dir, 'vmc'), board: new VmcBoard({ vendMs: 0 }) });
    try {
      for (const baud of [9600, 115200]) {
        const ctl = new VendingController({ uri: `serial:${sim.link}?baud=${baud}` });
        await ctl.open();
        const samples: number[] = [];
        for (let i = 0; i < 200; i++) {
          const t = performance.now();
          await ctl.status();
          samples.push(performance.now() - t);
        }
        await ctl.close();
        // A PTY has no line speed: these figures are the host's own overhead, the floor under the wire time.
        rows.push({ area: 'vending', metric: `STATUS round trip over PTY, ${baud} baud, p50`, value: percentile(samples, 50), unit: 'ms', target: `timeout ${baud === 9600 ? 500 : 200} ms` });
        rows.push({ area: 'vending', metric: `STATUS round trip over PTY, ${baud} baud, p95`, value: percentile(samples, 95), unit: 'ms' });
      }
      const kit = makeTestContext({ uri: `serial:${sim.link}?baud=115200`, resultPollMs: 200 });
      const svc = new VendingServiceImpl(kit.ctx, { monitor: false });
      await svc.start();
      await svc.whenReady();
      const samples: number[] = [];
      for (let i = 0; i < 20; i++) {
        svc.restock(1, 8);
        const t = performance.now();
        const v = await svc.dispenseSlot(1, 'bench');
        if (v.state !== 'delivered') throw new Error(`bench vend ended ${v.state}`);
        samples.push(performance.now() - t);
      }
      await svc.stop();
      kit.cleanup();
      rows.push({ area: 'vending', metric: 'DISPENSE → final outcome, sim vend time 0, p50', value: percentile(samples, 50), unit: 'ms', target: 'RESULT poll 200 ms' });
      rows.push({ area: 'vending', metric: 'DISPENSE → final outcome, sim vend time 0, p95', value: percentile(samples, 95), unit: 'ms' });
      return rows;
    } finally {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
