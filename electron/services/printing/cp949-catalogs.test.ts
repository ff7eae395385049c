/**
 * Every string that can reach a slip (the pharmacy content catalog, the
 * prescription, crisis, ticket and sample slip templates with the venue
 * config) printed in text and hybrid modes and read back by the printer's
 * decoder: no `?` that was not in the source. The issue found `—` and `–`
 * printed as `?` in text mode.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load-config';
import { loadPharmacyContent } from '../pharmacy/pharmacy-content';
import { crisisSlip, prescriptionSlip, type SlipLanguage } from '../pharmacy/pharmacy-slips';
import { samplePrescription, sampleTicket } from '../sample-slips';
import { ticketSlip } from '../store/store-slips';
import { paperText } from './paper-model';
import { profileFor } from './printer-profiles';
import { parseSlipDocument, type SlipDocumentInput } from './slip-document';
import { encodeSlip } from './slip-encoder';
import { paperItemsFromBytes } from './slip-preview';

const content = loadPharmacyContent();
const config = parseConfig({});
const at = new Date('2026-11-27T05:10:00Z');
const langs: SlipLanguage[] = ['ko', 'en'];

function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

function slips(): { name: string; doc: SlipDocumentInput }[] {
  const out: { name: string; doc: SlipDocumentInput }[] = [];
  for (const lang of langs) {
    for (const symptom of content.symptoms) {
      for (const prescription of symptom.prescriptions) {
        out.push({
          name: `prescription ${prescription.id} ${lang}`,
          doc: prescriptionSlip({ venueName: config.venue.name, venueUrl: config.venue.url, rxNumber: 'RX-0427', issuedAt: at, symptom, prescription, footer: content.footer, language: lang }),
        });
      }
    }
    out.push({ name: `crisis ${lang}`, doc: crisisSlip({ venueName: config.venue.name, crisis: content.crisis, footer: content.footer, language: lang }) });
    out.push({
      name: `ticket ${lang}`,
      doc: ticketSlip({
        venueName: config.venue.name,
        hours: { ko: '화–일 10:00–20:00', en: 'Tue–Sun 10:00–20:00' },
        issuedAt: at,
        queue: { number: 17, ahead: 2 },
        booking: { ref: 'BK-7', slotStart: '2026-11-27T14:10' },
        snacks: [{ ko: '따뜻한 유자차', en: 'Warm yuja tea' }],
        language: lang,
      }),
    });
  }
  out.push({ name: 'sample prescription', doc: samplePrescription(config, at) });
  out.push({ name: 'sample ticket', doc: sampleTicket(config, at) });
  // Each catalog string alone, so one that no template uses today is covered too.
  strings(content)
    .filter((s) => s.trim() && !s.endsWith('.svg'))
    .forEach((s, i) => out.push({ name: `catalog string ${i}`, doc: { blocks: [{ type: 'text', text: s.slice(0, 2000) }] } }));
  return out;
}

const questionMarks = (s: string) => [...s].filter((c) => c === '?').length;

describe('slip text reaches the paper without "?"', () => {
  const all = slips();

  it.each(['text', 'hybrid'] as const)('%s mode: every catalog and template string', (mode) => {
    expect(all.length).toBeGreaterThan(20);
    const bad: string[] = [];
    for (const { name, doc } of all) {
      const parsed = parseSlipDocument(doc);
      const source = strings(parsed).join('\n');
      const printed = paperText(paperItemsFromBytes(encodeSlip(parsed, { mode, profile: profileFor(576), partialCut: true }).bytes));
      if (questionMarks(printed) > questionMarks(source)) bad.push(`${name}: ${printed.split('\n').filter((l) => l.includes('?')).join(' | ')}`);
    }
    expect(bad).toEqual([]);
  });

  it('the catalog does use characters CP949 lacks, so the test has something to catch', () => {
    const raw = strings(content).join('') + strings(all.map((s) => s.doc)).join('');
    expect(/[—–]/.test(raw)).toBe(true);
  });
});
