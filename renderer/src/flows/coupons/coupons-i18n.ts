/**
 * Text of the 동행 가게 coupon offer (visitor, easy-read), the shop's
 * redemption page, the console's shops and referrals, and their error codes.
 * Korean first; merged into the catalogs by `ko.ts` / `en.ts`.
 */
export const couponsKo = {
  'errors.coupons.session_expired': '다시 로그인해 주세요. 가게 PIN을 넣으면 돼요.',
  'errors.coupons.pin_wrong': 'PIN이 맞지 않아요. 다시 넣어 주세요.',
  'errors.coupons.locked': 'PIN이 여러 번 틀려서 잠시 잠겼어요. 조금 뒤에 다시 해 주세요.',
  'errors.coupons.no_pin': '이 가게는 아직 PIN이 없어요. 잇다플레이스 직원에게 PIN을 받아 주세요.',
  'errors.coupons.pin_invalid': '같은 숫자만 이어진 PIN은 쓸 수 없어요. 다른 숫자로 넣어 주세요.',
  'errors.coupons.no_visit': '쿠폰은 마음약방 처방을 받은 뒤에 받을 수 있어요.',
  'errors.coupons.shop_not_found': '그 가게를 찾을 수 없어요. 목록을 새로 불러와 주세요.',
  'errors.coupons.shop_full': '오늘 이 가게 쿠폰은 다 나갔어요. 내일 다시 와 주세요.',
  'errors.coupons.shop_paused': '이 가게 쿠폰은 지금 잠시 쉬고 있어요.',
  'errors.referrals.not_recognised': '이 방문자는 다음 방문 때 알아보기에 동의하지 않았거나 정보가 지워졌습니다. 연계를 기록할 수 없습니다.',
  'errors.referrals.not_found': '그 연계 기록을 찾을 수 없습니다. 이미 지워졌을 수 있습니다.',
  'errors.referrals.bad_dates': '확인 날짜는 연계한 날과 같거나 뒤여야 하고, 180일 안이어야 합니다.',
} as const;

export const couponsEn: Record<keyof typeof couponsKo, string> = {
  'errors.coupons.session_expired': 'Please log in again with the shop PIN.',
  'errors.coupons.pin_wrong': 'That PIN is not right. Try again.',
  'errors.coupons.locked': 'Too many wrong PINs: locked for a while. Try again later.',
  'errors.coupons.no_pin': 'This shop has no PIN yet. Ask the Itda Place staff for one.',
  'errors.coupons.pin_invalid': 'A PIN of one repeated digit cannot be used. Choose other digits.',
  'errors.coupons.no_visit': 'A coupon comes after a Mind Pharmacy prescription.',
  'errors.coupons.shop_not_found': 'That shop cannot be found. Reload the list.',
  'errors.coupons.shop_full': "This shop's coupons for today are all given. Please come back tomorrow.",
  'errors.coupons.shop_paused': "This shop's coupons are paused for now.",
  'errors.referrals.not_recognised': 'This visitor did not agree to be recognised, or their data was erased: no referral can be recorded.',
  'errors.referrals.not_found': 'That referral cannot be found. It may have been erased.',
  'errors.referrals.bad_dates': 'The follow-up date must be on or after the referral date, within 180 days.',
};
