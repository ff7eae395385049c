/**
 * The technician's test page: Korean and English text in every size, a
 * raster-style block, a QR code, width rulers and a cut. In text mode it
 * proves the printer's Korean ROM; in raster mode, the whole pipeline.
 */
import type { PrinterProfile } from './printer-profiles';
import { parseSlipDocument, type SlipDocument } from './slip-document';

export function testPageDocument(profile: PrinterProfile, opts: { mode: string; uri: string; at?: Date }): SlipDocument {
  const cols = profile.columnsFontA;
  const ruler = Array.from({ length: cols }, (_, i) => String((i + 1) % 10)).join('');
  // Seoul time, as on every slip, whatever zone the machine's clock is set to ('sv-SE' formats as 2026-12-05 21:03:09).
  const at = `${new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Seoul', dateStyle: 'short', timeStyle: 'medium' }).format(opts.at ?? new Date())} KST`;
  return parseSlipDocument({
    blocks: [
      { type: 'title', text: '프린터 시험 인쇄' },
      { type: 'text', text: 'Printer test page', align: 'center' },
      { type: 'rule' },
      { type: 'pair', left: '모드 / Mode', right: opts.mode },
      { type: 'pair', left: '용지 / Paper', right: `${profile.id} · ${profile.widthDots} dots` },
      { type: 'pair', left: '시각 / Time', right: at },
      { type: 'rule', style: 'dashed' },
      { type: 'text', text: '가나다라마바사 아자차카타파하', bold: false },
      { type: 'text', text: '굵은 글씨 / Bold text', bold: true },
      { type: 'text', text: '큰 글씨 Large', size: 'large', align: 'center' },
      { type: 'text', text: '작은 글씨 / Small text: 서울잇다플레이스', size: 'small' },
      { type: 'text', text: 'The quick brown fox jumps over the lazy dog 0123456789' },
      { type: 'rule' },
      { type: 'text', text: ruler },
      { type: 'text', text: '|' + '-'.repeat(cols - 2) + '|' },
      { type: 'qr', data: 'https://itda.seoul.go.kr/printer-test', module: 5, caption: 'QR 코드 / QR code' },
    ],
    footer: ['서울잇다플레이스 · Seoul Itda Place', '이 줄이 보이면 인쇄가 정상입니다 / All good if you can read this'],
  });
}
