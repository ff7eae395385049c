/**
 * Foundation: web host cold start to first paint of the attract screen (the
 * built host in out/node, as production runs it, beside the `tsx` dev start), and
 * The figures that count are a kiosk's ordinary start: a data dir that already
 * has its database and an admin PIN (every start after the first). The very
 * first start also issues the first admin's setup code (a deliberately slow
 * scrypt hash) and prints its slip; it is shown on its own row.
 * tap-to-visible-feedback latency on Home (pointerdown to the next frame
 * after the pressed state lands in the DOM).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { launchBrowser, KIOSK_VIEWPORT } from '../test/support/browser';
import { makeTempDir } from '../test/support/temp-dir';
import { percentile, type BenchModule, type BenchRow } from './bench-table';
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

async function coldStart(port: number, entry: keyof typeof HOST_ENTRY, existing?: ReturnType<typeof makeTempDir>): Promise<{ ready: number; paint: number }> {
  const dir = existing ?? makeTempDir('itda-bench-web-');
  const browser = await launchBrowser();
  const t0 = performance.now();
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
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByTestId('attract').waitFor();
    // In-page code is a string: this file is type-checked for Node, not the DOM.
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(null)))');
    return { ready, paint: performance.now() - t0 };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    await browser.close();
    if (!existing) dir.remove();
  }
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
    // One warm-up start each fills the OS file cache, so the figures compare the entry points, not the disk.
    const installed = await installedDataDir(base + 5);
    let cold: { ready: number; paint: number };
    let dev: { ready: number; paint: number };
    try {
      await coldStart(base + 2, 'built', installed);
      await coldStart(base + 3, 'tsx', installed);
      cold = await coldStart(base, 'built', installed);
      dev = await coldStart(base + 4, 'tsx', installed);
    } finally {
      installed.remove();
    }
    const first = await coldStart(base + 6, 'built');
    const lat = await tapFeedback(base + 1, 60);
    return [
      { area: 'shell', metric: 'built web host cold start to "ready"', value: cold.ready, unit: 'ms', target: '< 1000 ms' },
      { area: 'shell', metric: 'built web host very first start to "ready" (issues the setup code)', value: first.ready, unit: 'ms' },
      { area: 'shell', metric: 'built web host cold start to first paint of attract', value: cold.paint, unit: 'ms', target: '< 1500 ms' },
      { area: 'shell', metric: 'tsx web host cold start to "ready"', value: dev.ready, unit: 'ms' },
      { area: 'shell', metric: 'tsx web host cold start to first paint of attract', value: dev.paint, unit: 'ms' },
      { area: 'shell', metric: 'cold start to "ready", built / tsx', value: cold.ready / dev.ready, unit: 'x' },
      { area: 'shell', metric: 'cold start to first paint, built / tsx', value: cold.paint / dev.paint, unit: 'x' },
      { area: 'shell', metric: `tap-to-feedback p50 (Home, ${lat.length} taps)`, value: percentile(lat, 50), unit: 'ms' },
      { area: 'shell', metric: `tap-to-feedback p95 (Home, ${lat.length} taps)`, value: percentile(lat, 95), unit: 'ms', target: 'p95 < 50 ms' },
    ];
  },
};
