/** The console's on-screen keyboard (PIN labels at a kiosk without a keyboard), Korean first. */

export const keyboardKo = {
  'staff.keyboard.open': '화면 키보드',
  'staff.keyboard.openLabel': '화면 키보드로 이름표 쓰기',
  'staff.keyboard.label': '화면 키보드',
  'staff.keyboard.shift': '⇧ 쌍자음',
  'staff.keyboard.toEnglish': '영어 자판으로',
  'staff.keyboard.toKorean': '한글 자판으로',
  'staff.keyboard.space': '띄어쓰기',
  'staff.keyboard.backspace': '한 글자 지우기',
  'staff.keyboard.done': '다 썼어요',
} as const;

export const keyboardEn: Record<keyof typeof keyboardKo, string> = {
  'staff.keyboard.open': 'On-screen keyboard',
  'staff.keyboard.openLabel': 'Type the label on the on-screen keyboard',
  'staff.keyboard.label': 'On-screen keyboard',
  'staff.keyboard.shift': '⇧ Shift',
  'staff.keyboard.toEnglish': 'Switch to English letters',
  'staff.keyboard.toKorean': 'Switch to Korean letters',
  'staff.keyboard.space': 'Space',
  'staff.keyboard.backspace': 'Delete one letter',
  'staff.keyboard.done': 'Done',
};
