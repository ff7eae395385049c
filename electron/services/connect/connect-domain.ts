/**
 * 서울연결처방 as a service domain (`connect.*`): the visitor's next step on
 * the pharmacy screen and the admin's catalog. Created before the pharmacy,
 * which asks its service for the slip's programme. Who may call what is
 * decided at the door (`contract/access.ts`); the door records each admin
 * action itself, and the catalog's own events say what changed.
 */
import { z } from 'zod';
import type { CallMeta, Handlers, StaffCaller } from '../../contract/dispatch';
import type { ApiMethod, ApiOutput, ApiParsedInput } from '../../contract/api';
import { PROGRAM_CATEGORIES } from '../../contract/connect-lists';
import type { DomainModule, ServiceContext, ServiceDomain } from '../context';
import { StaffError } from '../staff/staff-errors';
import { seoulDayStart } from '../staff/dashboard-queries';
import { loadPharmacyContent } from '../pharmacy/pharmacy-content';
import { ConnectError } from './connect-errors';
import { ConnectService } from './connect-service';
import { parseProgramsCsv, programsCsv } from './program-csv';

const id = z.string();
const category = z.enum(PROGRAM_CATEGORIES);

/** Anonymous by design: a programme and its category, never the visit or the visitor. */
export const connectEventSchemas = {
  'connect.program_suggested': z.object({ programId: id, category, source: z.enum(['slip', 'next']) }),
  'connect.help_requested': z.object({ programId: id, category, alertId: id }),
  'connect.program_saved': z.object({ programId: id, retired: z.boolean() }),
  'connect.catalog_imported': z.object({ mode: z.enum(['replace', 'merge']), imported: z.number().int(), retired: z.number().int() }),
  'connect.symptom_map_set': z.object({ symptomId: id, categories: z.array(category) }),
} as const;

export interface ConnectDomainOptions {
  now?: () => Date;
  /** Pharmacy content file (tests), for the symptom names of the map. */
  contentPath?: string;
}

export function connectDomainModule(opts: ConnectDomainOptions = {}): DomainModule {
  return { eventSchemas: connectEventSchemas, create: (ctx) => createConnectDomain(ctx, opts) };
}

type ConnectMethod = Extract<ApiMethod, `connect.${string}`>;
const RANGE_DAYS = { today: 1, week: 7, month: 30 } as const;

export function createConnectDomain(ctx: ServiceContext, opts: ConnectDomainOptions = {}): ServiceDomain {
  const now = opts.now ?? (() => new Date());
  const svc = new ConnectService(ctx, now);
  const seeded = svc.programs.seedSampleOnce();
  if (seeded > 0) ctx.logger.info('서울연결처방: the sample catalog was added; replace it in the console (Programmes)', { programs: seeded });
  const symptoms = () => loadPharmacyContent(opts.contentPath).symptoms;

  function staff<M extends ConnectMethod>(fn: (input: ApiParsedInput<M>, s: StaffCaller) => ApiOutput<M> | Promise<ApiOutput<M>>) {
    return async (input: ApiParsedInput<M>, meta: CallMeta): Promise<ApiOutput<M>> => {
      if (!meta.staff) throw new StaffError('staff.session_expired', 'no staff session on this call');
      return fn(input, meta.staff);
    };
  }

  const handlers: Partial<Handlers> = {
    'connect.chatbot': () => svc.chatbot(),
    'connect.nextProgram': ({ requestId, after }) => svc.next(requestId, after),
    'connect.requestHelp': ({ requestId, programId }) => svc.requestHelp(requestId, programId),
    'connect.staffPrograms': staff<'connect.staffPrograms'>(() => ({
      programs: svc.programs.all().map((s) => svc.describe(s)),
      venueDistrict: ctx.config.connect.venueDistrict,
      today: svc.today(),
    })),
    'connect.staffSaveProgram': staff<'connect.staffSaveProgram'>(({ program }) => {
      const saved = ctx.db.transaction(() => {
        const s = svc.programs.save(program);
        ctx.record('connect.program_saved', { programId: program.id, retired: s.retiredAt !== null });
        return s;
      })();
      return svc.describe(saved);
    }),
    'connect.staffRetireProgram': staff<'connect.staffRetireProgram'>(({ id: programId, retired }) => {
      const saved = ctx.db.transaction(() => {
        const s = svc.programs.setRetired(programId, retired);
        if (!s) throw new ConnectError('connect.program_not_found', `no programme ${programId}`);
        ctx.record('connect.program_saved', { programId, retired });
        return s;
      })();
      return svc.describe(saved);
    }),
    'connect.staffImportCsv': staff<'connect.staffImportCsv'>(({ csv, mode }) => {
      const parsed = parseProgramsCsv(csv, () => svc.programs.newId());
      if (parsed.errors.length > 0) return { imported: 0, retired: 0, errors: parsed.errors };
      // All rows or none: one transaction.
      return ctx.db.transaction(() => {
        for (const row of parsed.rows) svc.programs.save(row.program, row.retired);
        const retired = mode === 'replace' ? svc.programs.retireAllBut(new Set(parsed.rows.map((r) => r.program.id))) : 0;
        ctx.record('connect.catalog_imported', { mode, imported: parsed.rows.length, retired });
        return { imported: parsed.rows.length, retired, errors: [] };
      })();
    }),
    'connect.staffExportCsv': staff<'connect.staffExportCsv'>(() => ({
      filename: `itda-programs-${ctx.kioskId}-${svc.today()}.csv`,
      csv: programsCsv(svc.programs.all().map((s) => ({ program: s.program, retired: s.retiredAt !== null }))),
    })),
    'connect.staffSymptomMap': staff<'connect.staffSymptomMap'>(() => ({
      symptoms: symptoms().map((s) => ({ id: s.id, name: s.name, ...svc.categoriesFor(s.id) })),
    })),
    'connect.staffSetSymptomCategories': staff<'connect.staffSetSymptomCategories'>(({ symptomId, categories }, s) => {
      if (!symptoms().some((x) => x.id === symptomId)) throw new ConnectError('connect.unknown_symptom', `no symptom ${symptomId}`);
      return ctx.db.transaction(() => {
        const saved = svc.setCategories(symptomId, categories, `${s.role}:${s.pinId}`);
        ctx.record('connect.symptom_map_set', { symptomId, categories: saved });
        return { symptomId, categories: saved };
      })();
    }),
    'connect.staffCounts': staff<'connect.staffCounts'>(({ range }) => svc.counts(seoulDayStart(now().getTime(), RANGE_DAYS[range] - 1).toISOString())),
  };

  return {
    name: 'connect',
    service: svc,
    handlers,
    maintain: () => ({ connectVisitRows: svc.purgeVisits() }),
  };
}
