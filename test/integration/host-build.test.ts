/**
 * The bundled Node entry points (`npm run build` → out/node): plain ES modules
 * that import only Node built-ins and runtime dependencies (never tsx, vite or
 * TypeScript sources), and a built web host that starts and serves the kiosk.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureHostBuilt } from '../support/renderer-build';
import { makeTempDir } from '../support/temp-dir';

const root = join(import.meta.dirname, '..', '..');
let outNode = '';

beforeAll(async () => {
  outNode = await ensureHostBuilt();
}, 300_000);

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );
}

describe('out/node', () => {
  it('holds the web host, the kiosk runtime, the venue hub and the technician CLIs', () => {
    const names = readdirSync(outNode);
    for (const entry of ['webhost.js', 'kiosk-runtime.js', 'hub.js', 'printer.js', 'vending.js', 'sim-printer.js', 'sim-vending.js']) {
      expect(names).toContain(entry);
    }
  });

  it('imports only Node built-ins, its own chunks and runtime dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const seen = new Set<string>();
    for (const file of jsFiles(outNode)) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*"([^"]+)"|(?:^|\n)\s*import\s*"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/g)) {
        const spec = m[1] ?? m[2] ?? m[3];
        seen.add(spec);
        if (spec.startsWith('.') || spec.startsWith('node:')) continue;
        const pkgName = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        expect(pkgName in pkg.dependencies, `${file} imports ${spec}`).toBe(true);
      }
    }
    expect(seen).toContain('better-sqlite3');
  });

  it('loads the heavy packages on first use, not at start: the web host’s static imports hold none of them', () => {
    // What `import` statements (not `import()` or the lazy require of lazy-module.ts) pull in before "ready".
    const staticPackages = new Set<string>();
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*"([^"]+)"|(?:^|\n)\s*import\s*"([^"]+)"/g)) {
        const spec = (m[1] ?? m[2])!;
        if (spec.startsWith('.')) walk(join(file, '..', spec));
        else if (!spec.startsWith('node:')) staticPackages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    };
    walk(join(outNode, 'webhost.js'));
    expect(staticPackages).toContain('better-sqlite3');
    for (const heavy of ['@napi-rs/canvas', 'serialport', 'qrcode', 'iconv-lite', 'pg']) expect(staticPackages, heavy).not.toContain(heavy);
  });

  it('starts the built web host, which serves the renderer', async () => {
    const dir = makeTempDir('itda-host-build-');
    const child = spawn(process.execPath, [join(outNode, 'webhost.js'), '--port', '0', '--data', dir.path], {
      cwd: root,
      env: { ...process.env, ITDA_LOG_ECHO: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d;
          const m = /ready at (\S+)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.stderr.on('data', (d: Buffer) => (err += d));
        child.once('exit', (code) => reject(new Error(`built web host exited ${code}: ${err}`)));
      });
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      dir.remove();
    }
  });
});
