import { describe, expect, it } from 'vitest';
import { checkForm, emptyForm, formOf } from './program-form';

const filled = () => ({
  ...emptyForm('2026-12-06'),
  nameKo: '동네 산책',
  nameEn: 'Walk club',
  institutionKo: '문화센터',
  institutionEn: 'Culture Centre',
  category: 'culture' as const,
  district: 'mapo' as const,
  scheduleKo: '매주 토요일',
  scheduleEn: 'Saturdays',
  joinPhone: '02-123-4567',
});

describe('the programme form', () => {
  it('names each problem by its field before anything is sent', () => {
    const r = checkForm({ ...emptyForm('2026-12-06'), joinPhone: 'call me', capacity: 'lots', activeUntil: '2026-01-01', joinUrl: 'ftp://x' }, () => 'p-x');
    expect(r.program).toBeNull();
    expect(r.problems).toMatchObject({
      nameKo: 'programs.problem.empty',
      category: 'programs.problem.pick',
      district: 'programs.problem.pick',
      joinPhone: 'programs.problem.phone',
      joinUrl: 'programs.problem.url',
      capacity: 'programs.problem.capacity',
      activeUntil: 'programs.problem.order',
    });
    expect(checkForm({ ...filled(), joinPhone: '' }, () => 'p-x').problems).toEqual({ joinPhone: 'programs.problem.noWay' });
    expect(checkForm({ ...filled(), activeFrom: '2026-02-30' }, () => 'p-x').problems).toEqual({ activeFrom: 'programs.problem.date' });
  });

  it('turns a good form into the programme, and a programme back into the same form', () => {
    const r = checkForm({ ...filled(), capacity: '12', ages: ['senior'], joinAtDesk: true }, () => 'p-new');
    expect(r.problems).toEqual({});
    expect(r.program).toMatchObject({ id: 'p-new', capacity: 12, joinUrl: null, activeUntil: null, ages: ['senior'] });
    expect(checkForm(formOf(r.program!), () => 'p-other').program).toEqual(r.program);
  });
});
