/**
 * The check-in ticket as a slip document. It says what to do next (the
 * queue number or booking time), what snack to collect, when the store is
 * open and where to call: never the phone number or the nickname, so a
 * ticket left on a table tells nobody who the visitor is.
 */
import type { SlipDocumentInput } from '../printing/slip-document';
import { formatSeoulTime } from '../pharmacy/pharmacy-slips';

export type SlipLanguage = 'ko' | 'en';
type Localized = { ko: string; en: string };

const labels = {
  ko: {
    store: '서울마음편의점',
    ticket: '방문 확인표',
    queue: '상담 대기번호',
    queueNumber: (n: number | string) => `${n}번`,
    offlineTicket: '지금 다른 키오스크와 연결이 안 돼요. 그래서 이 키오스크 번호를 드려요. 순서는 온 차례대로예요.',
    ahead: (n: number) => `앞에 ${n}명이 기다리고 있어요`,
    booking: '상담 예약',
    ref: '예약번호',
    snack: '받으실 간식',
    noSnack: '없음',
    issued: '발급',
    hours: '운영 시간',
    talkHint: '상담 선생님이 번호를 부르면 오세요.',
    bookingHint: '예약 시간 5분 전까지 와 주세요.',
    snackHint: '이 종이를 직원에게 보여 주시고 간식을 받아 가세요.',
    footer: ['외로움안녕120 ☎ 02-120 (연결 후 5번)', '지금 많이 힘들다면 ☎ 109'],
  },
  en: {
    store: 'Seoul Mind Convenience Store',
    ticket: 'Check-in ticket',
    queue: 'Talk queue number',
    queueNumber: (n: number | string) => `No. ${n}`,
    offlineTicket: 'The other kiosks are not connected right now, so this is this kiosk’s own number. You keep your place in line.',
    ahead: (n: number) => `${n} ahead of you`,
    booking: 'Counselor booking',
    ref: 'Booking no.',
    snack: 'Your snack',
    noSnack: 'None',
    issued: 'Issued',
    hours: 'Opening hours',
    talkHint: 'A counselor will call your number.',
    bookingHint: 'Please come 5 minutes early.',
    snackHint: 'Show this ticket to staff to collect your snack.',
    footer: ['Loneliness line 120: call 02-120, then press 5', 'In crisis? Call 109'],
  },
} as const;

const KO_DAYS = ['일', '월', '화', '수', '목', '금', '토'];
const EN_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `11월 27일 (목) 14:10` / `Thu 27 Nov, 14:10` for a Seoul slot start (`2026-11-27T14:10`). */
export function formatSlot(start: string, lang: SlipLanguage): string {
  const [day, time] = start.split('T') as [string, string];
  const [, m, d] = day.split('-').map(Number) as [number, number, number];
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return lang === 'ko' ? `${m}월 ${d}일 (${KO_DAYS[wd]}) ${time}` : `${EN_DAYS[wd]} ${d} ${EN_MONTHS[m - 1]}, ${time}`;
}

export interface TicketFacts {
  venueName: Localized;
  hours: Localized;
  issuedAt: Date;
  /** `label`: the venue ticket ("37") or this kiosk's offline block ("A-12", `offline`), when the venue has a hub. */
  queue: { number: number; ahead: number; label?: string; offline?: boolean } | null;
  booking: { ref: string; slotStart: string } | null;
  snacks: Localized[];
  language: SlipLanguage;
}

export function ticketSlip(f: TicketFacts): SlipDocumentInput {
  const l = labels[f.language];
  const lang = f.language;
  const blocks: SlipDocumentInput['blocks'] = [
    { type: 'text', text: f.venueName[lang], align: 'center', size: 'small' },
    { type: 'title', text: l.store },
    { type: 'text', text: l.ticket, align: 'center' },
    { type: 'rule', style: 'solid' },
  ];
  if (f.queue) {
    blocks.push(
      { type: 'text', text: l.queue, align: 'center', bold: true },
      { type: 'text', text: l.queueNumber(f.queue.label ?? f.queue.number), align: 'center', size: 'large', bold: true },
      { type: 'text', text: l.ahead(f.queue.ahead), align: 'center', size: 'small' },
      ...(f.queue.offline ? [{ type: 'text' as const, text: l.offlineTicket, align: 'center' as const, size: 'small' as const }] : []),
      { type: 'text', text: l.talkHint, align: 'center', size: 'small' },
      { type: 'rule', style: 'dashed' },
    );
  }
  if (f.booking) {
    blocks.push(
      { type: 'text', text: l.booking, align: 'center', bold: true },
      { type: 'text', text: formatSlot(f.booking.slotStart, lang), align: 'center', size: 'large', bold: true },
      { type: 'pair', left: l.ref, right: f.booking.ref },
      { type: 'text', text: l.bookingHint, align: 'center', size: 'small' },
      { type: 'rule', style: 'dashed' },
    );
  }
  blocks.push(
    { type: 'pair', left: l.snack, right: f.snacks.length ? f.snacks.map((s) => s[lang]).join(', ') : l.noSnack, bold: true },
    ...(f.snacks.length ? [{ type: 'text' as const, text: l.snackHint, align: 'left' as const, size: 'small' as const }] : []),
    { type: 'pair', left: l.issued, right: formatSeoulTime(f.issuedAt) },
    { type: 'spacer', dots: 8 },
    { type: 'text', text: `${l.hours}: ${f.hours[lang]}`, align: 'left', size: 'small' },
  );
  return { blocks, footer: [...l.footer], cut: true };
}
