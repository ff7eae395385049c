/**
 * Reads a printed slip's PNG back with tesseract (Korean + English), as a
 * person would read the paper. 203 dpi paper is read at arm's length: the
 * image is scaled 2× with a white margin first, as a phone camera would see it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';

export function tesseractAvailable(): boolean {
  return existsSync('/usr/bin/tesseract');
}

export async function ocr(pngPath: string, psm: 4 | 6 = 4): Promise<string> {
  const img = await loadImage(readFileSync(pngPath));
  const c = createCanvas(img.width * 2 + 80, img.height * 2 + 80);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, c.width, c.height);
  ctx.drawImage(img, 40, 40, img.width * 2, img.height * 2);
  const dir = mkdtempSync(join(tmpdir(), 'itda-ocr-'));
  try {
    const scaled = join(dir, 'slip.png');
    writeFileSync(scaled, c.toBuffer('image/png'));
    return execFileSync('tesseract', [scaled, '-', '-l', 'kor+eng', '--psm', String(psm)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** OCR output with spaces removed: Korean spacing is where tesseract errs most. */
export async function ocrCompact(pngPath: string, psm: 4 | 6 = 4): Promise<string> {
  return (await ocr(pngPath, psm)).replace(/\s+/g, '');
}

/**
 * Whether OCR text holds `code` (an Rx number like `RX-6NNXYK`), allowing one
 * misread character after the prefix: tesseract reads 9 as S or Q now and then,
 * which says nothing about the slip. A wrong number still fails (two or more differ).
 */
export function ocrFindsCode(text: string, code: string, maxMisreads = 1): boolean {
  const [prefix, body] = [code.slice(0, code.indexOf('-') + 1), code.slice(code.indexOf('-') + 1)];
  for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
    const read = text.slice(at + prefix.length, at + prefix.length + body.length);
    if (read.length !== body.length) continue;
    let misreads = 0;
    for (let i = 0; i < body.length; i++) if (read[i] !== body[i]) misreads++;
    if (misreads <= maxMisreads) return true;
  }
  return false;
}
