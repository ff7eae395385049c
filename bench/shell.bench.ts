/**
 * Foundation: web host cold start to first paint of the attract screen (the
 * built host in out/node, as production runs it, beside the `tsx` dev start), and
 * tap-to-visible-feedback latency on Home (pointerdown to the next frame
 * after the pressed state lands in the DOM).
 *
 * The start figures that count are a kiosk's ordinary start: a data dir that already
 * has its database and an admin PIN (every start after the first), the median of
 * several starts (`ITDA_BENCH_SHELL_RUNS`, default 5) with the machine's load beside
 * them. The very first start also issues the first admin's setup code (a deliberately
 * slow scrypt hash) and prints its slip; it is shown on its own row.
 *
 * "First paint" runs from the host's spawn to Chromium's own paint timing of the
 * attract screen's content (ATTRACT_PAINT_EPOCH); the browser is already running,
 * as a kiosk's is, but its tab is opened only once the host says "ready" and that
 * time is counted (and shown on its own row).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { launchBrowser, KIOSK_VIEWPORT } from '../test/support/browser';
import { makeTempDir } from '../test/support/temp-dir';
import { median, percentile, type BenchModule, type BenchRow } from './bench-table';
import { loadavg } from 'node:os';
import { openDatabase } from '../electron/services/storage/database';
import { StaffAuth } from '../electron/services/staff/staff-auth';

const root = join(import.meta.dirname, '..');

/** How the host is started: the bundled JS (`npm run start:web`) or TypeScript through tsx (`npm run dev:web`). */
const HOST_ENTRY = {
  built: [join(root, 'out/node/webhost.js')],
  tsx: [join(root, 'node_modules/tsx/dist/cli.mjs'), 'electron/webhost/cli.ts'],
};

/** A data dir as a kiosk has it after its first day: database made, an admin PIN set (no setup code at start). */
async function installedDataDir(port: number): Promise<ReturnType<typeof makeTempDir>> {
  const dir = makeTempDir('itda-bench-installed-');
  await coldStart(port, 'built', dir);
  const db = openDatabase({ dataDir: dir.path });
  try {
    await new StaffAuth({ db, record: () => undefined }).addPin('admin', 'admin', '258013');
  } finally {
    db.close();
  }
  return dir;
}

/** One start's figures, each from the host's spawn (ms). */
interface ColdStart {
  ready: number;
  /** Of ready → paint: opening the browser tab (Playwright's new context and page; not the kiosk's own time). */
  tab: number;
  /** The attract screen's first contentful paint in Chromium (its text painted, web font in). */
  paint: number;
}

/**
 * The attract screen's first contentful paint, read from Chromium's own paint timing: the earliest
 * largest-contentful-paint entry whose element is inside the attract screen. That is when its text
 * was painted with the kiosk's font (a font still loading paints nothing under `font-display: block`),
 * not merely when the element exists. In epoch ms, to be set beside the host's spawn.
 */
const ATTRACT_PAINT_EPOCH = `new Promise((resolve, reject) => {
  setTimeout(() => reject(new Error('Chromium reported no contentful paint of the attract screen in 15 s')), 15000);
  const attract = document.querySelector('[data-testid="attract"]');
  const seen = (list) => {
    const hit = list.getEntries().filter((e) => e.element && attract.contains(e.element)).sort((a, b) => a.startTime - b.startTime)[0];
    if (hit) { observer.disconnect(); resolve(performance.timeOrigin + (hit.renderTime || hit.startTime)); }
  };
  const observer = new PerformanceObserver(seen);
  observer.observe({ type: 'largest-contentful-paint', buffered: true });
})`;

async function coldStart(port: number, entry: keyof typeof HOST_ENTRY, existing?: ReturnType<typeof makeTempDir>): Promise<ColdStart> {
  const dir = existing ?? makeTempDir('itda-bench-web-');
  const browser = await launchBrowser();
  const t0 = performance.now();
  const t0Epoch = performance.timeOrigin + t0;
  const child = spawn(process.execPath, [...HOST_ENTRY[entry], '--port', String(port), '--data', dir.path], {
    cwd: root,
    env: { ...process.env, ITDA_LOG_ECHO: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('web host did not start in 30 s')), 30_000);
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('ready at')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`web host exited ${code}`)));
    });
    const ready = performance.now() - t0;
    const page = await browser.newPage({ viewport: KIOSK_VIEWPORT });
    const tab = performance.now() - t0 - ready;
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByTestId('attract').waitFor();
    // In-page code is a string: this file is type-checked for Node, not the DOM.
    const paintedAt = (await page.evaluate(ATTRACT_PAINT_EPOCH)) as number;
    return { ready, tab, paint: paintedAt - t0Epoch };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    await browser.close();
    if (!existing) dir.remove();
  }
}

/** The median start of `runs` (each figure its own median): one start is at the mercy of whatever else the machine does. */
function medianStart(starts: ColdStart[]): ColdStart {
  return { ready: median(starts.map((s) => s.ready)), tab: median(starts.map((s) => s.tab)), paint: median(starts.map((s) => s.paint)) };
}

async function tapFeedback(port: number, taps: number): Promise<number[]> {
  const dir = makeTempDir('itda-bench-web-');
  const child = spawn(process.execPath, [...HOST_ENTRY.built, '--port', String(port), '--data', dir.path], {
    cwd: root,
    env: { ...process.env, ITDA_LOG_ECHO: '0', ITDA_IDLE_SECONDS: '3600' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const browser = await launchBrowser();
  try {
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('ready at') && resolve()));
    const page = await browser.newPage({ viewport: KIOSK_VIEWPORT });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByTestId('attract').click();
    const button = page.getByTestId('lang-toggle');
    await button.waitFor();
    const box = (await button.boundingBox())!;
    await page.evaluate(`(() => {
      window.__lat = [];
      window.addEventListener('pointerdown', (e) => (window.__down = e.timeStamp), true);
      const target = document.querySelector('[data-testid="lang-toggle"]');
      new MutationObserver(() => {
        if (target.getAttribute('data-pressed') === 'true') {
          requestAnimationFrame(() => window.__lat.push(performance.now() - window.__down));
        }
      }).observe(target, { attributes: true, attributeFilter: ['data-pressed'] });
    })()`);
    for (let i = 0; i < taps; i++) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.waitForTimeout(30);
      await page.mouse.up();
      await page.waitForTimeout(40);
    }
    return (await page.evaluate('window.__lat')) as number[];
  } finally {
    child.kill('SIGTERM');
    await browser.close();
    dir.remove();
  }
}

export const shellBench: BenchModule = {
  area: 'shell',
  async run(): Promise<BenchRow[]> {
    const base = 5300 + Math.floor(Math.random() * 500);
    const runs = Number(process.env.ITDA_BENCH_SHELL_RUNS ?? 5);
    const loadBefore = loadavg()[0];
    // One warm-up start each fills the OS file cache, so the figures compare the entry points, not the disk.
    // Then built and tsx starts alternate, so a busy spell on the machine falls on both.
    const installed = await installedDataDir(base + 5);
    const built: ColdStart[] = [];
    const tsx: ColdStart[] = [];
    try {
      await coldStart(base + 2, 'built', installed);
      await coldStart(base + 3, 'tsx', installed);
      for (let i = 0; i < runs; i++) {
        built.push(await coldStart(base + 10 + 2 * i, 'built', installed));
        tsx.push(await coldStart(base + 11 + 2 * i, 'tsx', installed));
      }
    } finally {
      installed.remove();
    }
    const cold = medianStart(built);
    const dev = medianStart(tsx);
    const load = `${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)}`;
    const first = await coldStart(base + 6, 'built');
    const spread = (xs: ColdStart[], k: keyof ColdStart) => `${Math.round(Math.min(...xs.map((x) => x[k])))}–${Math.round(Math.max(...xs.map((x) => x[k])))}`;
    const lat = await tapFeedback(base + 1, 60);
    return [
      { area: 'shell', metric: `machine load, 1-min average (${load} over the ${runs}+${runs} starts)`, value: loadavg()[0], unit: '' },
      { area: 'shell', metric: `built web host cold start to "ready" (median of ${runs}, ${spread(built, 'ready')})`, value: cold.ready, unit: 'ms', target: '< 1000 ms' },
      { area: 'shell', metric: 'built web host very first start to "ready" (issues the setup code)', value: first.ready, unit: 'ms' },
      { area: 'shell', metric: `built web host cold start to first paint of attract (median of ${runs}, ${spread(built, 'paint')})`, value: cold.paint, unit: 'ms', target: '< 1500 ms' },
      { area: 'shell', metric: '  of which opening the browser tab (Playwright, not the kiosk)', value: cold.tab, unit: 'ms' },
      { area: 'shell', metric: `tsx web host cold start to "ready" (median of ${runs}, ${spread(tsx, 'ready')})`, value: dev.ready, unit: 'ms' },
      { area: 'shell', metric: `tsx web host cold start to first paint of attract (median of ${runs}, ${spread(tsx, 'paint')})`, value: dev.paint, unit: 'ms' },
      { area: 'shell', metric: 'cold start to "ready", built / tsx', value: cold.ready / dev.ready, unit: 'x' },
      { area: 'shell', metric: 'cold start to first paint, built / tsx', value: cold.paint / dev.paint, unit: 'x' },
      { area: 'shell', metric: `tap-to-feedback p50 (Home, ${lat.length} taps)`, value: percentile(lat, 50), unit: 'ms' },
      { area: 'shell', metric: `tap-to-feedback p95 (Home, ${lat.length} taps)`, value: percentile(lat, 95), unit: 'ms', target: 'p95 < 50 ms' },
    ];
  },
};
