/**
 * What the simulated printer answers, as pure functions of its faults:
 * `DLE EOT n` (real-time status), `GS r 1` / `ESC v` (paper sensor) and
 * `GS I n` (printer ID), with the bit layouts of Epson's ESC/POS reference.
 */
import type { SimFaults } from '../../../contract/printing-api';

/** `DLE EOT n`: every reply has bits 1 and 4 set; `stopped` is the mechanism halted by a fault. */
export function statusReply(f: SimFaults, n: number, stopped: boolean): number {
  const cutter = f.cutterError;
  switch (n) {
    case 1:
      return 0x12 | (stopped || cutter ? 0x08 : 0);
    case 2:
      return 0x12 | (f.coverOpen ? 0x04 : 0) | (f.paperOut ? 0x20 : 0) | (cutter ? 0x40 : 0);
    case 3:
      return 0x12 | (cutter ? 0x08 : 0);
    case 4:
      return 0x12 | (f.nearEnd || f.paperOut ? 0x0c : 0) | (f.paperOut ? 0x60 : 0);
    default:
      return 0x12;
  }
}

/** `GS r 1` (paper sensor): bits 0-1 near end, bits 2-3 paper end; bit 4 clear tells it from a `DLE EOT` reply. */
export function paperSensorReply(f: SimFaults): number {
  return (f.nearEnd || f.paperOut ? 0x03 : 0) | (f.paperOut ? 0x0c : 0);
}

/**
 * `GS I n`: 1 model ID, 2 type ID (bit 1: multi-byte fonts), 3 ROM version; 65-69 the
 * Epson "B" block form `_ <text> NUL` (firmware, maker, model, fonts, serial).
 */
export function printerIdReply(n: number): number[] {
  const block = (text: string) => [0x5f, ...Buffer.from(text, 'latin1'), 0x00];
  switch (n) {
    case 1:
    case 49:
      return [0x20];
    case 2:
    case 50:
      return [0x03];
    case 3:
    case 51:
      return [0x41];
    case 65:
      return block('1.00 ITDA');
    case 66:
      return block('ITDA');
    case 67:
      return block('ITDA-SIM-80');
    case 68:
      return block('KOREAN');
    case 69:
      return block('SIM00001');
    default:
      return [];
  }
}
