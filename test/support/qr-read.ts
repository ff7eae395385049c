/**
 * QR codes read off a slip image by zbar (Debian `zbar-tools`), a reader
 * that knows nothing of ours. A white border is added first: a scanner needs
 * a quiet zone, and a slip's QR may sit near the paper's edge.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function zbarAvailable(): boolean {
  return spawnSync('zbarimg', ['--version']).status === 0;
}

export function readQrCodes(pngFile: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'itda-qr-'));
  try {
    const out = join(dir, 'out.png');
    spawnSync('convert', [pngFile, '-bordercolor', 'white', '-border', '40', out]);
    const r = spawnSync('zbarimg', ['--raw', '-q', out], { encoding: 'utf8' });
    return r.stdout.split('\n').filter(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
