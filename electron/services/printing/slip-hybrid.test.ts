import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load-config';
import { loadPharmacyContent } from '../pharmacy/pharmacy-content';
import { prescriptionSlip } from '../pharmacy/pharmacy-slips';
import { paperText } from './paper-model';
import { profileFor } from './printer-profiles';
import { parseSlipDocument } from './slip-document';
import { encodeSlip } from './slip-encoder';
import { paperItemsFromBytes } from './slip-preview';

const content = loadPharmacyContent();
const config = parseConfig({});
const p80 = profileFor(576);

/** The longest prescription of the catalog, as the kiosk prints it. */
function longestPrescriptionSlip() {
  const all = content.symptoms.flatMap((symptom) => symptom.prescriptions.map((prescription) => ({ symptom, prescription })));
  const { symptom, prescription } = all.sort((a, b) => b.prescription.quote.ko.length - a.prescription.quote.ko.length)[0];
  return parseSlipDocument(
    prescriptionSlip({ venueName: config.venue.name, venueUrl: config.venue.url, rxNumber: 'RX-0427', issuedAt: new Date('2026-11-27T05:10:00Z'), symptom, prescription, footer: content.footer, language: 'ko' }),
  );
}

describe('hybrid slips', () => {
  it('fit the 80 mm prescription slip under 3 KB: under 2 s at 19200 baud, where raster is 25 s', () => {
    const doc = longestPrescriptionSlip();
    const hybrid = encodeSlip(doc, { mode: 'hybrid', profile: p80, partialCut: true });
    const raster = encodeSlip(doc, { mode: 'raster', profile: p80, partialCut: true });
    expect(hybrid.bytes.length).toBeLessThan(3000);
    expect((hybrid.bytes.length * 10) / 19_200).toBeLessThan(2);
    expect(raster.bytes.length).toBeGreaterThan(hybrid.bytes.length * 10);
    // The QR is the printer's own symbol, not an image.
    expect(hybrid.commands.filter((c) => c.type === 'qr')).toHaveLength(1);
    expect(hybrid.commands.filter((c) => c.type === 'raster')).toHaveLength(0);
    const text = paperText(paperItemsFromBytes(hybrid.bytes));
    expect(text).toContain('마음약방');
    expect(text).toContain('RX-0427');
  });

  it('draws a line the Korean font cannot print as a small raster line; text mode drops those characters', () => {
    const doc = parseSlipDocument({ blocks: [{ type: 'text', text: '룬 문자 ᚠᚢᚦ 시험' }, { type: 'text', text: '보통 줄 — 대시' }] });
    const hybrid = encodeSlip(doc, { mode: 'hybrid', profile: p80, partialCut: true });
    const rasters = hybrid.commands.filter((c) => c.type === 'raster');
    expect(rasters).toHaveLength(1);
    expect((rasters[0].value as { rows: number }).rows).toBeLessThan(60);
    const hybridText = paperText(paperItemsFromBytes(hybrid.bytes));
    expect(hybridText).toContain('보통 줄 - 대시');
    expect(hybridText).toContain('[raster 576x');
    const text = paperText(paperItemsFromBytes(encodeSlip(doc, { mode: 'text', profile: p80, partialCut: true }).bytes));
    expect(text).toContain('룬 문자  시험');
    expect(text).not.toContain('?');
  });
});
