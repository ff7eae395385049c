/**
 * The 연결처방 block of a Mind Pharmacy slip (after the prescription: the
 * programme, when, how to join, a QR code of its page) and the 외로움챗봇
 * QR that sits just above the slip's footer line with 외로움안녕120. Pure:
 * facts → slip blocks, in the visitor's language. Every text is plain words
 * the printer's Korean font carries; text and hybrid modes map anything else
 * safely (`printing/cp949-safe.ts`), and QR codes are the printer's own.
 */
import type { Program } from '../../contract/connect-api';
import { placeName } from '../../contract/connect-lists';
import type { SlipBlockInput } from '../printing/slip-document';

export interface ConnectSlipFacts {
  program: Program | null;
  chatbot: { url: string | null; name: { ko: string; en: string } };
}

const words = {
  ko: {
    heading: '연결처방',
    sub: '서울연결처방 · 함께할 곳',
    when: '언제',
    join: '신청',
    phone: (n: string) => `전화 ${n}`,
    desk: '이곳 직원에게 말씀하세요',
    page: '안내 페이지',
    firstTimers: '처음 오셔도 괜찮아요',
    capacity: (n: number) => `정원 ${n}명`,
    open: '누구나 올 수 있어요',
    qr: '휴대전화로 찍으면 안내 페이지가 열려요',
    chatbot: '24시간 이야기할 수 있어요',
  },
  en: {
    heading: 'Connection prescription',
    sub: 'Seoul Connection Prescription: a place to join',
    when: 'When',
    join: 'Join',
    phone: (n: string) => `call ${n}`,
    desk: 'ask the staff here',
    page: 'see its page',
    firstTimers: 'First-timers welcome',
    capacity: (n: number) => `${n} places`,
    open: 'Open to everyone',
    qr: 'Scan with a phone to open its page',
    chatbot: 'Talk any time, 24 hours',
  },
} as const;

/** How to join, in one line: `전화 02-000-0001 · 이곳 직원에게 말씀하세요`. */
export function joinText(p: Program, lang: 'ko' | 'en'): string {
  const w = words[lang];
  const ways = [p.joinPhone ? w.phone(p.joinPhone) : null, p.joinAtDesk ? w.desk : null, !p.joinPhone && !p.joinAtDesk && p.joinUrl ? w.page : null].filter(Boolean);
  return `${w.join}: ${ways.join(' · ')}`;
}

export function connectSlipBlocks(c: ConnectSlipFacts, lang: 'ko' | 'en'): SlipBlockInput[] {
  const p = c.program;
  if (!p) return [];
  const w = words[lang];
  const who = [p.firstTimersWelcome ? w.firstTimers : null, p.capacity === null ? w.open : w.capacity(p.capacity)].filter(Boolean).join(' · ');
  return [
    { type: 'rule', style: 'solid' },
    { type: 'text', text: w.heading, align: 'center', bold: true, size: 'large' },
    { type: 'text', text: w.sub, align: 'center', size: 'small' },
    { type: 'spacer', dots: 8 },
    { type: 'text', text: p.name[lang], align: 'left', bold: true },
    { type: 'text', text: `${p.institution[lang]} · ${placeName(p.district)[lang]}`, align: 'left', size: 'small' },
    { type: 'text', text: `${w.when}: ${p.schedule[lang]}`, align: 'left' },
    { type: 'text', text: joinText(p, lang), align: 'left' },
    { type: 'text', text: who, align: 'left', size: 'small' },
    ...(p.joinUrl ? [{ type: 'qr' as const, data: p.joinUrl, module: 4, caption: w.qr }] : []),
  ];
}

/** The chatbot's QR (when its channel address is configured) or its name in words; the footer line after it carries 외로움안녕120. */
export function chatbotSlipBlocks(c: ConnectSlipFacts, lang: 'ko' | 'en'): SlipBlockInput[] {
  const caption = `${c.chatbot.name[lang]} · ${words[lang].chatbot}`;
  if (!c.chatbot.url) return [{ type: 'rule', style: 'dashed' }, { type: 'text', text: caption, align: 'center', size: 'small' }];
  return [{ type: 'rule', style: 'dashed' }, { type: 'qr', data: c.chatbot.url, module: 3, caption }];
}
