/**
 * Each device's health for the overview: printer, paper, cabinet, link, with
 * a level (a colour on screen) and the alert type whose words it shows, so
 * the card and the alert never say different things. Pure: statuses in,
 * cards out.
 */
import { alertCatalog, alertWords, deviceWords, type AlertType } from '../../contract/alert-catalog';
import type { DeviceHealth } from '../../contract/console-api';
import type { PrinterStatus } from '../../contract/printing-api';

interface VendingLike {
  link: 'up' | 'down';
  checkedAt: string | null;
  faults: string[];
  slots: { slot: number; state: string }[];
}

function card(id: DeviceHealth['id'], type: AlertType | null, state: 'ok' | 'unknown', detail: Record<string, string | number> = {}): DeviceHealth {
  if (type === null) return { id, level: state, type: null, words: deviceWords[id][state] };
  const sev = alertCatalog[type].severity;
  const ko = alertWords(type, 'ko', detail);
  const en = alertWords(type, 'en', detail);
  return { id, level: sev === 'notice' ? 'notice' : 'action', type, words: { ko: { title: ko.title, next: ko.next }, en: { title: en.title, next: en.next } } };
}

const isType = (x: string): x is AlertType => Object.prototype.hasOwnProperty.call(alertCatalog, x);

export function printerCards(s: PrinterStatus | null): DeviceHealth[] {
  if (!s || s.state === 'unknown') return [card('printer', null, 'unknown'), card('paper', null, 'unknown')];
  const other = s.faults.filter((f) => f !== 'printer.paper_out');
  const printerType = other.map(String).find(isType) ?? (other.length ? 'printer_fault' : null);
  const paper = s.paperOut ? 'printer.paper_out' : s.paperNearEnd ? 'printer.paper_near_end' : null;
  // Not responding: the paper is not known either, so it says so instead of "OK".
  const paperCard = s.state === 'not_responding' ? card('paper', null, 'unknown') : card('paper', paper, 'ok');
  return [card('printer', printerType, 'ok'), paperCard];
}

export function vendingCards(s: VendingLike | null): DeviceHealth[] {
  if (!s) return [card('cabinet', null, 'unknown'), card('link', null, 'unknown')];
  // Link down: the cabinet's own state cannot be read, so its card says "not checked" rather than "OK".
  if (s.link === 'down') return [card('cabinet', null, 'unknown'), card('link', 'vending.no_link', 'ok')];
  const fault = s.faults.map((f) => `vending.${f}`).find(isType);
  if (fault) return [card('cabinet', fault, 'ok'), card('link', null, 'ok')];
  const jammed = s.slots.find((x) => x.state === 'jammed');
  if (jammed) return [card('cabinet', 'vending.jammed', 'ok', { slot: jammed.slot }), card('link', null, 'ok')];
  return [card('cabinet', null, 'ok'), card('link', null, 'ok')];
}
