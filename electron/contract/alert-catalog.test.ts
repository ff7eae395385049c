/** The alert catalog: every type has plain words in both languages, and kinds and details find their entry and cause. */
import { describe, expect, it } from 'vitest';
import { alertCatalog, alertCauseOf, alertTypeOf, alertTypes, alertWords } from './alert-catalog';
import { printerFaultCodes } from './printing-api';

const hangul = /[\uac00-\ud7a3]/;

describe('alert catalog', () => {
  it.each(alertTypes)('%s has a title, one sentence and a next step in Korean and English', (type) => {
    const e = alertCatalog[type];
    for (const part of [e.title, e.what, e.next]) {
      expect(part.ko).toMatch(hangul);
      expect(part.en.length).toBeGreaterThan(5);
      expect(part.en).not.toMatch(hangul);
    }
    expect(['crisis', 'action', 'notice']).toContain(e.severity);
  });

  it('every printer fault and cabinet fault the devices report has its own entry', () => {
    for (const f of printerFaultCodes) expect(alertTypeOf('printer_fault', { fault: f })).toBe(f);
    for (const f of ['door_open', 'motor_bus_fault', 'drop_sensor_fault', 'no_link', 'jammed', 'slot_empty']) {
      expect(alertTypeOf('vending_fault', { code: `vending.${f}` })).toBe(`vending.${f}`);
    }
  });

  it('an unknown code falls back to the general words of its kind, never to the code', () => {
    expect(alertTypeOf('vending_fault', { code: 'vending.something_new' })).toBe('vending_fault');
    expect(alertTypeOf('printer_fault', { fault: 'printer.new_thing' })).toBe('printer_fault');
    const w = alertWords(alertTypeOf('vending_fault', { code: 'vending.something_new' }), 'en', {});
    expect(JSON.stringify(w)).not.toContain('something_new');
  });

  it('repeats of one cause share it; different jobs, slots and TXNs do not', () => {
    expect(alertCauseOf('vending_fault', { code: 'vending.no_link' })).toBe(alertCauseOf('vending_fault', { code: 'vending.no_link' }));
    expect(alertCauseOf('print_job_failed', { jobId: 'a', code: 'x' })).not.toBe(alertCauseOf('print_job_failed', { jobId: 'b', code: 'x' }));
    expect(alertCauseOf('vending_fault', { code: 'vending.jammed', slot: 1, txn: 4 })).toBe(alertCauseOf('vending_fault', { code: 'vending.jammed', slot: 1, txn: 9 }));
    expect(alertCauseOf('vending_fault', { code: 'vending.jammed', slot: 1 })).not.toBe(alertCauseOf('vending_fault', { code: 'vending.jammed', slot: 2 }));
    expect(alertCauseOf('crisis', { source: 'store' })).toBe('crisis:store');
  });

  it('fills the detail into the words and says "–" for a missing value', () => {
    expect(alertWords('vending.jammed', 'ko', { slot: 3 }).title).toBe('선물이 3번 칸에 걸림');
    expect(alertWords('vending.jammed', 'en', {}).title).toBe('A gift is stuck in slot –');
  });
});
