/**
 * What the technician sees when the kiosk cannot start (a native dialog in
 * main): Korean first, English second, the config problems listed as the
 * loader wrote them (field, bad value, what is allowed).
 */
export interface DialogText {
  title: string;
  body: string;
}

export function configErrorText(file: string | null, problems: readonly string[]): DialogText {
  return {
    title: '잇다 키오스크 설정 오류 / Itda Kiosk configuration error',
    body: [
      '설정 파일에 오류가 있어 키오스크를 시작할 수 없습니다. 아래 항목을 고친 뒤 다시 시작해 주세요.',
      'The kiosk cannot start: its configuration has errors. Fix the items below and start it again.',
      '',
      `${file ?? '(config)'}`,
      ...problems.map((p) => `  - ${p}`),
    ].join('\n'),
  };
}

export function startupFailureText(what: string, err: unknown): DialogText {
  const message = err instanceof Error ? err.message : String(err);
  return {
    title: '잇다 키오스크 시작 실패 / Itda Kiosk failed to start',
    body: ['키오스크를 시작할 수 없습니다. 직원에게 알려 주세요.', 'The kiosk cannot start. Please tell staff.', '', `${what}: ${message}`].join('\n'),
  };
}
