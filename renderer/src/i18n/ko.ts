/**
 * Korean: the source catalog. Every visible string of the kiosk lives here
 * (and in en.ts, typed against this file, so a missing key fails tsc).
 * Keys by screen; `{name}` placeholders are filled by `t()`; no sentence is
 * built by concatenation.
 */
import { pharmacyKo } from '../flows/pharmacy/pharmacy-i18n';
import { staffKo } from '../flows/staff/staff-i18n';
import { storeKo } from '../flows/store/store-i18n';
import { programKo } from '../flows/pharmacy/program-i18n';
import { programsKo } from '../flows/staff/programs-i18n';
import { a11yKo } from '../a11y/a11y-i18n';
import { errorsKo } from './error-messages';
import { couponsKo } from '../flows/coupons/coupons-i18n';

export const ko = {
  ...pharmacyKo,
  ...staffKo,
  ...storeKo,
  ...a11yKo,
  ...programKo,
  ...programsKo,
  ...errorsKo,
  ...couponsKo,
  'app.title': '서울잇다플레이스',

  'attract.touch': '화면을 터치해 주세요',
  'attract.touchOther': 'Touch the screen to start',
  'attract.welcome': '마음이 쉬어 가는 곳',

  'home.title': '무엇을 도와드릴까요?',
  'home.pharmacy.name': '마음약방',
  'home.pharmacy.desc': '마음을 고르면 처방전과 선물을 드려요',
  'home.store.name': '서울마음편의점',
  'home.store.desc': '간식을 받고, 상담도 할 수 있어요',
  'home.unavailable': '잠시 쉬고 있어요',

  'shell.home': '처음으로',
  'shell.staffCall': '직원 호출',
  'shell.staffCalled': '직원을 불렀어요. 곧 갈게요.',
  'shell.staffCallFailed': '직원을 못 불렀어요. 안내 데스크로 와 주세요.',
  'shell.langToggle': 'English',
  'shell.langToggleLabel': 'English, 언어 바꾸기',
  'shell.helpLines': '많이 힘들 땐: 자살예방상담전화 109 · 외로움안녕120 ☎ 02-120 (연결 후 5번)',

  'idle.title': '아직 계세요?',
  'idle.body': '{seconds}초 뒤에 처음으로 돌아가요. 입력한 것은 모두 지워져요.',
  'idle.continue': '계속할게요',

  'outOfService.title': '잠시 이용할 수 없어요',
  'outOfService.body': '기계를 살펴보고 있어요. 직원이 알고 있어요.',
  'outOfService.help': '도움이 필요하면 안내 데스크로 와 주세요.',

  'unavailable.title': '이 서비스는 곧 열려요',
  'unavailable.body': '직원에게 말씀하시면 바로 도와드려요.',

  'connection.lost': '다시 연결하는 중이에요…',


  'errors.internal': '문제가 생겼어요. 다시 해 주세요.',
  'errors.contract.unknown_method': '지원하지 않는 요청이에요.',
  'errors.contract.invalid_input': '입력한 내용을 다시 확인해 주세요.',
  'errors.contract.invalid_output': '문제가 생겼어요. 직원에게 알렸어요.',
  'errors.contract.forbidden': '이 화면이나 기기에서는 할 수 없는 일이에요.',
  'errors.app.out_of_service': '키오스크를 점검하고 있어요.',
  'errors.app.not_available': '지금은 이용할 수 없어요.',
  'errors.app.rate_limited': '조금 천천히 해 주세요. 잠시 뒤에 다시 눌러 주세요.',
  'errors.connection.lost': '연결이 끊겼어요. 다시 잇는 중이에요.',
  'errors.storage.disk_full': '저장 공간이 부족해요. 직원에게 알렸어요.',
  'errors.storage.unavailable': '키오스크를 점검하고 있어요.',
} as const;

export type MessageKey = keyof typeof ko;
