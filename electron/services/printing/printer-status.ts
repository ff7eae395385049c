/**
 * Real-time status (`DLE EOT 1..4`) decoded into what a technician means by
 * it. Every reply byte has bits 1 and 4 set and bits 0 and 7 clear; a byte
 * that does not is noise, not a status. A printer that does not answer in
 * time is "not responding", never "ok".
 */
import { printerFaultCodes, type PrinterFaultCode, type PrinterStatus } from '../../contract/printing-api';

export { printerFaultCodes, type PrinterFaultCode, type PrinterStatus };

export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

/** Decodes the replies to DLE EOT 1, 2, 3 and 4 (in that order). */
export function decodeStatus(raw: [number, number, number, number], printer: string, at: Date): PrinterStatus {
  const [n1, n2, n3, n4] = raw;
  const offline = (n1 & 0x08) !== 0;
  const coverOpen = (n2 & 0x04) !== 0;
  const paperStop = (n2 & 0x20) !== 0;
  const errorOccurred = (n2 & 0x40) !== 0;
  const cutterError = (n3 & 0x08) !== 0;
  const unrecoverable = (n3 & 0x20) !== 0;
  const autoRecoverable = (n3 & 0x40) !== 0;
  const mechanical = (n3 & 0x04) !== 0;
  const paperOut = (n4 & 0x60) !== 0 || paperStop;
  const nearEnd = (n4 & 0x0c) !== 0;

  const faults: PrinterFaultCode[] = [];
  if (paperOut) faults.push('printer.paper_out');
  if (coverOpen) faults.push('printer.cover_open');
  if (cutterError) faults.push('printer.cutter_error');
  if (unrecoverable) faults.push('printer.unrecoverable_error');
  if (autoRecoverable || mechanical || (errorOccurred && !cutterError && !unrecoverable)) faults.push('printer.recoverable_error');
  if (offline && faults.length === 0) faults.push('printer.offline');

  return {
    state: faults.length ? 'fault' : 'ok',
    online: !offline,
    coverOpen,
    paperOut,
    paperNearEnd: nearEnd,
    cutterError,
    unrecoverableError: unrecoverable,
    faults,
    warnings: nearEnd ? ['printer.paper_near_end'] : [],
    raw: [...raw],
    checkedAt: at.toISOString(),
    printer,
  };
}

export function notRespondingStatus(printer: string, at: Date): PrinterStatus {
  return {
    state: 'not_responding',
    online: null,
    coverOpen: null,
    paperOut: null,
    paperNearEnd: null,
    cutterError: null,
    unrecoverableError: null,
    faults: ['printer.not_responding'],
    warnings: [],
    raw: null,
    checkedAt: at.toISOString(),
    printer,
  };
}

export function unknownStatus(printer: string): PrinterStatus {
  return { ...notRespondingStatus(printer, new Date(0)), state: 'unknown', faults: [], checkedAt: null };
}

/** Whether two statuses differ in a way screens and staff care about (not the time of the check). */
export function statusChanged(a: PrinterStatus, b: PrinterStatus): boolean {
  return a.state !== b.state || a.faults.join() !== b.faults.join() || a.warnings.join() !== b.warnings.join();
}

/** One line a condition, Korean first: what the technician sees and does. */
export const statusMessages: Record<PrinterFaultCode | 'printer.paper_near_end' | 'printer.ok', string> = {
  'printer.ok': '정상입니다 — 인쇄할 수 있습니다 / OK: ready to print',
  'printer.paper_out': '용지가 없습니다 — 용지를 넣어 주세요 / Paper out: load paper',
  'printer.cover_open': '덮개가 열려 있습니다 — 덮개를 닫아 주세요 / Cover open: close the cover',
  'printer.cutter_error': '커터 오류입니다 — 용지 걸림을 확인하고 전원을 껐다 켜 주세요 / Cutter error: clear the jam and power-cycle the printer',
  'printer.unrecoverable_error': '복구할 수 없는 오류입니다 — 전원을 껐다 켜고, 계속되면 수리를 요청하세요 / Unrecoverable error: power-cycle; call service if it stays',
  'printer.recoverable_error': '일시적 오류입니다 — 헤드가 식도록 잠시 기다려 주세요 / Recoverable error: wait for the head to cool',
  'printer.offline': '프린터가 오프라인입니다 — 전원과 온라인 상태를 확인하세요 / Offline: check power and the online state',
  'printer.not_responding': '프린터가 응답하지 않습니다 — 케이블과 전원, 주소를 확인하세요 / Not responding: check the cable, power and address',
  'printer.paper_near_end': '용지가 곧 떨어집니다 — 새 용지를 준비하세요 / Paper near end: have a new roll ready',
};

export function describeStatus(s: PrinterStatus): string[] {
  if (s.state === 'unknown') return ['상태를 아직 확인하지 않았습니다 / Status not checked yet'];
  const lines = s.faults.map((f) => statusMessages[f]);
  if (lines.length === 0) lines.push(statusMessages['printer.ok']);
  for (const w of s.warnings) lines.push(statusMessages[w]);
  return lines;
}
