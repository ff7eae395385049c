/** The cabinet's state in words for the maintenance screen, Korean first. */
import type { VendingStatus } from './vending-types';

const FAULT_WORDS: Record<string, string> = {
  door_open: '문이 열려 있습니다 — 문을 닫아 주세요 / Door open: close the door',
  motor_bus_fault: '모터 회로 오류입니다 — 전원을 껐다 켜고, 계속되면 수리를 요청하세요 / Motor bus fault: power-cycle; call service if it stays',
  drop_sensor_fault: '낙하 센서 오류입니다 — 센서를 닦고 가림막을 치워 주세요 / Drop sensor fault: clean the sensor and clear anything blocking it',
};

export function describeVending(s: VendingStatus): string[] {
  const out: string[] = [];
  out.push(s.link === 'up' ? `연결됨 (펌웨어 ${s.firmware ?? '?'}) / Link up (firmware ${s.firmware ?? '?'})` : '연결이 끊겼습니다 — 케이블과 전원, 포트를 확인하세요 / Link down: check the cable, power and port');
  for (const f of s.faults) out.push(FAULT_WORDS[f] ?? f);
  if (s.busy) out.push('판매 중입니다 / Busy vending');
  if (s.reconcilePending) out.push('진행 중이던 판매를 확인하는 중입니다 / Checking vends left in flight');
  if (s.toResolve > 0) out.push(`확인이 필요한 판매 ${s.toResolve}건 / ${s.toResolve} vend(s) to resolve`);
  const out_ = s.slots.filter((x) => !x.inService).map((x) => `${x.slot}`);
  if (out_.length) out.push(`판매 중지 칸: ${out_.join(', ')} / Slots out of service: ${out_.join(', ')}`);
  if (s.faults.length === 0 && s.link === 'up') out.push('정상입니다 / OK');
  return out;
}
