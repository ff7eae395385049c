import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * `<link rel="preload">` for the bundled fonts: the attract screen's text waits for its font
 * (`font-display: block`), and without the hint Chromium asks for the font only once the script
 * has run and laid the screen out. With it, the font loads while the script does.
 */
function preloadFonts(): Plugin {
  return {
    name: 'itda-preload-fonts',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const fonts = Object.keys(ctx.bundle ?? {}).filter((f) => f.endsWith('.woff2'));
        return {
          html,
          tags: fonts.map((f) => ({ tag: 'link', attrs: { rel: 'preload', as: 'font', type: 'font/woff2', href: `./${f}`, crossorigin: '' }, injectTo: 'head' as const })),
        };
      },
    },
  };
}

// Three builds: main (ESM, deps external: native modules load from node_modules),
// preload (one CommonJS file: a sandboxed preload cannot load ESM or npm packages),
// renderer (React, served by app:// in Electron and by the web host).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: { entry: resolve(__dirname, 'electron/main/index.ts'), formats: ['es'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve(__dirname, 'electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
      rollupOptions: { external: ['electron'], output: { inlineDynamicImports: true } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), preloadFonts()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // A kiosk parses this on every start: ship it minified.
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
