/**
 * What `electron-vite build` hands to Electron (global setup builds out/):
 * a preload that a sandboxed renderer can load (one CommonJS file that
 * requires nothing but `electron`) and a main bundle that loads only Node
 * built-ins, electron and the app's runtime dependencies.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { invokeChannel, pushChannel } from '../../electron/contract/names';

const root = join(__dirname, '..', '..');
const preloadFile = join(root, 'out', 'preload', 'index.cjs');
const mainFile = join(root, 'out', 'main', 'index.js');
const built = existsSync(preloadFile) && existsSync(mainFile);

describe.skipIf(!built)('electron-vite build output', () => {
  it('makes the preload one CommonJS file that requires only electron', () => {
    const src = readFileSync(preloadFile, 'utf8');
    expect([...src.matchAll(/require\(([^)]*)\)/g)].map((m) => m[1])).toEqual(['"electron"']);
    expect(src).not.toMatch(/^\s*import\s/m);
    expect(src).not.toMatch(/\bimport\(/);
  });

  it('runs the built preload as the sandbox loads it and exposes only window.itda', async () => {
    const src = readFileSync(preloadFile, 'utf8');
    const exposed: Record<string, unknown> = {};
    const channels: string[] = [];
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
      ipcRenderer: {
        on: (channel: string) => channels.push(channel),
        invoke: async (...args: unknown[]) => {
          invoked.push(args);
          return { ok: true, value: null };
        },
      },
    };
    const sandboxRequire = (name: string) => {
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return electron;
    };
    new Function('require', 'module', 'exports', src)(sandboxRequire, { exports: {} }, {});
    expect(Object.keys(exposed)).toEqual(['itda']);
    expect(channels).toEqual([pushChannel]);
    const bridge = exposed.itda as { call(m: string, i: unknown): Promise<unknown> };
    await expect(bridge.call('app.info', {})).resolves.toEqual({ ok: true, value: null });
    await expect(bridge.call('shell.exec', {})).resolves.toMatchObject({ ok: false, error: { code: 'contract.unknown_method' } });
    expect(invoked).toEqual([[invokeChannel, 'app.info', {}]]);
  });

  it('makes main load only built-ins, electron and runtime dependencies', () => {
    const src = readFileSync(mainFile, 'utf8');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const specifiers = [...src.matchAll(/^import\s[^;]*?from\s+"([^"]+)"|^import\s+"([^"]+)"/gm)].map((m) => m[1] ?? m[2]);
    expect(specifiers).toContain('electron');
    for (const spec of specifiers) {
      const pkgName = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      const allowed = spec === 'electron' || spec.startsWith('node:') || pkgName in pkg.dependencies;
      expect(allowed, `out/main imports ${spec}`).toBe(true);
    }
  });
});
