/**
 * The Mind Pharmacy's slips as slip documents: the prescription, styled like
 * a pharmacy's, and the crisis card. Pure: content + facts → document. No
 * personal data is ever on a slip.
 */
import type { SlipDocumentInput } from '../printing/slip-document';
import type { CrisisLine, Localized, PharmacyContent, Prescription, Symptom } from './pharmacy-content';
import { connectSlipBlocks, chatbotSlipBlocks, type ConnectSlipFacts } from '../connect/connect-slip';

export type SlipLanguage = 'ko' | 'en';

const labels = {
  ko: {
    pharmacy: '마음약방',
    rx: '처방번호',
    when: '조제일시',
    symptom: '증상',
    dosage: '용법',
    pharmacist: '조제: 마음약사',
    qr: '서울잇다플레이스 알아보기',
    crisisTitle: '지금 도움을 받을 수 있어요',
    press: (key: string) => `연결 후 ${key}번`,
    phone: '전화',
  },
  en: {
    pharmacy: 'Mind Pharmacy',
    rx: 'Rx no.',
    when: 'Dispensed',
    symptom: 'Symptom',
    dosage: 'Dosage',
    pharmacist: 'Dispensed by: the Mind Pharmacist',
    qr: 'About Seoul Itda Place',
    crisisTitle: 'Help is here for you',
    press: (key: string) => `then press ${key}`,
    phone: 'Tel.',
  },
} as const;

export interface PrescriptionSlipFacts {
  venueName: Localized;
  venueUrl: string;
  rxNumber: string;
  issuedAt: Date;
  symptom: Symptom;
  prescription: Prescription;
  footer: Localized;
  language: SlipLanguage;
  /** 서울연결처방: the programme after the prescription and the 외로움챗봇 by the footer (absent: neither). */
  connect?: ConnectSlipFacts;
}

/** `2026-11-25 14:03` in Seoul time, whatever the kiosk's clock zone. */
export function formatSeoulTime(at: Date): string {
  const parts = new Intl.DateTimeFormat('ko-KR', {
    timeZone: 'Asia/Seoul',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/**
 * With a 연결처방 the programme's page takes the venue QR's place, so the
 * slip keeps two QR codes at most (three are hard to tell apart on paper).
 */
export function prescriptionSlip(f: PrescriptionSlipFacts): SlipDocumentInput {
  const l = labels[f.language];
  const lang = f.language;
  const source = f.prescription.source ? `— ${f.prescription.source[lang]}` : null;
  return {
    blocks: [
      { type: 'text', text: f.venueName[lang], align: 'center', size: 'small' },
      { type: 'title', text: l.pharmacy },
      { type: 'rule', style: 'solid' },
      { type: 'pair', left: l.rx, right: f.rxNumber, bold: true },
      { type: 'pair', left: l.when, right: formatSeoulTime(f.issuedAt) },
      { type: 'pair', left: l.symptom, right: f.symptom.name[lang] },
      { type: 'rule', style: 'dashed' },
      { type: 'text', text: f.prescription.quote[lang], align: 'left', bold: true },
      ...(source ? [{ type: 'text' as const, text: source, align: 'right' as const, size: 'small' as const }] : []),
      { type: 'spacer', dots: 12 },
      { type: 'text', text: `${l.dosage}: ${f.prescription.dosage[lang]}`, align: 'left' },
      { type: 'rule', style: 'dashed' },
      { type: 'text', text: l.pharmacist, align: 'right' },
      ...(f.connect?.program ? connectSlipBlocks(f.connect, lang) : [{ type: 'qr' as const, data: f.venueUrl, module: 4, caption: l.qr }]),
      ...(f.connect ? chatbotSlipBlocks(f.connect, lang) : []),
    ],
    footer: [f.footer[lang]],
    cut: true,
  };
}

export interface CrisisSlipFacts {
  venueName: Localized;
  crisis: PharmacyContent['crisis'];
  footer: Localized;
  language: SlipLanguage;
}

/** `전화 02-120 (연결 후 5번)`: words, not ☎, which the slip font (Pretendard) does not carry. */
export function crisisLineText(line: CrisisLine, lang: SlipLanguage): string {
  const press = line.press ? ` (${labels[lang].press(line.press)})` : '';
  return `${labels[lang].phone} ${line.phone}${press}`;
}

export function crisisSlip(f: CrisisSlipFacts): SlipDocumentInput {
  const lang = f.language;
  return {
    blocks: [
      { type: 'text', text: f.venueName[lang], align: 'center', size: 'small' },
      { type: 'title', text: f.crisis.title[lang] },
      { type: 'rule', style: 'solid' },
      { type: 'text', text: f.crisis.body[lang], align: 'left' },
      { type: 'spacer', dots: 12 },
      ...f.crisis.lines.flatMap((line) => [
        { type: 'text' as const, text: line.name[lang], align: 'left' as const, bold: true },
        { type: 'text' as const, text: crisisLineText(line, lang), align: 'left' as const, size: 'large' as const },
        { type: 'text' as const, text: line.note[lang], align: 'left' as const, size: 'small' as const },
        { type: 'spacer' as const, dots: 10 },
      ]),
    ],
    footer: [f.footer[lang]],
    cut: true,
  };
}

/** The text a visitor's phone gets from the on-screen QR when no slip could print. */
export function prescriptionPlainText(f: Omit<PrescriptionSlipFacts, 'venueUrl'>): string {
  const l = labels[f.language];
  const lang = f.language;
  return [
    `${f.venueName[lang]} ${l.pharmacy} ${f.rxNumber}`,
    `${l.symptom}: ${f.symptom.name[lang]}`,
    f.prescription.quote[lang] + (f.prescription.source ? ` — ${f.prescription.source[lang]}` : ''),
    `${l.dosage}: ${f.prescription.dosage[lang]}`,
    f.footer[lang],
  ].join('\n');
}
