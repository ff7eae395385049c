import { describe, expect, it } from 'vitest';
import { parseProgramsCsv, programsCsv, parseCsvRecords, CSV_COLUMNS } from './program-csv';
import { samplePrograms } from './sample-programs';

let n = 0;
const newId = () => `p-new-${++n}`;

describe('programme catalog CSV', () => {
  it('round-trips: the export imports back to the same programmes, retired ones included', () => {
    const list = samplePrograms.map((program, i) => ({ program, retired: i === 2 }));
    // A name with a comma, quotes and a line break survives too.
    list[0] = { ...list[0], program: { ...list[0].program, name: { ko: '(예시) 걷기, "함께"\n모임', en: ' (Sample) walk' .trim() } } };
    const csv = programsCsv(list);
    expect(csv.startsWith('\ufeff' + CSV_COLUMNS.join(','))).toBe(true);
    const back = parseProgramsCsv(csv, newId);
    expect(back.errors).toEqual([]);
    expect(back.rows.map((r) => ({ program: r.program, retired: r.retired }))).toEqual(list);
    expect(programsCsv(back.rows)).toBe(csv);
  });

  it('reads quoted cells across lines and both line endings', () => {
    expect(parseCsvRecords('a,b\r\n"x, ""y""","1\n2"\n').map((r) => r.cells)).toEqual([['a', 'b'], ['x, "y"', '1\n2']]);
  });

  it('lists every bad row by line and column, in Korean and English, and returns no rows at all', () => {
    const header = CSV_COLUMNS.join(',');
    const good = 'ok-1,좋은 모임,Good club,기관,Place,culture,mapo,매주,Weekly,,yes,02-000-0000,,no,open,2026-01-01,,no';
    const lines = [
      header,
      good,
      'bad-cat,모임,Club,기관,Place,cooking,mapo,매주,Weekly,,yes,02-1,,no,open,2026-01-01,,no',
      'bad-dates,모임,Club,기관,Place,arts,hogwarts,매주,Weekly,teens,maybe,,,no,many,2026-02-30,2025-01-01,no',
      'no-way,모임,Club,기관,Place,arts,seoul,매주,Weekly,,yes,,,no,10,2026-01-01,,no',
      'ok-1,,Club,기관,Place,arts,seoul,매주,Weekly,,yes,,,yes,10,2026-01-01,,no',
    ];
    const r = parseProgramsCsv(lines.join('\n'), newId);
    expect(r.rows).toEqual([]);
    const at = (line: number) => r.errors.filter((e) => e.line === line).map((e) => e.column);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(['category']);
    expect(at(4).sort()).toEqual(['ages', 'capacity', 'district', 'first_timers_welcome']);
    expect(at(5)).toEqual(['join_phone']);
    expect(at(6).sort()).toEqual(['id', 'name_ko']);
    for (const e of r.errors) {
      expect(e.message.ko.length).toBeGreaterThan(3);
      expect(e.message.en.length).toBeGreaterThan(3);
    }
    // The dates are checked once the rest of the row is right: a date that does not exist, and an end before the start.
    const dates = parseProgramsCsv([header, 'dd,모임,Club,기관,Place,arts,seoul,매주,Weekly,,yes,,,yes,10,2026-02-30,2025-01-01,no'].join('\n'), newId);
    expect(dates.errors.map((e) => e.column)).toEqual(['active_from', 'active_until']);
    const order = parseProgramsCsv([header, 'dd,모임,Club,기관,Place,arts,seoul,매주,Weekly,,yes,,,yes,10,2026-02-01,2026-01-01,no'].join('\n'), newId);
    expect(order.errors.map((e) => [e.column, e.message.ko])).toEqual([['active_until', '끝나는 날이 시작하는 날보다 앞입니다.']]);
  });

  it('names a missing or unknown column from the header, and gives a row without an id a new one', () => {
    const r = parseProgramsCsv('id,name_ko,colour\n', newId);
    expect(r.errors.some((e) => e.line === 1 && e.column === 'name_en')).toBe(true);
    expect(r.errors.some((e) => e.column === 'colour')).toBe(true);
    const header = CSV_COLUMNS.filter((c) => c !== 'id' && c !== 'retired').join(',');
    const fresh = parseProgramsCsv(`${header}\n새 모임,New club,기관,Place,healing,jung,매주,Weekly,senior;middle,no,,https://example.org/x,no,5,2026-01-01,2026-12-31`, newId);
    expect(fresh.errors).toEqual([]);
    expect(fresh.rows[0]).toMatchObject({ newId: true, retired: false, program: { id: expect.stringMatching(/^p-new-/), ages: ['senior', 'middle'], capacity: 5, joinUrl: 'https://example.org/x' } });
    expect(parseProgramsCsv('', newId).errors).toHaveLength(1);
  });
});
