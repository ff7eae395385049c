/**
 * The programme editor's form: text fields as typed, checked before saving
 * with the services' own rules (`contract/connect-api.ts`), each problem
 * named by its field so the form can show it beside the input. Pure, so the
 * rules are unit-tested without a browser.
 */
import type { Program } from '../../../../electron/contract/connect-api';
import type { AgeBand, ProgramCategory, ProgramPlace } from '../../../../electron/contract/connect-lists';

export interface ProgramForm {
  id: string;
  nameKo: string;
  nameEn: string;
  institutionKo: string;
  institutionEn: string;
  category: ProgramCategory | '';
  district: ProgramPlace | '';
  scheduleKo: string;
  scheduleEn: string;
  ages: AgeBand[];
  firstTimersWelcome: boolean;
  joinPhone: string;
  joinUrl: string;
  joinAtDesk: boolean;
  /** Empty: open (no limit). */
  capacity: string;
  activeFrom: string;
  activeUntil: string;
}

export type FormField = Exclude<keyof ProgramForm, 'ages' | 'firstTimersWelcome' | 'joinAtDesk'>;
/** A problem as a message key of the console's catalog (`programs.problem.*`). */
export type FormProblems = Partial<Record<FormField, string>>;

export function emptyForm(today: string): ProgramForm {
  return {
    id: '',
    nameKo: '',
    nameEn: '',
    institutionKo: '',
    institutionEn: '',
    category: '',
    district: '',
    scheduleKo: '',
    scheduleEn: '',
    ages: [],
    firstTimersWelcome: true,
    joinPhone: '',
    joinUrl: '',
    joinAtDesk: false,
    capacity: '',
    activeFrom: today,
    activeUntil: '',
  };
}

export function formOf(p: Program): ProgramForm {
  return {
    id: p.id,
    nameKo: p.name.ko,
    nameEn: p.name.en,
    institutionKo: p.institution.ko,
    institutionEn: p.institution.en,
    category: p.category,
    district: p.district,
    scheduleKo: p.schedule.ko,
    scheduleEn: p.schedule.en,
    ages: [...p.ages],
    firstTimersWelcome: p.firstTimersWelcome,
    joinPhone: p.joinPhone ?? '',
    joinUrl: p.joinUrl ?? '',
    joinAtDesk: p.joinAtDesk,
    capacity: p.capacity === null ? '' : String(p.capacity),
    activeFrom: p.activeFrom,
    activeUntil: p.activeUntil ?? '',
  };
}

const realDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T12:00:00+09:00`).toISOString().startsWith(s);

/** The problems of a form (empty when it can be saved) and, when none, the programme to save. `newId` names a new one. */
export function checkForm(f: ProgramForm, newId: () => string): { problems: FormProblems; program: Program | null } {
  const problems: FormProblems = {};
  const need = (field: FormField, max: number) => {
    const v = String(f[field]).trim();
    if (v === '') problems[field] = 'programs.problem.empty';
    else if (v.length > max) problems[field] = 'programs.problem.tooLong';
  };
  need('nameKo', 60);
  need('nameEn', 60);
  need('institutionKo', 60);
  need('institutionEn', 60);
  need('scheduleKo', 80);
  need('scheduleEn', 80);
  if (!f.category) problems.category = 'programs.problem.pick';
  if (!f.district) problems.district = 'programs.problem.pick';
  const phone = f.joinPhone.trim();
  if (phone && !/^[0-9][0-9-]{2,18}[0-9]$/.test(phone)) problems.joinPhone = 'programs.problem.phone';
  const url = f.joinUrl.trim();
  if (url && (!/^https?:\/\/[^\s]+\.[^\s]+$/.test(url) || url.length > 300)) problems.joinUrl = 'programs.problem.url';
  if (!phone && !url && !f.joinAtDesk && !problems.joinPhone) problems.joinPhone = 'programs.problem.noWay';
  const cap = f.capacity.trim();
  if (cap && !(/^\d+$/.test(cap) && Number(cap) >= 1 && Number(cap) <= 100_000)) problems.capacity = 'programs.problem.capacity';
  if (!realDate(f.activeFrom)) problems.activeFrom = 'programs.problem.date';
  if (f.activeUntil && !realDate(f.activeUntil)) problems.activeUntil = 'programs.problem.date';
  else if (f.activeUntil && realDate(f.activeFrom) && f.activeUntil < f.activeFrom) problems.activeUntil = 'programs.problem.order';
  if (f.id && !/^[a-z0-9][a-z0-9-]{1,39}$/.test(f.id)) problems.id = 'programs.problem.id';
  if (Object.keys(problems).length > 0) return { problems, program: null };
  return {
    problems,
    program: {
      id: f.id || newId(),
      name: { ko: f.nameKo.trim(), en: f.nameEn.trim() },
      institution: { ko: f.institutionKo.trim(), en: f.institutionEn.trim() },
      category: f.category as ProgramCategory,
      district: f.district as ProgramPlace,
      schedule: { ko: f.scheduleKo.trim(), en: f.scheduleEn.trim() },
      ages: f.ages,
      firstTimersWelcome: f.firstTimersWelcome,
      joinPhone: phone || null,
      joinUrl: url || null,
      joinAtDesk: f.joinAtDesk,
      capacity: cap ? Number(cap) : null,
      activeFrom: f.activeFrom,
      activeUntil: f.activeUntil || null,
    },
  };
}

/** A new programme's id: readable, unique enough for one venue's catalog. */
export function newProgramId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(5));
  return `p-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
