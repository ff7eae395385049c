/** Device cards: a colour level and the same words as the alert for the same cause; "not checked" rather than a false "OK". */
import { describe, expect, it } from 'vitest';
import { alertWords } from '../../contract/alert-catalog';
import { printerCards, vendingCards } from './device-health';
import { notRespondingStatus, unknownStatus, decodeStatus } from '../printing/printer-status';

const at = new Date('2026-12-05T10:00:00Z');

describe('device health cards', () => {
  it('paper out: the paper card says what the paper-out alert says', () => {
    const s = decodeStatus([0x16, 0x12, 0x12, 0x72], 'sim', at);
    const [printer, paper] = printerCards(s);
    expect(paper).toMatchObject({ id: 'paper', level: 'action', type: 'printer.paper_out' });
    expect(paper!.words.ko.title).toBe(alertWords('printer.paper_out', 'ko', {}).title);
    expect(paper!.words.en.next).toBe(alertWords('printer.paper_out', 'en', {}).next);
    expect(printer!.level).toBe('ok');
  });

  it('a printer that does not answer: printer in trouble, paper not known', () => {
    const [printer, paper] = printerCards(notRespondingStatus('sim', at));
    expect(printer).toMatchObject({ level: 'action', type: 'printer.not_responding' });
    expect(paper).toMatchObject({ level: 'unknown', type: null });
  });

  it('before the first status both printer cards say "not checked yet"', () => {
    expect(printerCards(unknownStatus('sim')).map((c) => c.level)).toEqual(['unknown', 'unknown']);
  });

  it('cabinet: link down, door open, a jammed slot, all well', () => {
    expect(vendingCards({ link: 'down', checkedAt: null, faults: [], slots: [] }).map((c) => [c.id, c.level, c.type])).toEqual([
      ['cabinet', 'unknown', null],
      ['link', 'action', 'vending.no_link'],
    ]);
    expect(vendingCards({ link: 'up', checkedAt: 'x', faults: ['door_open'], slots: [] })[0]).toMatchObject({ level: 'action', type: 'vending.door_open' });
    const jam = vendingCards({ link: 'up', checkedAt: 'x', faults: [], slots: [{ slot: 4, state: 'jammed' }] })[0]!;
    expect(jam.words.ko.title).toBe('선물이 4번 칸에 걸림');
    expect(vendingCards({ link: 'up', checkedAt: 'x', faults: [], slots: [{ slot: 1, state: 'ok' }] }).map((c) => c.level)).toEqual(['ok', 'ok']);
  });
});
