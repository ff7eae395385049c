import { resolve } from 'node:path';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// The fourth build: the Node entry points (web host, supervisor, technician CLIs) bundled to plain
// ES modules in out/node/, so a venue machine never compiles TypeScript at start. Every npm package
// stays external: native modules (better-sqlite3, serialport, canvas) load from node_modules as built.
const entries: Record<string, string> = {
  webhost: 'electron/webhost/cli.ts',
  'kiosk-runtime': 'electron/runtime/runtime-cli.ts',
  printer: 'electron/services/printing/cli/printer-cli.ts',
  vending: 'electron/services/vending/cli/vending-cli.ts',
  'sim-printer': 'electron/services/printing/sim/printer-sim-cli.ts',
  'sim-vending': 'electron/services/vending/sim/vending-sim-cli.ts',
  hub: 'electron/hub/hub-cli.ts',
  // The chaos campaign's and soak's host: bundled, it starts in a fraction of tsx's time on a busy machine.
  'chaos-host': 'electron/chaos/chaos-host.ts',
};

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/**
 * Pure-JS packages loaded at every start, bundled in: zod's and ws's hundred-odd module files cost
 * the host more to find and load one by one (~0.2 s before "ready" on a busy kiosk) than to compile.
 */
const BUNDLED = ['zod', 'ws'];

/** Bare specifiers (npm packages) and Node built-ins stay imports; our own files and BUNDLED are bundled. */
export function isExternal(id: string): boolean {
  if (builtins.has(id) || id.startsWith('node:')) return true;
  if (BUNDLED.some((p) => id === p || id.startsWith(`${p}/`))) return false;
  return !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:[\\/]/.test(id);
}

export default defineConfig({
  publicDir: false,
  // An SSR build leaves every package external unless told otherwise.
  ssr: { noExternal: BUNDLED },
  logLevel: 'warn',
  build: {
    ssr: true,
    target: 'node20',
    outDir: resolve(import.meta.dirname, 'out/node'),
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, resolve(import.meta.dirname, file)])),
      external: isExternal,
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
