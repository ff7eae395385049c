/** The crisis takeover on a console nobody is logged in to (an idle logout), Korean first. */

export const crisisKo = {
  'console.crisis.ackWithPin': '제가 갈게요 (PIN 넣고 확인)',
  'console.crisis.pinToAck': '위기 도움 요청: PIN을 넣으면 확인으로 기록됩니다. 키오스크로 가 주세요.',
} as const;

export const crisisEn: Record<keyof typeof crisisKo, string> = {
  'console.crisis.ackWithPin': "I'm going (enter PIN to acknowledge)",
  'console.crisis.pinToAck': 'Crisis: enter your PIN and it is recorded as acknowledged. Please go to the kiosk.',
};
