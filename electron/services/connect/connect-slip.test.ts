import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load-config';
import { loadPharmacyContent } from '../pharmacy/pharmacy-content';
import { prescriptionSlip } from '../pharmacy/pharmacy-slips';
import { paperText } from '../printing/paper-model';
import { profileFor } from '../printing/printer-profiles';
import { parseSlipDocument } from '../printing/slip-document';
import { encodeSlip } from '../printing/slip-encoder';
import { paperItemsFromBytes } from '../printing/slip-preview';
import { samplePrograms } from './sample-programs';

const content = loadPharmacyContent();
const config = parseConfig({});
const p80 = profileFor(576);
const chatbot = { url: 'https://pf.kakao.com/_itdaTest', name: config.connect.chatbotName };

/** The longest prescription with the programme of the longest words: the slip at its fullest. */
function fullestSlip(language: 'ko' | 'en', withChatbotUrl = true) {
  const all = content.symptoms.flatMap((symptom) => symptom.prescriptions.map((prescription) => ({ symptom, prescription })));
  const { symptom, prescription } = all.sort((a, b) => b.prescription.quote.ko.length - a.prescription.quote.ko.length)[0];
  const program = [...samplePrograms].sort((a, b) => b.schedule.ko.length + b.name.ko.length - a.schedule.ko.length - a.name.ko.length)[0];
  return {
    program,
    doc: parseSlipDocument(
      prescriptionSlip({
        venueName: config.venue.name,
        venueUrl: config.venue.url,
        rxNumber: 'RX-0427',
        issuedAt: new Date('2026-12-06T05:10:00Z'),
        symptom,
        prescription,
        footer: content.footer,
        language,
        connect: { program, chatbot: withChatbotUrl ? chatbot : { url: null, name: chatbot.name } },
      }),
    ),
  };
}

describe('the 연결처방 block on the slip', () => {
  it('stays within hybrid mode on a serial line: the printer’s own QR codes (programme page, chatbot), no raster lines, under 4 KB', () => {
    const { doc, program } = fullestSlip('ko');
    const hybrid = encodeSlip(doc, { mode: 'hybrid', profile: p80, partialCut: true });
    expect(hybrid.bytes.length).toBeLessThan(4000);
    expect((hybrid.bytes.length * 10) / 19_200).toBeLessThan(2.5);
    const qrs = hybrid.commands.filter((c) => c.type === 'qr');
    expect(qrs).toHaveLength(2);
    expect(hybrid.commands.filter((c) => c.type === 'raster')).toHaveLength(0);
    const text = paperText(paperItemsFromBytes(hybrid.bytes));
    expect(text).toContain('연결처방');
    expect(text).toContain(program.name.ko);
    expect(text).toContain(program.schedule.ko);
    expect(text).toContain('외로움챗봇');
    expect(text).toContain('02-120');
    expect(text).not.toContain('?');
  });

  it('prints in English for an English visitor, and names the chatbot in words when no channel address is set', () => {
    const en = paperText(paperItemsFromBytes(encodeSlip(fullestSlip('en').doc, { mode: 'text', profile: p80, partialCut: true }).bytes));
    expect(en).toContain('Connection prescription');
    expect(en).toContain(fullestSlip('en').program.name.en);
    const words = encodeSlip(fullestSlip('ko', false).doc, { mode: 'hybrid', profile: p80, partialCut: true });
    expect(words.commands.filter((c) => c.type === 'qr')).toHaveLength(1);
    expect(paperText(paperItemsFromBytes(words.bytes))).toContain('외로움챗봇 (카카오톡)');
  });
});
