/**
 * The programme catalog as CSV, both ways: what staff export is what they
 * import (a round trip changes nothing). UTF-8 with a BOM so a spreadsheet
 * opens Korean correctly; RFC 4180 quoting. Import checks every row and
 * answers with every problem, by line and column, in Korean and English;
 * the caller imports nothing unless there are none.
 */
import { programSchema, type CsvRowError, type Program } from '../../contract/connect-api';
import { AGE_BANDS, PROGRAM_CATEGORIES, PROGRAM_PLACES } from '../../contract/connect-lists';

export const CSV_COLUMNS = [
  'id',
  'name_ko',
  'name_en',
  'institution_ko',
  'institution_en',
  'category',
  'district',
  'schedule_ko',
  'schedule_en',
  'ages',
  'first_timers_welcome',
  'join_phone',
  'join_url',
  'join_at_desk',
  'capacity',
  'active_from',
  'active_until',
  'retired',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED: Column[] = ['name_ko', 'name_en', 'institution_ko', 'institution_en', 'category', 'district', 'schedule_ko', 'schedule_en', 'active_from'];

export const MAX_CSV_ROWS = 2000;

export interface CsvProgram {
  program: Program;
  retired: boolean;
  /** The row had no id: the importer gives it one. */
  newId: boolean;
}

export interface CsvParse {
  rows: CsvProgram[];
  errors: CsvRowError[];
}

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsvRecords(text: string): { line: number; cells: string[] }[] {
  const src = text.replace(/^\ufeff/, '');
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      out.push({ line: startLine, cells });
      cells = [];
      cell = '';
      line++;
      startLine = line;
    } else cell += c;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    out.push({ line: startLine, cells });
  }
  return out.filter((r) => !(r.cells.length === 1 && r.cells[0].trim() === ''));
}

const msg = (ko: string, en: string) => ({ ko, en });
const YES = new Set(['yes', 'y', 'true', '1', '예', '네', 'o']);
const NO = new Set(['no', 'n', 'false', '0', '아니오', '아니요', 'x', '']);

/** Zod paths of the programme schema → the CSV column a person fixes. */
const COLUMN_OF: Record<string, Column> = {
  id: 'id',
  'name.ko': 'name_ko',
  'name.en': 'name_en',
  'institution.ko': 'institution_ko',
  'institution.en': 'institution_en',
  category: 'category',
  district: 'district',
  'schedule.ko': 'schedule_ko',
  'schedule.en': 'schedule_en',
  ages: 'ages',
  joinPhone: 'join_phone',
  joinUrl: 'join_url',
  capacity: 'capacity',
  activeFrom: 'active_from',
  activeUntil: 'active_until',
};

export function parseProgramsCsv(text: string, newId: () => string): CsvParse {
  const records = parseCsvRecords(text);
  const errors: CsvRowError[] = [];
  if (records.length === 0) return { rows: [], errors: [{ line: 0, column: null, message: msg('파일이 비어 있습니다.', 'The file is empty.') }] };
  const header = records[0].cells.map((h) => h.trim().toLowerCase());
  const missing = CSV_COLUMNS.filter((c) => c !== 'id' && c !== 'retired' && !header.includes(c));
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (missing.length > 0 || unknown.length > 0) {
    for (const c of missing) errors.push({ line: 1, column: c, message: msg(`머리줄에 "${c}" 열이 없습니다.`, `The header has no "${c}" column.`) });
    for (const c of unknown) errors.push({ line: 1, column: c, message: msg(`"${c}"은(는) 알 수 없는 열입니다.`, `"${c}" is not a known column.`) });
    return { rows: [], errors };
  }
  if (records.length - 1 > MAX_CSV_ROWS) {
    return { rows: [], errors: [{ line: 0, column: null, message: msg(`한 번에 ${MAX_CSV_ROWS}줄까지 가져올 수 있습니다.`, `At most ${MAX_CSV_ROWS} rows at a time.`) }] };
  }
  const rows: CsvProgram[] = [];
  const seen = new Map<string, number>();
  for (const rec of records.slice(1)) {
    const get = (c: Column) => (rec.cells[header.indexOf(c)] ?? '').trim();
    const rowErrors: CsvRowError[] = [];
    const bad = (column: Column, ko: string, en: string) => rowErrors.push({ line: rec.line, column, message: msg(ko, en) });
    if (rec.cells.length !== header.length) {
      errors.push({ line: rec.line, column: null, message: msg(`칸 수가 머리줄(${header.length})과 다릅니다(${rec.cells.length}).`, `This row has ${rec.cells.length} cells; the header has ${header.length}.`) });
      continue;
    }
    for (const c of REQUIRED) if (get(c) === '') bad(c, '비어 있습니다.', 'is empty.');
    const yesNo = (c: Column): boolean => {
      const v = get(c).toLowerCase();
      if (YES.has(v)) return true;
      if (!NO.has(v)) bad(c, `"${get(c)}": yes 또는 no로 적어 주세요.`, `"${get(c)}": write yes or no.`);
      return false;
    };
    const category = get('category');
    if (category && !(PROGRAM_CATEGORIES as readonly string[]).includes(category)) bad('category', `"${category}"은(는) 분야가 아닙니다. ${PROGRAM_CATEGORIES.join(', ')} 중 하나로 적어 주세요.`, `"${category}" is not a category: use one of ${PROGRAM_CATEGORIES.join(', ')}.`);
    const district = get('district');
    if (district && !(PROGRAM_PLACES as readonly string[]).includes(district)) bad('district', `"${district}"은(는) 자치구가 아닙니다(예: mapo, jung, seoul).`, `"${district}" is not a district (e.g. mapo, jung, seoul).`);
    const ages = get('ages') === '' || get('ages').toLowerCase() === 'all' ? [] : get('ages').split(/[;|]/).map((s) => s.trim()).filter(Boolean);
    for (const a of ages) if (!(AGE_BANDS as readonly string[]).includes(a)) bad('ages', `"${a}"은(는) 나이대가 아닙니다(${AGE_BANDS.join(';')}, 비우면 누구나).`, `"${a}" is not an age band (${AGE_BANDS.join(';')}, empty for everyone).`);
    const capText = get('capacity').toLowerCase();
    let capacity: number | null = null;
    if (capText !== '' && capText !== 'open' && capText !== '제한없음') {
      if (!/^\d+$/.test(capText)) bad('capacity', `"${get('capacity')}": 숫자나 open으로 적어 주세요.`, `"${get('capacity')}": write a number or open.`);
      else capacity = Number(capText);
    }
    const id = get('id').toLowerCase();
    const firstTimers = yesNo('first_timers_welcome');
    const atDesk = yesNo('join_at_desk');
    const retired = yesNo('retired');
    if (id) {
      const before = seen.get(id);
      if (before !== undefined) bad('id', `${before}번째 줄과 같은 id입니다.`, `Same id as line ${before}.`);
      seen.set(id, rec.line);
    }
    const candidate = {
      id: id || newId(),
      name: { ko: get('name_ko'), en: get('name_en') },
      institution: { ko: get('institution_ko'), en: get('institution_en') },
      category,
      district,
      schedule: { ko: get('schedule_ko'), en: get('schedule_en') },
      ages,
      firstTimersWelcome: firstTimers,
      joinPhone: get('join_phone') || null,
      joinUrl: get('join_url') || null,
      joinAtDesk: atDesk,
      capacity,
      activeFrom: get('active_from'),
      activeUntil: get('active_until') || null,
    };
    if (rowErrors.length === 0) {
      const parsed = programSchema.safeParse(candidate);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const column = COLUMN_OF[issue.path.join('.')] ?? null;
          rowErrors.push({ line: rec.line, column, message: schemaMessage(issue.message, column) });
        }
      } else rows.push({ program: parsed.data, retired, newId: !id });
    }
    errors.push(...rowErrors);
  }
  if (records.length === 1) errors.push({ line: 0, column: null, message: msg('머리줄만 있고 프로그램이 없습니다.', 'The file has a header but no programmes.') });
  return { rows: errors.length ? [] : rows, errors };
}

/** The schema's English words, with a Korean line beside them for the common cases. */
function schemaMessage(en: string, column: string | null) {
  const ko: Record<string, string> = {
    empty: '비어 있습니다.',
    'needs a way to join: phone, address or ask staff': '신청 방법이 없습니다: 전화, 주소, 또는 join_at_desk=yes 중 하나가 필요합니다.',
    'ends before it starts': '끝나는 날이 시작하는 날보다 앞입니다.',
    'a date like 2026-12-31': '날짜는 2026-12-31처럼 적어 주세요.',
    'not a real date': '없는 날짜입니다.',
    'digits and dashes, like 02-120': '전화번호는 02-120처럼 숫자와 -만 적어 주세요.',
    'an http:// or https:// address': '주소는 https://로 시작해야 합니다.',
    'lowercase letters, digits and dashes, 2 to 40': 'id는 영어 소문자, 숫자, -로 2~40자입니다.',
  };
  const text = ko[en] ?? (en.startsWith('at most') ? `너무 깁니다(${en.replace(/\D+/g, '')}자까지).` : `값을 확인해 주세요 (${en}).`);
  return { ko: text, en: column ? `${column}: ${en}` : en };
}

function cell(v: string): string {
  return /[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function programsCsv(list: readonly { program: Program; retired: boolean }[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const { program: p, retired } of list) {
    const values: Record<Column, string> = {
      id: p.id,
      name_ko: p.name.ko,
      name_en: p.name.en,
      institution_ko: p.institution.ko,
      institution_en: p.institution.en,
      category: p.category,
      district: p.district,
      schedule_ko: p.schedule.ko,
      schedule_en: p.schedule.en,
      ages: p.ages.join(';'),
      first_timers_welcome: p.firstTimersWelcome ? 'yes' : 'no',
      join_phone: p.joinPhone ?? '',
      join_url: p.joinUrl ?? '',
      join_at_desk: p.joinAtDesk ? 'yes' : 'no',
      capacity: p.capacity === null ? 'open' : String(p.capacity),
      active_from: p.activeFrom,
      active_until: p.activeUntil ?? '',
      retired: retired ? 'yes' : 'no',
    };
    lines.push(CSV_COLUMNS.map((c) => cell(values[c])).join(','));
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
