/**
 * The coupon slip: the shop, what it gives, until when, the code in groups,
 * and a QR that opens the shop's redemption page with the code filled in.
 * Pure: facts → slip document. No personal data: the code is random.
 */
import type { SlipDocumentInput } from '../printing/slip-document';
import { groupCode } from './coupon-code';

export type SlipLanguage = 'ko' | 'en';
type Localized = { ko: string; en: string };

const labels = {
  ko: {
    title: '아름다운 동행 가게',
    subtitle: '나눔 쿠폰',
    shop: '가게',
    address: '주소',
    gives: '드리는 것',
    until: '쓸 수 있는 날',
    untilValue: (d: string) => `${d}까지`,
    code: '쿠폰 번호',
    how: '가게에 이 쪽지를 보여 주세요. 한 번 쓸 수 있어요.',
    qr: '가게 직원용',
  },
  en: {
    title: 'Beautiful Companion Shop',
    subtitle: 'Sharing coupon',
    shop: 'Shop',
    address: 'Address',
    gives: 'You get',
    until: 'Use by',
    untilValue: (d: string) => d,
    code: 'Coupon code',
    how: 'Show this slip at the shop. It can be used once.',
    qr: 'For the shop',
  },
} as const;

export interface CouponSlipFacts {
  venueName: Localized;
  shopName: Localized;
  address: string;
  gives: Localized;
  expiresOn: string;
  /** The bare code; printed grouped. */
  code: string;
  /** `https://…/redeem`, or null: no QR. */
  redeemUrl: string | null;
  footer: string;
  language: SlipLanguage;
}

/** The QR's content: the page, and the code after `#` so it never reaches a server or its logs. */
export function redeemLink(redeemUrl: string, code: string): string {
  return `${redeemUrl.replace(/#.*$/, '')}#${groupCode(code)}`;
}

export function couponSlip(f: CouponSlipFacts): SlipDocumentInput {
  const l = labels[f.language];
  const lang = f.language;
  return {
    blocks: [
      { type: 'text', text: f.venueName[lang], align: 'center', size: 'small' },
      { type: 'title', text: l.title },
      { type: 'text', text: l.subtitle, align: 'center' },
      { type: 'rule', style: 'solid' },
      { type: 'pair', left: l.shop, right: f.shopName[lang], bold: true },
      { type: 'text', text: `${l.address}: ${f.address}`, align: 'left', size: 'small' },
      { type: 'text', text: `${l.gives}: ${f.gives[lang]}`, align: 'left', bold: true },
      { type: 'pair', left: l.until, right: l.untilValue(f.expiresOn) },
      { type: 'rule', style: 'dashed' },
      { type: 'text', text: l.code, align: 'center', size: 'small' },
      { type: 'text', text: groupCode(f.code), align: 'center', size: 'large', bold: true },
      { type: 'text', text: l.how, align: 'left' },
      ...(f.redeemUrl ? [{ type: 'qr' as const, data: redeemLink(f.redeemUrl, f.code), module: 4, caption: l.qr }] : []),
    ],
    footer: [f.footer],
    cut: true,
  };
}

/** Every form of the code a slip carries, for the printing stack to keep out of the database. */
export function codeSecrets(code: string, redeemUrl: string | null): string[] {
  return [code, groupCode(code), ...(redeemUrl ? [redeemLink(redeemUrl, code)] : [])];
}
