import { describe, expect, it } from 'vitest';
import { addSpan, moveTime, problems, removeSpan, shiftTime, type Weekly } from './availability-form';

const week: Weekly = { slotMinutes: 50, mon: [['10:00', '18:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

describe('counseling hours as staff edit them', () => {
  it('moves times in 30-minute steps and never past midnight', () => {
    expect(shiftTime('10:00', 30)).toBe('10:30');
    expect(shiftTime('00:00', -30)).toBe('00:00');
    expect(shiftTime('23:30', 30)).toBe('23:30');
    expect(moveTime(week, 'mon', 0, 1, -60).mon).toEqual([['10:00', '17:00']]);
  });

  it('opens a closed day at 10:00–12:00 and adds a later span after the last one', () => {
    const opened = addSpan(week, 'tue');
    expect(opened.tue).toEqual([['10:00', '12:00']]);
    expect(addSpan(opened, 'tue').tue).toEqual([['10:00', '12:00'], ['13:00', '15:00']]);
    expect(removeSpan(opened, 'tue', 0).tue).toEqual([]);
  });

  it('says which day is wrong: ends before it starts, too short for one talk, overlapping', () => {
    expect(problems(week)).toEqual([]);
    const bad: Weekly = { ...week, mon: [['12:00', '11:00']], tue: [['10:00', '10:30']], wed: [['10:00', '13:00'], ['12:00', '15:00']] };
    expect(problems(bad).map((p) => [p.day, p.key])).toEqual([
      ['mon', 'staff.hours.problem.order'],
      ['tue', 'staff.hours.problem.short'],
      ['wed', 'staff.hours.problem.overlap'],
    ]);
  });
});
