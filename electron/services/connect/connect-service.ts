/**
 * 서울연결처방 for one kiosk: which programme a Mind Pharmacy visit gets
 * (first on the slip, then one more per "다른 프로그램 보기"), the staff
 * notice when a visitor asks for help joining, and the admin's catalog.
 *
 * A visit is its request id. What it was shown is stored in order, so a
 * resend or a tap storm gets the same programme, a restart keeps the turns,
 * and help can be asked only for a programme the visit actually saw. Events
 * carry the programme's id and category, never anything about the visitor.
 */
import { qrcodeModule } from '../app/lazy-module';
import type { Program, ProgramCard } from '../../contract/connect-api';
import { categoryNames, PROGRAM_CATEGORIES, placeName, type ProgramCategory } from '../../contract/connect-lists';
import type { ServiceContext } from '../context';
import { raiseStaffAlert } from '../app/staff-alerts';
import { ConnectError } from './connect-errors';
import { pickProgram, programState, seoulDate } from './program-matching';
import { ProgramStore, type StoredProgram } from './program-store';
import { defaultSymptomCategories } from './sample-programs';

/** Programmes one visit may be shown: the slip's and two more. */
export const MAX_PER_VISIT = 3;

type Ctx = Pick<ServiceContext, 'db' | 'kioskId' | 'config' | 'logger' | 'record' | 'push'>;

export class ConnectService {
  readonly programs: ProgramStore;

  constructor(
    private readonly ctx: Ctx,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.programs = new ProgramStore(ctx.db, now);
  }

  today(): string {
    return seoulDate(this.now());
  }

  categoriesFor(symptomId: string): { categories: ProgramCategory[]; edited: boolean } {
    const row = this.ctx.db.prepare('SELECT categories FROM connect_symptom_categories WHERE symptom_id = ?').pluck().get(symptomId) as string | undefined;
    if (row) return { categories: JSON.parse(row) as ProgramCategory[], edited: true };
    return { categories: defaultSymptomCategories[symptomId] ?? [...PROGRAM_CATEGORIES], edited: false };
  }

  setCategories(symptomId: string, categories: ProgramCategory[], by: string): ProgramCategory[] {
    const clean = PROGRAM_CATEGORIES.filter((c) => categories.includes(c));
    this.ctx.db
      .prepare(
        'INSERT INTO connect_symptom_categories (symptom_id, categories, updated_at, updated_by) VALUES (?, ?, ?, ?) ON CONFLICT(symptom_id) DO UPDATE SET categories = excluded.categories, updated_at = excluded.updated_at, updated_by = excluded.updated_by',
      )
      .run(symptomId, JSON.stringify(clean), this.now().toISOString(), by);
    return clean;
  }

  private shown(requestId: string): { programId: string; symptomId: string }[] {
    return this.ctx.db.prepare('SELECT program_id AS programId, symptom_id AS symptomId FROM connect_suggestions WHERE request_id = ? ORDER BY ordinal').all(requestId) as {
      programId: string;
      symptomId: string;
    }[];
  }

  /**
   * The next programme for this visit, chosen and recorded in one
   * transaction (its turn taken, the event written); null when none matches.
   */
  private suggest(requestId: string, symptomId: string, source: 'slip' | 'next'): Program | null {
    const { db } = this.ctx;
    return db.transaction(() => {
      const shown = this.shown(requestId);
      if (shown.length >= MAX_PER_VISIT) return null;
      const turns = new Map((db.prepare('SELECT program_id, last_turn FROM connect_rotation').all() as { program_id: string; last_turn: number }[]).map((r) => [r.program_id, r.last_turn]));
      const picked = pickProgram(
        this.programs.all().map((s) => ({ program: s.program, retired: s.retiredAt !== null })),
        {
          categories: this.categoriesFor(symptomId).categories,
          today: this.today(),
          venueDistrict: this.ctx.config.connect.venueDistrict,
          lastTurn: turns,
          exclude: new Set(shown.map((s) => s.programId)),
        },
      );
      if (!picked) return null;
      const turn = ((db.prepare('SELECT MAX(last_turn) FROM connect_rotation').pluck().get() as number | null) ?? 0) + 1;
      db.prepare('INSERT INTO connect_rotation (program_id, last_turn, shown) VALUES (?, ?, 1) ON CONFLICT(program_id) DO UPDATE SET last_turn = excluded.last_turn, shown = shown + 1').run(picked.id, turn);
      db.prepare('INSERT INTO connect_suggestions (request_id, ordinal, program_id, symptom_id, at) VALUES (?, ?, ?, ?, ?)').run(requestId, shown.length + 1, picked.id, symptomId, this.now().toISOString());
      this.ctx.record('connect.program_suggested', { programId: picked.id, category: picked.category, source });
      return picked;
    })();
  }

  /** The slip's programme for a prescription: the visit's first suggestion (the same one again on a resend). */
  programForVisit(requestId: string, symptomId: string): Program | null {
    if (!this.ctx.config.connect.programsOnSlip) return null;
    const first = this.shown(requestId)[0];
    if (first) return this.programs.get(first.programId)?.program ?? null;
    return this.suggest(requestId, symptomId, 'slip');
  }

  /** "다른 프로그램 보기": the one after `after`; asked twice with the same `after`, the same answer. */
  async next(requestId: string, after: string): Promise<{ program: ProgramCard | null; more: boolean }> {
    const shown = this.shown(requestId);
    if (shown.length === 0) throw new ConnectError('connect.no_visit', 'this visit was shown no programme');
    const at = shown.findIndex((s) => s.programId === after);
    if (at < 0) throw new ConnectError('connect.not_suggested', `programme ${after} was not shown to this visit`);
    let program: Program | null;
    if (at < shown.length - 1) program = this.programs.get(shown[at + 1].programId)?.program ?? null;
    else program = this.suggest(requestId, shown[0].symptomId, 'next');
    const count = this.shown(requestId).length;
    return { program: program ? await this.card(program) : null, more: program !== null && count < MAX_PER_VISIT };
  }

  /** A gentle notice to staff naming the programme; one per visit and programme (a tap storm is one notice). */
  requestHelp(requestId: string, programId: string): { alertId: string } {
    const { db } = this.ctx;
    const prior = db.prepare('SELECT alert_id FROM connect_help_requests WHERE request_id = ? AND program_id = ?').pluck().get(requestId, programId) as string | undefined;
    if (prior) return { alertId: prior };
    if (!this.shown(requestId).some((s) => s.programId === programId)) throw new ConnectError('connect.not_suggested', `programme ${programId} was not shown to this visit`);
    const stored = this.programs.get(programId);
    if (!stored) throw new ConnectError('connect.program_not_found', `no programme ${programId}`);
    const p = stored.program;
    return db.transaction(() => {
      const alertId = raiseStaffAlert(this.ctx, 'program_help', { programId: p.id, program: p.name.ko, programEn: p.name.en, institution: p.institution.ko });
      db.prepare('INSERT INTO connect_help_requests (request_id, program_id, alert_id, at) VALUES (?, ?, ?, ?)').run(requestId, programId, alertId, this.now().toISOString());
      this.ctx.record('connect.help_requested', { programId: p.id, category: p.category, alertId });
      return { alertId };
    })();
  }

  async card(p: Program): Promise<ProgramCard> {
    return {
      id: p.id,
      category: p.category,
      categoryName: categoryNames[p.category],
      name: p.name,
      institution: p.institution,
      place: placeName(p.district),
      schedule: p.schedule,
      joinPhone: p.joinPhone,
      joinUrl: p.joinUrl,
      joinAtDesk: p.joinAtDesk,
      firstTimersWelcome: p.firstTimersWelcome,
      capacity: p.capacity,
      qrSvg: p.joinUrl ? await qrcodeModule().toString(p.joinUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }) : null,
    };
  }

  async chatbot() {
    const c = this.ctx.config.connect;
    return {
      name: c.chatbotName,
      url: c.chatbotUrl,
      qrSvg: c.chatbotUrl ? await qrcodeModule().toString(c.chatbotUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }) : null,
      line120: { phone: '02-120', press: '5' },
    };
  }

  describe(s: StoredProgram) {
    return { program: s.program, retiredAt: s.retiredAt, state: programState(s.program, s.retiredAt !== null, this.today()), updatedAt: s.updatedAt };
  }

  /** Suggestions and help requests since a Seoul day, from the event log: counts only. */
  counts(sinceIso: string) {
    const rows = this.ctx.db
      .prepare(
        "SELECT type, json_extract(payload, '$.programId') AS programId, json_extract(payload, '$.category') AS category, COUNT(*) AS n FROM events WHERE type IN ('connect.program_suggested', 'connect.help_requested') AND at >= ? GROUP BY type, programId, category",
      )
      .all(sinceIso) as { type: string; programId: string; category: ProgramCategory; n: number }[];
    const sug = (r: { type: string }) => r.type === 'connect.program_suggested';
    const byCategory = PROGRAM_CATEGORIES.map((category) => ({
      category,
      suggested: rows.filter((r) => sug(r) && r.category === category).reduce((a, r) => a + r.n, 0),
      helpRequested: rows.filter((r) => !sug(r) && r.category === category).reduce((a, r) => a + r.n, 0),
    }));
    const ids = [...new Set(rows.map((r) => r.programId))];
    const byProgram = ids
      .map((programId) => ({
        programId,
        name: this.programs.get(programId)?.program.name ?? null,
        suggested: rows.filter((r) => sug(r) && r.programId === programId).reduce((a, r) => a + r.n, 0),
        helpRequested: rows.filter((r) => !sug(r) && r.programId === programId).reduce((a, r) => a + r.n, 0),
      }))
      .sort((a, b) => b.suggested - a.suggested || b.helpRequested - a.helpRequested);
    return {
      suggested: byCategory.reduce((a, c) => a + c.suggested, 0),
      helpRequested: byCategory.reduce((a, c) => a + c.helpRequested, 0),
      byCategory,
      byProgram,
    };
  }

  /** Visit rows older than this many days go in the nightly maintenance: they serve one visit. */
  purgeVisits(days = 30): number {
    const before = new Date(this.now().getTime() - days * 86_400_000).toISOString();
    const a = this.ctx.db.prepare('DELETE FROM connect_suggestions WHERE at < ?').run(before).changes;
    const b = this.ctx.db.prepare('DELETE FROM connect_help_requests WHERE at < ?').run(before).changes;
    return a + b;
  }
}
