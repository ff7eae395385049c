import { describe, expect, it } from 'vitest';
import { ocrFindsCode } from './ocr';

describe('ocrFindsCode', () => {
  it('finds the Rx number read exactly or with one misread character', () => {
    expect(ocrFindsCode('처방번호RX-6NNXYK조제일시', 'RX-6NNXYK')).toBe(true);
    expect(ocrFindsCode('처방번호RX-YSDNP7조제일시', 'RX-Y9DNP7')).toBe(true);
  });

  it('refuses another number, a truncated one, or none at all', () => {
    expect(ocrFindsCode('처방번호RX-YSDNQ7조제일시', 'RX-Y9DNP7')).toBe(false);
    expect(ocrFindsCode('처방번호RX-Y9DN', 'RX-Y9DNP7')).toBe(false);
    expect(ocrFindsCode('마음약방', 'RX-Y9DNP7')).toBe(false);
  });
});
