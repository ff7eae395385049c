/** Shared shape and helpers for `npm run bench`: each domain returns rows; run.ts prints one table. */
export interface BenchRow {
  /** Which issue area: foundation, printing, vending, ... */
  area: string;
  metric: string;
  value: number;
  unit: string;
  /** The target, as text (`p95 < 50 ms`), when the issue names one. */
  target?: string;
  /** A peer measured side by side, and value / peer. */
  peer?: { name: string; value: number };
}

export interface BenchModule {
  area: string;
  run(): Promise<BenchRow[]>;
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

export function median(samples: number[]): number {
  return percentile(samples, 50);
}

export function formatTable(rows: BenchRow[]): string {
  const header = ['area', 'metric', 'value', 'unit', 'target', 'peer', 'ratio'];
  const body = rows.map((r) => [
    r.area,
    r.metric,
    formatNumber(r.value),
    r.unit,
    r.target ?? '',
    r.peer ? `${r.peer.name} ${formatNumber(r.peer.value)}` : '',
    r.peer && r.peer.value ? (r.value / r.peer.value).toFixed(2) + 'x' : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  return [line(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...body.map(line)].join('\n');
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}
