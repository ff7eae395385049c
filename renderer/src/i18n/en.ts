/** English, typed against ko.ts: a missing or extra key fails tsc. */
import type { MessageKey } from './ko';

import { pharmacyEn } from '../flows/pharmacy/pharmacy-i18n';
import { staffEn } from '../flows/staff/staff-i18n';
import { storeEn } from '../flows/store/store-i18n';
import { programEn } from '../flows/pharmacy/program-i18n';
import { programsEn } from '../flows/staff/programs-i18n';
import { a11yEn } from '../a11y/a11y-i18n';
import { errorsEn } from './error-messages';
import { couponsEn } from '../flows/coupons/coupons-i18n';

export const en: Record<MessageKey, string> = {
  ...pharmacyEn,
  ...staffEn,
  ...storeEn,
  ...a11yEn,
  ...programEn,
  ...programsEn,
  ...errorsEn,
  ...couponsEn,
  'app.title': 'Seoul Itda Place',

  'attract.touch': 'Touch the screen to start',
  'attract.touchOther': '화면을 터치해 주세요',
  'attract.welcome': 'A place for your mind to rest',

  'home.title': 'How can we help you?',
  'home.pharmacy.name': 'Mind Pharmacy',
  'home.pharmacy.desc': 'Pick a feeling. Get a prescription and a gift',
  'home.store.name': 'Mind Convenience Store',
  'home.store.desc': 'Get a snack, and talk with a counselor',
  'home.unavailable': 'Taking a short break',

  'shell.home': 'Home',
  'shell.staffCall': 'Call staff',
  'shell.staffCalled': 'We called staff. Someone is coming.',
  'shell.staffCallFailed': 'The call did not work. Please come to the front desk.',
  'shell.langToggle': '한국어',
  'shell.langToggleLabel': '한국어, change language',
  'shell.helpLines': 'Very hard right now? Suicide prevention line 109 · Loneliness line 120: ☎ 02-120, then press 5',

  'idle.title': 'Are you still there?',
  'idle.body': 'We go back to the start in {seconds} seconds. What you entered will be cleared.',
  'idle.continue': 'I am still here',

  'outOfService.title': 'Out of service for a moment',
  'outOfService.body': 'We are checking this kiosk. Staff know.',
  'outOfService.help': 'If you need help, please come to the front desk.',

  'unavailable.title': 'This service opens soon',
  'unavailable.body': 'Please ask a staff member. They will help you right away.',

  'connection.lost': 'Reconnecting…',


  'errors.internal': 'Something went wrong. Please try again.',
  'errors.contract.unknown_method': 'That request is not supported.',
  'errors.contract.invalid_input': 'Please check what you entered.',
  'errors.contract.invalid_output': 'Something went wrong. Staff have been told.',
  'errors.contract.forbidden': 'This screen or device cannot do that.',
  'errors.app.out_of_service': 'This kiosk is being checked.',
  'errors.app.not_available': 'Not available right now.',
  'errors.app.rate_limited': 'Please slow down a little. Try again in a moment.',
  'errors.connection.lost': 'The connection dropped. Reconnecting.',
  'errors.storage.disk_full': 'Storage is full. Staff have been told.',
  'errors.storage.unavailable': 'This kiosk is being checked.',
};
