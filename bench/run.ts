/**
 * `npm run bench`: speed and memory figures as one table. Targets are
 * printed beside the figures, never asserted: timing belongs here, not in tests.
 * `npm run bench -- storage printing` runs only those areas; `--soak` makes
 * the soak area's run the long one (10,000 visitors instead of 1,000).
 */
import { formatTable, type BenchModule, type BenchRow } from './bench-table';
import { storageBench } from './storage.bench';
import { shellBench } from './shell.bench';
import { pharmacyBench } from './pharmacy.bench';
import { printingBench } from './printing.bench';
import { vendingBench } from './vending.bench';
import { staffBench } from './staff.bench';
import { storeBench } from './store.bench';
import { soakBench } from './soak.bench';
import { hubBench } from './hub.bench';
import { chaosBench } from './chaos.bench';

const modules: BenchModule[] = [storageBench, shellBench, printingBench, vendingBench, pharmacyBench, staffBench, storeBench, soakBench, hubBench, chaosBench];

async function main() {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const rows: BenchRow[] = [];
  for (const m of modules) {
    if (only.length && !only.includes(m.area)) continue;
    process.stderr.write(`bench: ${m.area}...\n`);
    try {
      rows.push(...(await m.run()));
    } catch (err) {
      process.stderr.write(`bench ${m.area} failed: ${(err as Error).stack ?? err}\n`);
      rows.push({ area: m.area, metric: 'FAILED', value: NaN, unit: '' });
    }
  }
  process.stdout.write(formatTable(rows) + '\n');
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(String(err?.stack ?? err) + '\n');
    process.exit(1);
  },
);
