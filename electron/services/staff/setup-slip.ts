/**
 * The setup slip: the first-admin code on the receipt printer, at the first
 * start. It says what the code is for, that it works once, and to keep it
 * out of visitors' hands; Korean first.
 */
import type { KioskConfig } from '../config/config-schema';
import type { SlipDocumentInput } from '../printing/slip-document';

export function setupSlip(config: KioskConfig, code: string, at: Date): SlipDocumentInput {
  return {
    blocks: [
      { type: 'title', text: '직원 설정 코드' },
      { type: 'text', text: 'Staff setup code', align: 'center' },
      { type: 'text', text: config.venue.name.ko, align: 'center', size: 'small' },
      { type: 'rule', style: 'solid' },
      { type: 'text', text: code, align: 'center', size: 'large', bold: true },
      { type: 'rule', style: 'dashed' },
      { type: 'text', text: '직원 화면에서 처음 관리자 PIN을 정할 때 이 코드를 넣으세요. 한 번만 쓸 수 있습니다.' },
      { type: 'text', text: 'Enter this code on the staff console to set the first admin PIN. It works once.' },
      { type: 'pair', left: '발급 / Issued', right: at.toISOString().slice(0, 16).replace('T', ' ') + 'Z' },
    ],
    footer: ['방문객에게 주지 마세요 · 쓴 뒤에는 버리세요 / Not for visitors · discard after use'],
    cut: true,
  };
}
