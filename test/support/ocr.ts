/** Reads a printed slip's PNG back with tesseract (Korean + English), as a person would read the paper. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function tesseractAvailable(): boolean {
  return existsSync('/usr/bin/tesseract');
}

export function ocr(pngPath: string): string {
  return execFileSync('tesseract', [pngPath, '-', '-l', 'kor+eng', '--psm', '4'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

/** OCR output with spaces removed: Korean spacing is where tesseract errs most. */
export function ocrCompact(pngPath: string): string {
  return ocr(pngPath).replace(/\s+/g, '');
}
