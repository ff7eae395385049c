/** Print jobs: why a job is a reprint, and whether the printer confirmed it (migration 11's columns), Korean first. */

export const jobsKo = {
  'console.jobs.reprintReason.auto': '자동 재인쇄: 처음 인쇄가 됐는지 알 수 없어 한 번 더 인쇄했습니다 (종이에 "재발행" 표시).',
  'console.jobs.reprintReason.staff': '직원이 요청한 재인쇄',
  'console.jobs.confirmed.yes': '프린터가 인쇄를 확인함',
  'console.jobs.confirmed.no': '프린터 확인 없음: 보내기만 했습니다. 종이가 나왔는지 봐 주세요.',
} as const;

export const jobsEn: Record<keyof typeof jobsKo, string> = {
  'console.jobs.reprintReason.auto': 'Automatic reprint: the first print may not have come out, so it printed once more (marked "reprint" on paper).',
  'console.jobs.reprintReason.staff': 'Reprint asked by staff',
  'console.jobs.confirmed.yes': 'The printer confirmed it',
  'console.jobs.confirmed.no': 'Not confirmed: only sent to the printer. Check that the slip came out.',
};
