/**
 * What every staff alert means, in words a venue staff member can act on:
 * a title, one sentence of what happened, the next step, and how serious it
 * is. One catalog, read by the services (which cause an alert belongs to)
 * and the console (what it says), so a new alert type cannot reach a screen
 * as a raw code: `alertTypeOf()` always answers with a catalog entry.
 *
 * An alert's `kind` is what raised it (`printer_fault`), its `type` the
 * catalog entry its detail points to (`printer.paper_out`), its `cause` the
 * one thing repeats join (`printer:printer.paper_out`: a second paper-out
 * while the first is open adds to its count instead of a new alert).
 */

export type AlertSeverity = 'crisis' | 'action' | 'notice';

/** Severity order for sorting: crisis first. */
export const severityRank: Record<AlertSeverity, number> = { crisis: 0, action: 1, notice: 2 };

type Words = { ko: string; en: string };
export interface AlertEntry {
  severity: AlertSeverity;
  title: Words;
  /** One sentence: what happened. `{slot}`, `{item}` and friends come from the alert's detail. */
  what: Words;
  /** The next step, as an instruction. */
  next: Words;
  /** Which device card of the overview shows this alert, if any. */
  device?: 'printer' | 'paper' | 'cabinet' | 'link';
  /** Closes itself when the cause clears (paper loaded, link back); otherwise a person acknowledges it. */
  clears: boolean;
}

export const alertCatalog = {
  crisis: {
    severity: 'crisis',
    title: { ko: '위기 도움 요청', en: 'Crisis: a visitor needs help now' },
    what: { ko: '방문객이 키오스크에서 위기 도움 버튼을 눌렀습니다.', en: 'A visitor pressed the crisis help button on the kiosk.' },
    next: { ko: '지금 키오스크로 가서 방문객 곁에 있어 주세요. 필요하면 109에 함께 전화해 주세요.', en: 'Go to the kiosk now and stay with the visitor. Call 109 together if needed.' },
    clears: false,
  },
  staff_call: {
    severity: 'action',
    title: { ko: '직원 호출', en: 'A visitor called for staff' },
    what: { ko: '방문객이 화면에서 직원 호출을 눌렀습니다.', en: 'A visitor pressed "call staff" on the screen.' },
    next: { ko: '키오스크로 가서 도와드려 주세요.', en: 'Go to the kiosk and help the visitor.' },
    clears: false,
  },
  'printer.paper_out': {
    severity: 'action',
    title: { ko: '프린터 용지 없음', en: 'Printer is out of paper' },
    what: { ko: '영수증 프린터에 용지가 떨어졌습니다.', en: 'The receipt printer has run out of paper.' },
    next: { ko: '용지를 새로 넣어 주세요. 덮개를 닫으면 자동으로 다시 인쇄합니다.', en: 'Load a new paper roll. Printing resumes by itself when the cover is closed.' },
    device: 'paper',
    clears: true,
  },
  'printer.paper_near_end': {
    severity: 'notice',
    title: { ko: '프린터 용지가 곧 떨어짐', en: 'Printer paper is running low' },
    what: { ko: '영수증 용지가 얼마 남지 않았습니다.', en: 'The receipt paper roll is nearly used up.' },
    next: { ko: '새 용지 한 롤을 프린터 옆에 준비해 두세요.', en: 'Keep a new paper roll ready next to the printer.' },
    device: 'paper',
    clears: true,
  },
  'printer.cover_open': {
    severity: 'action',
    title: { ko: '프린터 덮개 열림', en: 'Printer cover is open' },
    what: { ko: '프린터 덮개가 열려 있어 인쇄할 수 없습니다.', en: 'The printer cover is open, so nothing can print.' },
    next: { ko: '덮개를 "딸깍" 소리가 나게 닫아 주세요. 닫으면 자동으로 다시 인쇄합니다.', en: 'Close the cover until it clicks. Printing resumes by itself.' },
    device: 'printer',
    clears: true,
  },
  'printer.cutter_error': {
    severity: 'action',
    title: { ko: '프린터 커터 걸림', en: 'Printer cutter is stuck' },
    what: { ko: '용지를 자르는 칼날이 걸렸습니다.', en: 'The paper cutter is stuck.' },
    next: { ko: '덮개를 열어 걸린 용지를 빼고, 프린터 전원을 껐다 켜 주세요.', en: 'Open the cover, remove the stuck paper and switch the printer off and on.' },
    device: 'printer',
    clears: true,
  },
  'printer.unrecoverable_error': {
    severity: 'action',
    title: { ko: '프린터 고장', en: 'Printer has a serious fault' },
    what: { ko: '프린터가 스스로 복구할 수 없는 오류를 알렸습니다.', en: 'The printer reported a fault it cannot recover from by itself.' },
    next: { ko: '전원을 껐다 켜 주세요. 그래도 계속되면 기술 담당자에게 연락해 주세요.', en: 'Switch it off and on. If it stays, call the technician.' },
    device: 'printer',
    clears: true,
  },
  'printer.recoverable_error': {
    severity: 'notice',
    title: { ko: '프린터 잠시 멈춤', en: 'Printer paused for a moment' },
    what: { ko: '프린터 헤드가 뜨거워져 잠시 쉬고 있습니다.', en: 'The print head is hot and the printer is pausing.' },
    next: { ko: '몇 분 기다려 주세요. 저절로 다시 인쇄합니다.', en: 'Wait a few minutes. It resumes by itself.' },
    device: 'printer',
    clears: true,
  },
  'printer.offline': {
    severity: 'action',
    title: { ko: '프린터 꺼짐', en: 'Printer is offline' },
    what: { ko: '프린터가 오프라인이라 인쇄할 수 없습니다.', en: 'The printer is offline and cannot print.' },
    next: { ko: '프린터 전원 스위치와 불빛을 확인해 주세요.', en: 'Check the printer power switch and its lights.' },
    device: 'printer',
    clears: true,
  },
  'printer.not_responding': {
    severity: 'action',
    title: { ko: '프린터 응답 없음', en: 'Printer does not answer' },
    what: { ko: '키오스크가 프린터와 연결되지 않습니다.', en: 'The kiosk cannot reach the printer.' },
    next: { ko: '프린터 전원과 케이블이 꽂혀 있는지 확인해 주세요.', en: 'Check that the printer is on and its cable is plugged in.' },
    device: 'printer',
    clears: true,
  },
  printer_fault: {
    severity: 'action',
    title: { ko: '프린터 문제', en: 'Printer problem' },
    what: { ko: '프린터가 오류를 알렸습니다.', en: 'The printer reported a problem.' },
    next: { ko: '프린터 불빛과 용지, 덮개를 확인해 주세요. 계속되면 기술 담당자에게 연락해 주세요.', en: 'Check the printer lights, paper and cover. If it stays, call the technician.' },
    device: 'printer',
    clears: true,
  },
  print_job_failed: {
    severity: 'action',
    title: { ko: '인쇄하지 못한 종이', en: 'A slip could not be printed' },
    what: { ko: '방문객에게 드릴 종이를 인쇄하지 못했습니다.', en: 'A slip for a visitor could not be printed.' },
    next: { ko: '프린터를 확인한 뒤 "인쇄 작업"에서 다시 인쇄하거나 취소해 주세요.', en: 'Check the printer, then reprint or cancel it under "Print jobs".' },
    device: 'printer',
    clears: true,
  },
  print_job_unknown: {
    severity: 'action',
    title: { ko: '인쇄됐는지 모르는 종이', en: 'Not sure a slip printed' },
    what: { ko: '인쇄 도중 연결이 끊겨 종이가 나왔는지 알 수 없습니다.', en: 'The printer link dropped mid-print, so the slip may not have come out.' },
    next: { ko: '프린터에 종이가 나와 있는지 보고, 없으면 "인쇄 작업"에서 다시 인쇄해 주세요.', en: 'Look for the slip at the printer; if there is none, reprint it under "Print jobs".' },
    device: 'printer',
    clears: true,
  },
  'vending.no_link': {
    severity: 'action',
    title: { ko: '선물함 연결 끊김', en: 'Gift cabinet link is down' },
    what: { ko: '키오스크가 선물함(자판기)과 연결되지 않습니다.', en: 'The kiosk cannot reach the gift cabinet.' },
    next: { ko: '선물함 전원과 케이블을 확인해 주세요. 다시 연결되면 알림이 저절로 닫힙니다.', en: 'Check the cabinet power and cable. This alert closes by itself when the link is back.' },
    device: 'link',
    clears: true,
  },
  'vending.door_open': {
    severity: 'action',
    title: { ko: '선물함 문 열림', en: 'Gift cabinet door is open' },
    what: { ko: '선물함 문이 열려 있어 선물을 드릴 수 없습니다.', en: 'The cabinet door is open, so no gift can be given.' },
    next: { ko: '선물함 문을 끝까지 닫아 주세요.', en: 'Close the cabinet door fully.' },
    device: 'cabinet',
    clears: true,
  },
  'vending.motor_bus_fault': {
    severity: 'action',
    title: { ko: '선물함 모터 오류', en: 'Gift cabinet motor fault' },
    what: { ko: '선물함의 모터 회로에 문제가 생겼습니다.', en: 'The cabinet motor circuit reported a fault.' },
    next: { ko: '선물함 전원을 껐다 켜 주세요. 계속되면 기술 담당자에게 연락해 주세요.', en: 'Switch the cabinet off and on. If it stays, call the technician.' },
    device: 'cabinet',
    clears: true,
  },
  'vending.drop_sensor_fault': {
    severity: 'action',
    title: { ko: '선물함 센서 오류', en: 'Gift cabinet sensor fault' },
    what: { ko: '선물이 떨어지는 것을 보는 센서가 가려졌거나 더럽습니다.', en: 'The sensor that sees gifts drop is blocked or dirty.' },
    next: { ko: '선물 나오는 곳의 센서를 닦고 가린 것을 치워 주세요.', en: 'Wipe the sensor at the gift outlet and clear anything blocking it.' },
    device: 'cabinet',
    clears: true,
  },
  'vending.jammed': {
    severity: 'action',
    title: { ko: '선물이 {slot}번 칸에 걸림', en: 'A gift is stuck in slot {slot}' },
    what: { ko: '{slot}번 칸의 선물이 나오다 걸렸습니다. 이 칸은 판매를 멈췄습니다.', en: 'A gift got stuck coming out of slot {slot}. The slot is paused.' },
    next: { ko: '문을 열어 걸린 선물을 빼고, 점검 화면에서 "오류 지우기"를 눌러 주세요.', en: 'Open the door, free the gift, then press "Clear faults" in maintenance.' },
    device: 'cabinet',
    clears: true,
  },
  'vending.slot_empty': {
    severity: 'action',
    title: { ko: '{slot}번 칸이 비었음', en: 'Slot {slot} is empty' },
    what: { ko: '{slot}번 칸에서 선물이 나오지 않았습니다. 비어 있는 것 같습니다.', en: 'Slot {slot} gave nothing; it looks empty.' },
    next: { ko: '{slot}번 칸을 채운 뒤 "선물 재고"에서 수량을 적어 주세요.', en: 'Refill slot {slot}, then enter the count under "Gift stock".' },
    device: 'cabinet',
    clears: true,
  },
  vending_fault: {
    severity: 'action',
    title: { ko: '선물함 문제', en: 'Gift cabinet problem' },
    what: { ko: '선물함이 오류를 알렸습니다.', en: 'The gift cabinet reported a problem.' },
    next: { ko: '선물함 문과 전원을 확인해 주세요. 계속되면 기술 담당자에게 연락해 주세요.', en: 'Check the cabinet door and power. If it stays, call the technician.' },
    device: 'cabinet',
    clears: true,
  },
  vend_to_resolve: {
    severity: 'action',
    title: { ko: '선물이 나왔는지 확인 필요', en: 'Check whether a gift came out' },
    what: { ko: '{slot}번 칸 선물이 나왔는지 선물함이 답하지 않았습니다.', en: 'The cabinet did not say whether the gift from slot {slot} came out.' },
    next: { ko: '방문객께 선물을 받으셨는지 여쭤보고, 점검 화면에서 "나왔음" 또는 "안 나왔음"을 눌러 주세요.', en: 'Ask the visitor whether they got it, then press "Delivered" or "Not delivered" in maintenance.' },
    device: 'cabinet',
    clears: true,
  },
  gift_owed: {
    severity: 'action',
    title: { ko: '드리지 못한 선물', en: 'A gift is owed to a visitor' },
    what: { ko: '처방전 {rxNumber}번 방문객이 선물을 받지 못했습니다.', en: 'The visitor with prescription {rxNumber} did not get their gift.' },
    next: { ko: '방문객이 처방전을 보여 주면 선물을 직접 건네 주세요.', en: 'When the visitor shows the prescription, hand them a gift yourself.' },
    clears: false,
  },
  low_stock: {
    severity: 'notice',
    title: { ko: '재고가 적음', en: 'Stock is running low' },
    what: { ko: '{item}이(가) {count}개 남았습니다.', en: 'Only {count} left of {item}.' },
    next: { ko: '여유가 있을 때 채워 주세요. 채우면 알림이 저절로 닫힙니다.', en: 'Restock when you can. The alert closes by itself once restocked.' },
    clears: true,
  },
  booking_conflict: {
    severity: 'action',
    title: { ko: '예약이 겹침', en: 'Two bookings clash' },
    what: { ko: '연결이 끊겼을 때 받은 예약이 다른 예약과 같은 시간입니다.', en: 'A booking taken while offline is at the same time as another one.' },
    next: { ko: '"상담·간식"의 예약에서 시간을 확인하고, 방문객께 다른 시간을 안내해 주세요.', en: 'Check the time under "Counseling & snacks" bookings and offer the visitor another time.' },
    clears: false,
  },
  hub_outbox_lag: {
    severity: 'notice',
    title: { ko: '본부로 보낼 기록이 밀림', en: 'Records are waiting for the venue hub' },
    what: { ko: '이 키오스크의 기록이 본부 서버로 가지 못하고 쌓이고 있습니다.', en: "This kiosk's records are piling up instead of reaching the venue hub." },
    next: { ko: '네트워크 연결을 확인해 주세요. 연결되면 저절로 보냅니다. 계속되면 기술 담당자에게 알려 주세요.', en: 'Check the network. They are sent by themselves once connected. If it stays, tell the technician.' },
    clears: false,
  },
  hub_unpaired: {
    severity: 'action',
    title: { ko: '본부 서버 연결 해제됨', en: 'Kiosk is no longer paired with the hub' },
    what: { ko: '본부 서버가 이 키오스크의 연결을 받아들이지 않습니다.', en: 'The venue hub refused this kiosk.' },
    next: { ko: '기술 담당자에게 키오스크를 본부 서버에 다시 연결해 달라고 해 주세요.', en: 'Ask the technician to pair this kiosk with the hub again.' },
    clears: false,
  },
  runtime_fault: {
    severity: 'action',
    title: { ko: '키오스크 화면이 계속 다시 켜짐', en: 'The kiosk screen keeps restarting' },
    what: { ko: '키오스크 화면 프로그램이 여러 번 연달아 멈췄다가 다시 켜졌습니다.', en: 'The kiosk screen program stopped and restarted several times in a row.' },
    next: { ko: '화면이 보이는지 확인하고, 계속되면 기술 담당자에게 연락해 주세요.', en: 'Check the screen shows, and call the technician if it keeps happening.' },
    clears: false,
  },
  storage_fault: {
    severity: 'action',
    title: { ko: '저장 공간 문제', en: 'Storage problem' },
    what: { ko: '키오스크가 기록을 저장하지 못하고 있습니다.', en: 'The kiosk cannot save its records.' },
    next: { ko: '기술 담당자에게 바로 연락해 주세요. 방문객 화면은 "점검 중"으로 바뀝니다.', en: 'Call the technician now. Visitor screens show "under maintenance".' },
    clears: true,
  },
  program_help: {
    severity: 'notice',
    title: { ko: '프로그램 신청 도움 요청', en: 'A visitor would like help joining a programme' },
    what: { ko: '방문객이 마음약방에서 "{program}" 신청을 도와 달라고 했습니다.', en: 'A visitor at the Mind Pharmacy asked for help to join "{programEn}".' },
    next: { ko: '여유가 될 때 키오스크로 가서 인사하고, 신청을 함께 해 주세요.', en: 'When you can, go to the kiosk, say hello and sign them up together.' },
    clears: false,
  },
} satisfies Record<string, AlertEntry>;

export type AlertType = keyof typeof alertCatalog;
export const alertTypes = Object.keys(alertCatalog) as AlertType[];

type Detail = Record<string, string | number | boolean | null | undefined>;

function isType(x: string): x is AlertType {
  return Object.prototype.hasOwnProperty.call(alertCatalog, x);
}

/** The catalog entry an alert's kind and detail point to; unknown codes fall back to their kind's general words. */
export function alertTypeOf(kind: string, detail: Detail): AlertType {
  if (kind === 'printer_fault' && typeof detail.fault === 'string' && isType(detail.fault)) return detail.fault;
  if (kind === 'vending_fault' && typeof detail.code === 'string' && isType(detail.code)) return detail.code;
  if (isType(kind)) return kind;
  if (kind.startsWith('print')) return 'printer_fault';
  if (kind.startsWith('vend')) return 'vending_fault';
  return 'staff_call';
}

/**
 * The one cause an alert stands for: repeats of it join the open alert.
 * Ids in the detail (job, TXN, slot) keep different things apart: two failed
 * jobs are two slips to deal with, two link drops are one loose cable.
 */
export function alertCauseOf(kind: string, detail: Detail): string {
  const type = alertTypeOf(kind, detail);
  const id = (k: string) => (detail[k] === undefined || detail[k] === null ? '' : `:${String(detail[k])}`);
  switch (type) {
    case 'crisis':
      return `crisis${id('source')}`;
    case 'staff_call':
      return `staff_call${id('screen')}`;
    case 'print_job_failed':
    case 'print_job_unknown':
      return `print_job${id('jobId')}`;
    case 'vend_to_resolve':
      return `vend${id('txn')}`;
    case 'gift_owed':
      return `gift_owed${id('rxNumber')}`;
    case 'program_help':
      return `program_help${id('programId')}`;
    case 'low_stock':
      return `low_stock${id('source')}${id('slot')}${id('itemId')}`;
    case 'vending.jammed':
    case 'vending.slot_empty':
      return `${type}${id('slot')}`;
    default:
      return type;
  }
}

/** The words of an alert in one language, with its detail filled in (never a raw code). */
export function alertWords(type: AlertType, lang: 'ko' | 'en', detail: Detail): { title: string; what: string; next: string } {
  const e: AlertEntry = alertCatalog[type];
  const fill = (s: string) =>
    s.replace(/\{(\w+)\}/g, (_m, name: string) => {
      const v = detail[name];
      return v === undefined || v === null ? '–' : String(v);
    });
  return { title: fill(e.title[lang]), what: fill(e.what[lang]), next: fill(e.next[lang]) };
}

export function alertSeverity(type: AlertType): AlertSeverity {
  return (alertCatalog[type] as AlertEntry).severity;
}

/** What a device card says when nothing is wrong, or before the first check. */
export const deviceWords = {
  printer: {
    ok: { ko: { title: '프린터 정상', next: '인쇄할 수 있습니다.' }, en: { title: 'Printer ready', next: 'Slips can print.' } },
    unknown: { ko: { title: '프린터 확인 전', next: '처음 상태를 읽는 중입니다.' }, en: { title: 'Printer not checked yet', next: 'Reading its status for the first time.' } },
  },
  paper: {
    ok: { ko: { title: '용지 충분', next: '용지가 넉넉합니다.' }, en: { title: 'Paper OK', next: 'There is enough paper.' } },
    unknown: { ko: { title: '용지 확인 전', next: '프린터 상태를 읽으면 보입니다.' }, en: { title: 'Paper not checked yet', next: 'Shown once the printer answers.' } },
  },
  cabinet: {
    ok: { ko: { title: '선물함 정상', next: '선물을 드릴 수 있습니다.' }, en: { title: 'Gift cabinet ready', next: 'Gifts can be given.' } },
    unknown: { ko: { title: '선물함 확인 전', next: '선물함 상태를 읽는 중입니다.' }, en: { title: 'Cabinet not checked yet', next: 'Reading its status.' } },
  },
  link: {
    ok: { ko: { title: '선물함 연결됨', next: '키오스크와 선물함이 연결되어 있습니다.' }, en: { title: 'Cabinet link up', next: 'The kiosk reaches the gift cabinet.' } },
    unknown: { ko: { title: '연결 확인 전', next: '선물함과 연결하는 중입니다.' }, en: { title: 'Link not checked yet', next: 'Connecting to the cabinet.' } },
  },
} as const;
