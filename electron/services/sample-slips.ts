/**
 * Slips a technician prints from maintenance mode to check the printer: a
 * sample prescription and a sample check-in ticket, marked as samples. Their
 * content comes from the flows, so they live beside the composition root
 * (`domains.ts` hands them to the printing domain).
 */
import type { SlipDocumentInput } from './printing/slip-document';
import { formatSeoulTime, prescriptionSlip } from './pharmacy/pharmacy-slips';
import type { Prescription, Symptom } from './pharmacy/pharmacy-content';
import type { KioskConfig } from './config/config-schema';

export function samplePrescription(config: KioskConfig, at: Date): SlipDocumentInput {
  const doc = prescriptionSlip({
    venueName: config.venue.name,
    venueUrl: config.venue.url,
    rxNumber: 'RX-SAMPLE',
    issuedAt: at,
    symptom: { id: 'sample', name: { ko: '견본 증상', en: 'Sample symptom' } } as Symptom,
    prescription: {
      id: 'sample',
      quote: { ko: '이 종이는 프린터 점검용 견본입니다. 한글과 English가 모두 또렷하면 정상입니다.', en: 'This is a sample slip for checking the printer.' },
      source: null,
      dosage: { ko: '점검할 때마다 한 장', en: 'One slip per check' },
    } as Prescription,
    footer: { ko: '견본 — 방문객에게 주지 마세요', en: 'SAMPLE — not for visitors' },
    language: 'ko',
  });
  return { ...doc, blocks: [{ type: 'title', text: '견본 SAMPLE' }, ...doc.blocks] };
}

export function sampleTicket(config: KioskConfig, at: Date): SlipDocumentInput {
  return {
    blocks: [
      { type: 'title', text: '견본 SAMPLE' },
      { type: 'text', text: config.venue.name.ko, align: 'center', size: 'small' },
      { type: 'title', text: '서울마음편의점' },
      { type: 'rule', style: 'solid' },
      { type: 'text', text: '대기 번호 / Your number', align: 'center' },
      { type: 'text', text: 'A-000', align: 'center', size: 'large', bold: true },
      { type: 'pair', left: '시각 / Time', right: formatSeoulTime(at) },
      { type: 'rule', style: 'dashed' },
      { type: 'qr', data: config.venue.url, module: 4, caption: 'itda' },
    ],
    footer: ['견본 — 방문객에게 주지 마세요 / SAMPLE — not for visitors'],
    cut: true,
  };
}

/** Both samples, as the printing domain takes them. */
export const sampleSlips = { prescription: samplePrescription, ticket: sampleTicket };
