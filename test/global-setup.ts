/**
 * Builds the renderer once before the suite when browser tests need it and
 * the build is missing or older than its sources.
 */
import { execFileSync } from 'node:child_process';
import { rendererBuildIsStale } from '../scripts/build-freshness';

export default function setup() {
  if (process.env.ITDA_SKIP_BUILD === '1') return;
  if (rendererBuildIsStale()) {
    execFileSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], { stdio: 'inherit' });
  }
}
