/** The console's words for joining the venue hub (Tablets tab, technician). Korean first; English typed against it. */
export const hubLinkKo = {
  'staff.hub.title': '허브 연결 (여러 키오스크)',
  'staff.hub.none': '이 키오스크는 혼자 일합니다. 허브에 연결하면 대기 번호, 예약, 알림을 함께 씁니다.',
  'staff.hub.paired': '{url} 허브에 연결되어 있습니다. 장소: {venue}, 글자: {letter}, 보내지 못한 기록: {waiting}건.',
  'staff.hub.notPaired': '{url} 허브가 설정되어 있지만 아직 연결 코드를 넣지 않았습니다.',
  'staff.hub.howTo': '허브 컴퓨터에서 npm run hub -- pair --kiosk {kiosk} 로 코드를 만든 뒤, 허브 주소와 코드를 넣으세요.',
  'staff.hub.url': '허브 주소 (https://…)',
  'staff.hub.code': '연결 코드',
  'staff.hub.pair': '연결하기',
  'staff.hub.pairing': '연결하는 중…',
  'staff.hub.done': '연결했습니다. 기록을 허브로 보내기 시작했습니다.',
  'staff.hub.nextStart': '함께 쓰는 대기 번호와 예약은 키오스크를 다시 시작하면 시작됩니다.',
  'staff.hub.sharedNow': '다음 손님부터 이곳 전체의 대기 번호와 예약 달력을 씁니다.',
} as const;

export const hubLinkEn: Record<keyof typeof hubLinkKo, string> = {
  'staff.hub.title': 'Venue hub (several kiosks)',
  'staff.hub.none': 'This kiosk works alone. Joined to a hub, it shares the ticket numbers, bookings and alerts.',
  'staff.hub.paired': 'Joined to the hub at {url}. Venue: {venue}, letter: {letter}, records waiting: {waiting}.',
  'staff.hub.notPaired': 'A hub is set ({url}) but no pairing code was entered yet.',
  'staff.hub.howTo': 'On the hub machine run npm run hub -- pair --kiosk {kiosk}, then enter the hub address and the code.',
  'staff.hub.url': 'Hub address (https://…)',
  'staff.hub.code': 'Pairing code',
  'staff.hub.pair': 'Join',
  'staff.hub.pairing': 'Joining…',
  'staff.hub.done': 'Joined. Records are going to the hub now.',
  'staff.hub.nextStart': 'The shared ticket numbers and bookings start when the kiosk next starts.',
  'staff.hub.sharedNow': "From the next visitor on, this kiosk uses the venue's ticket numbers and booking calendar.",
};
