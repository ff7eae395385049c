import { describe, expect, it } from 'vitest';
import { ticketSlip } from './store-slips';

const base = {
  venueName: { ko: '서울잇다플레이스', en: 'Seoul Itda Place' },
  hours: { ko: '평일 10:00–20:00', en: 'Weekdays 10:00–20:00' },
  issuedAt: new Date('2026-12-05T03:00:00Z'),
  booking: null,
  snacks: [],
};
const texts = (doc: ReturnType<typeof ticketSlip>) => doc.blocks.flatMap((b) => ('text' in b && typeof b.text === 'string' ? [b.text] : []));

describe('ticketSlip with a venue hub', () => {
  it('prints the plain number without a hub, as always', () => {
    const t = texts(ticketSlip({ ...base, queue: { number: 7, ahead: 2 }, language: 'ko' }));
    expect(t).toContain('7번');
    expect(t.some((x) => x.includes('이 키오스크 번호'))).toBe(false);
  });

  it('prints the venue number, or the kiosk’s offline block ticket and says so', () => {
    expect(texts(ticketSlip({ ...base, queue: { number: 3, ahead: 2, label: '37', offline: false }, language: 'ko' }))).toContain('37번');
    const offline = texts(ticketSlip({ ...base, queue: { number: 12, ahead: 0, label: 'A-12', offline: true }, language: 'en' }));
    expect(offline).toContain('No. A-12');
    expect(offline.some((x) => x.includes('this kiosk’s own number'))).toBe(true);
  });
});
